import { useMemo } from 'react';
import { useRegionsById, useSelectableRegions } from '../api/get-regions';
import { useMonitoringScope } from './use-monitoring-scope';

export interface RegionChoice {
  id: string;
  name: string;
  typeCode: string;
  municipalityCodes: readonly string[];
}

const collator = new Intl.Collator('nl');

/** The regions the role may choose on the dashboards: any (national roles) or its own. */
export function useRegionChoices() {
  const { nationwide, ownRegionIds } = useMonitoringScope();
  const selectable = useSelectableRegions(nationwide);
  const own = useRegionsById(nationwide ? [] : ownRegionIds);
  const choices = useMemo<RegionChoice[]>(() => {
    const regions = nationwide
      ? [...(selectable.data?.veiligheidsregio ?? []), ...(selectable.data?.ketenregie ?? [])]
      : (own.data ?? []);
    return regions
      .map((region) => ({
        id: region.id,
        name: region.name,
        typeCode: region.typeCode,
        municipalityCodes: region.municipalityCodes,
      }))
      .sort((a, b) => a.typeCode.localeCompare(b.typeCode) || collator.compare(a.name, b.name));
  }, [nationwide, selectable.data, own.data]);
  return {
    choices,
    isLoading: nationwide ? selectable.isLoading : own.isLoading,
    error: selectable.error ?? own.error,
    find: (id: string | null) => (id ? choices.find((choice) => choice.id === id) : undefined),
  };
}
