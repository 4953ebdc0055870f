import { Button, ButtonGroup, Fieldset, FieldsetLegend } from '@ketenkaart/web-ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/form-fields';
import type { AuditFilterName, AuditFilters } from '../hooks/use-audit-filters';

export interface AuditFilterFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

const EMPTY: AuditFilters = { actor: '', recordType: '', recordId: '', action: '', from: '', to: '' };

export function AuditFilterForm({ filters, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const set = (name: AuditFilterName) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };

  return (
    <form onSubmit={submit} className="ketenkaart-form ketenkaart-filter-form">
      <Fieldset>
        <FieldsetLegend>{t('audit.filters.legend')}</FieldsetLegend>
        <div className="ketenkaart-filter-grid">
          <TextField
            id="audit-actor"
            label={t('audit.filters.actor')}
            description={t('audit.filters.actorDescription')}
            value={draft.actor}
            onChange={set('actor')}
          />
          <TextField
            id="audit-action"
            label={t('audit.filters.action')}
            description={t('audit.filters.actionDescription')}
            value={draft.action}
            onChange={set('action')}
          />
          <TextField
            id="audit-record-type"
            label={t('audit.filters.recordType')}
            description={t('audit.filters.recordTypeDescription')}
            value={draft.recordType}
            onChange={set('recordType')}
          />
          <TextField
            id="audit-record-id"
            label={t('audit.filters.recordId')}
            value={draft.recordId}
            onChange={set('recordId')}
          />
          <TextField
            id="audit-from"
            type="date"
            label={t('audit.filters.from')}
            value={draft.from}
            onChange={set('from')}
          />
          <TextField
            id="audit-to"
            type="date"
            label={t('audit.filters.to')}
            value={draft.to}
            onChange={set('to')}
          />
        </div>
      </Fieldset>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action">
          {t('audit.filters.apply')}
        </Button>
        <Button
          onClick={() => {
            setDraft(EMPTY);
            onApply(EMPTY);
          }}
        >
          {t('audit.filters.clear')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
