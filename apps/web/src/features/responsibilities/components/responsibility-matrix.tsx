import { Permission } from '@ketenkaart/shared-domain';
import {
  Button,
  FormField,
  FormLabel,
  LevelBadge,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  VisuallyHidden,
  type ResponsibilityLevelName,
} from '@ketenkaart/web-ui';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { useSession } from '../../../lib/session';
import { exportHref, refreshResponsibilities, useMatrix } from '../api/get-matrix';
import { useMatrixRegions } from '../api/get-matrix-regions';
import type { MatrixCell } from '../api/types';
import { FORMS, LEVELS, TARGET_GROUPS, useMatrixLabels } from '../lib/labels';
import { ProposeOverrideForm } from './propose-override-form';
import { ProposedAgreements } from './proposed-agreements';
import { SourceNote } from './source-note';
import '../responsibilities.css';

/** The wie-doet-wat matrix: tasks (rows) × organisation types (columns), filtered by form, target group and region. */
export function ResponsibilityMatrix() {
  const { t } = useTranslation();
  const labels = useMatrixLabels();
  const [search, setSearch] = useSearchParams();
  const filter = {
    form: search.get('vorm') ?? '',
    targetGroup: search.get('doelgroep') ?? '',
    region: search.get('regio') ?? '',
  };
  const { data: matrix, error } = useMatrix(filter);
  const { data: regions } = useMatrixRegions();
  const { can } = useSession();
  const ids = { form: useId(), group: useId(), region: useId(), legend: useId() };

  const update = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  const cellOf = useMemo(() => {
    const map = new Map<string, MatrixCell>();
    for (const cell of matrix?.cells ?? []) map.set(`${cell.task}|${cell.organisationType}`, cell);
    return map;
  }, [matrix]);

  const regionName = regions?.find((region) => region.id === filter.region)?.name;
  const canPropose = Boolean(filter.region) && can(Permission.matrixPropose);
  const canApprove = Boolean(filter.region) && can(Permission.matrixApprove);

  return (
    <div className="ketenkaart-matrix">
      <form
        className="ketenkaart-matrix__filters"
        onSubmit={(event) => event.preventDefault()}
        aria-label={t('responsibilities.filters')}
      >
        <FormField>
          <FormLabel htmlFor={ids.form}>{t('responsibilities.form')}</FormLabel>
          <Select id={ids.form} value={filter.form} onChange={(event) => update('vorm', event.target.value)}>
            <SelectOption value="">{t('responsibilities.allForms')}</SelectOption>
            {FORMS.map((form) => (
              <SelectOption key={form} value={form}>
                {labels.form(form)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.group}>{t('responsibilities.targetGroup')}</FormLabel>
          <Select
            id={ids.group}
            value={filter.targetGroup}
            onChange={(event) => update('doelgroep', event.target.value)}
          >
            <SelectOption value="">{t('responsibilities.allTargetGroups')}</SelectOption>
            {TARGET_GROUPS.map((group) => (
              <SelectOption key={group} value={group}>
                {labels.targetGroup(group)}
              </SelectOption>
            ))}
          </Select>
        </FormField>
        <FormField>
          <FormLabel htmlFor={ids.region}>{t('responsibilities.region')}</FormLabel>
          <Select
            id={ids.region}
            value={filter.region}
            onChange={(event) => update('regio', event.target.value)}
          >
            <SelectOption value="">{t('responsibilities.nationalDefault')}</SelectOption>
            {(regions ?? []).map((region) => (
              <SelectOption key={region.id} value={region.id}>
                {region.name}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      </form>

      <div className="ketenkaart-matrix__actions">
        <a className="utrecht-link utrecht-link--html-a" href={exportHref(filter.region)} download>
          {t('responsibilities.exportCsv')}
        </a>
        <Button appearance="secondary-action" onClick={() => window.print()}>
          {t('responsibilities.print')}
        </Button>
      </div>

      <section aria-labelledby={ids.legend} className="ketenkaart-matrix__legend">
        <h2 id={ids.legend} className="utrecht-heading-2">
          {t('responsibilities.legend')}
        </h2>
        <ul className="ketenkaart-matrix__legend-list">
          {LEVELS.map((level) => (
            <li key={level}>
              <LevelBadge level={level} label={labels.level(level)} />
            </li>
          ))}
          <li>
            <span className="ketenkaart-matrix__agreement-mark" aria-hidden="true">
              ◆
            </span>{' '}
            {t('responsibilities.regionalAgreement')}
          </li>
        </ul>
      </section>

      {error ? <ProblemAlert problem={error} /> : null}
      {!matrix && !error ? <Paragraph role="status">{t('responsibilities.loading')}</Paragraph> : null}
      {matrix ? (
        <div
          className="ketenkaart-matrix__scroll"
          tabIndex={0}
          role="region"
          aria-label={t('responsibilities.tableRegion')}
        >
          <Table className="ketenkaart-matrix__table">
            <TableCaption>
              {t('responsibilities.caption', {
                form: filter.form ? labels.form(filter.form) : t('responsibilities.allForms'),
                group: filter.targetGroup
                  ? labels.targetGroup(filter.targetGroup)
                  : t('responsibilities.allTargetGroups'),
                region: regionName ?? t('responsibilities.nationalDefault'),
              })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col" className="ketenkaart-matrix__corner">
                  {t('responsibilities.taskColumn')}
                </TableHeaderCell>
                {matrix.organisationTypes.map((type) => (
                  <TableHeaderCell key={type.code} scope="col">
                    {labels.organisationType(type.code)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {matrix.tasks.map((task) => (
                <TableRow key={task.code}>
                  <TableHeaderCell scope="row" className="ketenkaart-matrix__task">
                    {labels.task(task.code)}
                  </TableHeaderCell>
                  {matrix.organisationTypes.map((type) => {
                    const cell = cellOf.get(`${task.code}|${type.code}`);
                    return (
                      <TableCell key={type.code} className="ketenkaart-matrix__cell">
                        {cell ? (
                          <MatrixCellContent cell={cell} />
                        ) : (
                          <span className="ketenkaart-matrix__empty">–</span>
                        )}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}

      {canPropose && matrix ? (
        <ProposeOverrideForm
          regionId={filter.region}
          regionName={regionName ?? ''}
          tasks={matrix.tasks}
          organisationTypes={matrix.organisationTypes}
          defaultForm={filter.form}
          defaultTargetGroup={filter.targetGroup}
          onProposed={refreshResponsibilities}
        />
      ) : filter.region ? (
        <Paragraph small className="ketenkaart-no-print">
          {t('responsibilities.readOnly')}
        </Paragraph>
      ) : null}

      {canApprove && matrix ? (
        <ProposedAgreements
          regionId={filter.region}
          regionName={regionName ?? ''}
          onDecided={refreshResponsibilities}
        />
      ) : null}
    </div>
  );
}

function MatrixCellContent({ cell }: { cell: MatrixCell }) {
  const { t } = useTranslation();
  const labels = useMatrixLabels();
  const agreed = cell.origin === 'regional-agreement';
  return (
    <details className="ketenkaart-matrix__details">
      <summary>
        <LevelBadge level={cell.level as ResponsibilityLevelName} label={labels.level(cell.level)} compact />
        {agreed ? (
          <span className="ketenkaart-matrix__agreement-mark" title={t('responsibilities.regionalAgreement')}>
            <span aria-hidden="true"> ◆</span>
            <VisuallyHidden>{t('responsibilities.regionalAgreement')}</VisuallyHidden>
          </span>
        ) : null}
        {cell.hasVariants ? (
          <span className="ketenkaart-matrix__variants">
            <span aria-hidden="true">*</span>
            <VisuallyHidden>{t('responsibilities.hasVariants')}</VisuallyHidden>
          </span>
        ) : null}
      </summary>
      <div className="ketenkaart-matrix__note">
        <p>{cell.note}</p>
        {agreed && cell.defaultLevel ? (
          <p>{t('responsibilities.diff', { level: labels.level(cell.defaultLevel) })}</p>
        ) : null}
        {cell.organisation ? <p>{t('responsibilities.filledBy', { name: cell.organisation.name })}</p> : null}
        <p>
          <SourceNote source={cell.source} />
        </p>
      </div>
    </details>
  );
}
