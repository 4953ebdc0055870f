import type { RegionType } from '@ketenkaart/web-api-client';
import { FormField, FormLabel, Select, SelectOption } from '@ketenkaart/web-ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { regionTypeLabel } from '../lib/region-type-label';

export interface RegionTypeSelectProps {
  regionTypes: readonly RegionType[] | undefined;
  value: string;
  onChange: (code: string) => void;
}

export function RegionTypeSelect({ regionTypes, value, onChange }: RegionTypeSelectProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const loading = regionTypes === undefined;
  return (
    <FormField>
      <FormLabel htmlFor={id}>{t('regions.regionType.label')}</FormLabel>
      <div className="utrecht-form-field__input">
        <Select
          id={id}
          value={value}
          busy={loading}
          disabled={loading}
          onChange={(event) => onChange(event.target.value)}
        >
          {loading ? (
            <SelectOption value={value}>{t('regions.regionType.loading')}</SelectOption>
          ) : (
            regionTypes.map((regionType) => (
              <SelectOption key={regionType.code} value={regionType.code}>
                {regionTypeLabel(regionType, i18n.language)}
              </SelectOption>
            ))
          )}
        </Select>
      </div>
    </FormField>
  );
}
