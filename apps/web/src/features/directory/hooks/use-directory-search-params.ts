import {
  EXPLOITATION_FORMS,
  FUNCTION_TYPES,
  GM_CODE_PATTERN,
  ORGANISATION_TYPES,
  TARGET_GROUPS,
} from '@ketenkaart/shared-domain';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

export const VIEWS = ['organisaties', 'personen', 'functies', 'alles'] as const;
export type DirectoryView = (typeof VIEWS)[number];

/** URL parameter names (Dutch, like the paths): the whole search state is a shareable link. */
export const PARAM = {
  q: 'q',
  view: 'weergave',
  regionType: 'regiotype',
  region: 'regio',
  municipality: 'gemeente',
  type: 'type',
  form: 'vorm',
  targetGroup: 'doelgroep',
  functionType: 'functie',
  page: 'pagina',
} as const;
export type ParamName = keyof typeof PARAM;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

export interface DirectoryFilters {
  q: string;
  view: DirectoryView;
  regionType?: string;
  region?: string;
  municipality?: string;
  type?: (typeof ORGANISATION_TYPES)[number];
  form?: (typeof EXPLOITATION_FORMS)[number];
  targetGroup?: (typeof TARGET_GROUPS)[number];
  functionType?: (typeof FUNCTION_TYPES)[number];
  page: number;
}

/** Reads the filters from the URL, ignoring values the API would refuse (a hand-edited link stays usable). */
export function useDirectorySearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();

  const filters = useMemo<DirectoryFilters>(() => {
    const get = (name: ParamName) => searchParams.get(PARAM[name]);
    const region = get('region');
    const municipality = get('municipality')?.toUpperCase() ?? null;
    const page = Number(get('page'));
    return {
      q: (get('q') ?? '').slice(0, 100),
      view: oneOf(get('view'), VIEWS) ?? 'organisaties',
      regionType: get('regionType') || undefined,
      region: region && UUID.test(region) ? region : undefined,
      municipality: municipality && GM_CODE_PATTERN.test(municipality) ? municipality : undefined,
      type: oneOf(get('type'), ORGANISATION_TYPES),
      form: oneOf(get('form'), EXPLOITATION_FORMS),
      targetGroup: oneOf(get('targetGroup'), TARGET_GROUPS),
      functionType: oneOf(get('functionType'), FUNCTION_TYPES),
      page: Number.isInteger(page) && page > 1 ? page : 1,
    };
  }, [searchParams]);

  /** Sets some parameters; any change other than the page itself starts again at page 1. */
  const update = useCallback(
    (changes: Partial<Record<ParamName, string | null>>) =>
      setSearchParams((current) => {
        const next = new URLSearchParams(current);
        for (const [name, value] of Object.entries(changes) as [ParamName, string | null][]) {
          if (value) next.set(PARAM[name], value);
          else next.delete(PARAM[name]);
        }
        if (!('page' in changes)) next.delete(PARAM.page);
        return next;
      }),
    [setSearchParams],
  );

  const hrefForPage = useCallback(
    (page: number) => {
      const next = new URLSearchParams(searchParams);
      if (page > 1) next.set(PARAM.page, String(page));
      else next.delete(PARAM.page);
      return `?${next.toString()}`;
    },
    [searchParams],
  );

  return { filters, update, hrefForPage };
}
