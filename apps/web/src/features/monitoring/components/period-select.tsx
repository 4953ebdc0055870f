import { FormField, FormLabel, Select, SelectOption } from '@ketenkaart/web-ui';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { selectablePeriods } from '../lib/periods';

export function PeriodSelect({ period, onChange }: { period: string; onChange: (period: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <FormField className="ketenkaart-no-print">
      <FormLabel htmlFor={id}>{t('monitoring.filters.period')}</FormLabel>
      <Select id={id} value={period} onChange={(event) => onChange(event.target.value)}>
        {selectablePeriods().map((option) => (
          <SelectOption key={option} value={option}>
            {option}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}
