import { FormField, FormLabel, Select, SelectOption } from '@ketenkaart/web-ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionChoice } from '../hooks/use-region-choices';
import { PeriodSelect } from './period-select';

export interface MonitoringFiltersProps {
  period: string;
  region: string | null;
  nationwide: boolean;
  regions: readonly RegionChoice[];
  regionsLoading: boolean;
  onPeriod: (period: string) => void;
  onRegion: (region: string | null) => void;
}

/** Period (half-year) and region; every change is in the URL at once, so no submit button is needed. */
export function MonitoringFilters(props: MonitoringFiltersProps) {
  const { t } = useTranslation();
  const id = useId();
  const groups = [...new Set(props.regions.map((region) => region.typeCode))];
  const showRegion = props.nationwide || props.regions.length > 1;
  return (
    <div className="ketenkaart-monitoring__filters ketenkaart-no-print">
      <PeriodSelect period={props.period} onChange={props.onPeriod} />
      {showRegion ? (
        <FormField>
          <FormLabel htmlFor={`${id}-region`}>{t('monitoring.filters.region')}</FormLabel>
          <Select
            id={`${id}-region`}
            value={props.region ?? ''}
            busy={props.regionsLoading}
            onChange={(event) => props.onRegion(event.target.value || null)}
          >
            {props.nationwide ? (
              <SelectOption value="">{t('monitoring.filters.nationwide')}</SelectOption>
            ) : null}
            {groups.map((group) => (
              <optgroup
                key={group}
                label={t(`monitoring.regionType.${group}` as 'monitoring.regionType.ketenregie', {
                  defaultValue: group,
                })}
              >
                {props.regions
                  .filter((region) => region.typeCode === group)
                  .map((region) => (
                    <SelectOption key={region.id} value={region.id}>
                      {region.name}
                    </SelectOption>
                  ))}
              </optgroup>
            ))}
          </Select>
        </FormField>
      ) : null}
    </div>
  );
}
