import { GM_CODE_PATTERN, RegionTypeCode } from '@ketenkaart/shared-domain';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

export const DEFAULT_REGION_TYPE: string = RegionTypeCode.veiligheidsregio;
const TYPE_PARAM = 'type';
const MUNICIPALITY_PARAM = 'gemeente';

/**
 * The page state lives in the URL (`?type=veiligheidsregio&gemeente=GM0363`) so every view can be shared
 * as a link. Changes replace the history entry: the back button leaves the page instead of replaying
 * every click on the map.
 */
export function useRegionsSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const typeCode = searchParams.get(TYPE_PARAM) || DEFAULT_REGION_TYPE;
  const rawCode = searchParams.get(MUNICIPALITY_PARAM)?.toUpperCase() ?? null;
  const municipalityCode = rawCode && GM_CODE_PATTERN.test(rawCode) ? rawCode : null;

  const update = useCallback(
    (name: string, value: string | null) =>
      setSearchParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  const setTypeCode = useCallback((code: string) => update(TYPE_PARAM, code), [update]);
  const setMunicipalityCode = useCallback(
    (code: string | null) => update(MUNICIPALITY_PARAM, code),
    [update],
  );

  return { typeCode, municipalityCode, setTypeCode, setMunicipalityCode };
}
