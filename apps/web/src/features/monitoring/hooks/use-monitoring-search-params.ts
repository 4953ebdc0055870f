import { COVERAGE_REGION_TYPES } from '@ketenkaart/shared-domain';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { CoverageType } from '../api/types';
import { currentPeriod, isPeriod } from '../lib/periods';
import { useMonitoringScope } from './use-monitoring-scope';

const PERIOD_PARAM = 'periode';
const REGION_PARAM = 'regio';
const COVERAGE_PARAM = 'dekking';

/**
 * The dashboard and report state lives in the URL (`?periode=2025-H1&regio=<id>&dekking=ketenregie`), so a
 * view can be shared as a link. A regional role always has one of its own regions chosen; a national role
 * may choose none (the whole country).
 */
export function useMonitoringSearchParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const { nationwide, ownRegionIds } = useMonitoringScope();
  const rawPeriod = searchParams.get(PERIOD_PARAM);
  const period = isPeriod(rawPeriod) ? rawPeriod : currentPeriod();
  const rawRegion = searchParams.get(REGION_PARAM) || null;
  const region = nationwide
    ? rawRegion
    : rawRegion && ownRegionIds.includes(rawRegion)
      ? rawRegion
      : (ownRegionIds[0] ?? null);
  const rawCoverage = searchParams.get(COVERAGE_PARAM);
  const coverageType: CoverageType = COVERAGE_REGION_TYPES.includes(rawCoverage as CoverageType)
    ? (rawCoverage as CoverageType)
    : 'veiligheidsregio';

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

  return {
    period,
    region,
    coverageType,
    setPeriod: useCallback((value: string) => update(PERIOD_PARAM, value), [update]),
    setRegion: useCallback((value: string | null) => update(REGION_PARAM, value), [update]),
    setCoverageType: useCallback((value: string) => update(COVERAGE_PARAM, value), [update]),
  };
}
