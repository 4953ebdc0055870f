import { COVERAGE_REGION_TYPES, CoverageStatus } from '@ketenkaart/shared-domain';
import {
  FormField,
  FormLabel,
  Heading,
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
} from '@ketenkaart/web-ui';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coverage, CoverageType, FunctionCoverage, RegionCoverage } from '../api/types';
import type { MonitoringMapGeometry } from '../hooks/use-map-geometry';
import { useMonitoringLabels } from '../lib/labels';
import { COVERAGE_SWATCHES } from '../lib/status';
import { ScrollRegion } from './scroll-region';
import { StatusMap, type MapStatus } from './status-map';
import { StatusBadge, StatusLegend } from './swatch';

export interface CoverageSectionProps {
  coverage: Coverage;
  geometry: MonitoringMapGeometry | undefined;
  /** Gemeenten of the chosen region (only regions that overlap them are shown); null: the whole country. */
  focusCodes: readonly string[] | null;
  scope: string;
  headingLevel?: 2 | 3;
  /** Lets the reader switch the region type (not in print). */
  onCoverageType?: (type: CoverageType) => void;
  /** The chosen region type, while its coverage loads (the section still shows `coverage.type`). */
  coverageType?: CoverageType;
}

type FunctionKey = 'ketenregisseur' | 'zorgcoordinatie';
const FUNCTIONS: readonly FunctionKey[] = ['ketenregisseur', 'zorgcoordinatie'];

/** Coverage of the network per region: two choropleths (ketenregisseur, zorgcoördinatie) and one table. */
export function CoverageSection(props: CoverageSectionProps) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const id = useId();
  const { coverage, focusCodes } = props;
  const regions = useMemo(() => {
    if (!focusCodes) return coverage.regions;
    const wanted = new Set(focusCodes);
    return coverage.regions.filter((region) => region.municipalities.some((m) => wanted.has(m.code)));
  }, [coverage.regions, focusCodes]);
  const statusesOf = (key: FunctionKey) => {
    const map = new Map<string, MapStatus>();
    for (const region of regions)
      for (const municipality of region.municipalities)
        if (!map.has(municipality.code))
          map.set(municipality.code, {
            status: region[key].status,
            label: `${region.name} – ${labels.coverage(region[key].status)}`,
            name: municipality.name,
          });
    return map;
  };
  const typeName = t(`monitoring.regionType.${coverage.type}` as 'monitoring.regionType.ketenregie');
  const level = props.headingLevel ?? 2;
  return (
    <section
      className="ketenkaart-monitoring__section"
      aria-labelledby={`${id}-heading`}
      data-testid="coverage-section"
    >
      <Heading level={level} id={`${id}-heading`}>
        {t('monitoring.coverage.heading', { scope: props.scope })}
      </Heading>
      <Paragraph>
        {t('monitoring.coverage.totals', {
          regions: regions.length,
          type: typeName,
          krVacant: regions.filter((r) => r.ketenregisseur.status === CoverageStatus.vacant).length,
          zcVacant: regions.filter((r) => r.zorgcoordinatie.status === CoverageStatus.vacant).length,
          zcOpAfstand: regions.filter((r) => r.zorgcoordinatie.status === CoverageStatus.opAfstand).length,
        })}
      </Paragraph>
      {props.onCoverageType ? (
        <FormField className="ketenkaart-no-print">
          <FormLabel htmlFor={`${id}-type`}>{t('monitoring.coverage.type')}</FormLabel>
          <Select
            id={`${id}-type`}
            value={props.coverageType ?? coverage.type}
            onChange={(event) => props.onCoverageType?.(event.target.value as CoverageType)}
          >
            {COVERAGE_REGION_TYPES.map((type) => (
              <SelectOption key={type} value={type}>
                {t(`monitoring.regionType.${type}` as 'monitoring.regionType.ketenregie')}
              </SelectOption>
            ))}
          </Select>
        </FormField>
      ) : null}
      {props.geometry ? (
        <div className="ketenkaart-monitoring__map-pair">
          {FUNCTIONS.map((key) => (
            <StatusMap
              key={key}
              geometry={props.geometry!}
              statuses={statusesOf(key)}
              swatches={COVERAGE_SWATCHES}
              focusCodes={focusCodes}
              caption={t(`monitoring.coverage.mapCaption.${key}`, { type: typeName })}
              description={t('monitoring.coverage.mapDescription')}
            />
          ))}
        </div>
      ) : null}
      <StatusLegend
        title={t('monitoring.coverage.legend')}
        swatches={COVERAGE_SWATCHES}
        items={[
          ...Object.values(CoverageStatus).map((status) => ({ status, label: labels.coverage(status) })),
          { status: 'outside', label: t('monitoring.map.outsideCoverage') },
        ]}
      />
      <ScrollRegion label={t('monitoring.coverage.tableCaption', { type: typeName, scope: props.scope })}>
        <Table data-testid="coverage-table">
          <TableCaption>
            {t('monitoring.coverage.tableCaption', { type: typeName, scope: props.scope })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitoring.coverage.region')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.coverage.ketenregisseur')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.coverage.zorgcoordinatie')}</TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                {t('monitoring.coverage.meetsBasis')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" numeric>
                {t('monitoring.coverage.afMeets')}
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {regions.map((region) => (
              <CoverageRow key={region.id} region={region} />
            ))}
          </TableBody>
        </Table>
      </ScrollRegion>
    </section>
  );
}

function CoverageRow({ region }: { region: RegionCoverage }) {
  const total = region.municipalities.length;
  return (
    <TableRow data-region={region.code}>
      <TableHeaderCell scope="row">{region.name}</TableHeaderCell>
      <TableCell>
        <FunctionCell coverage={region.ketenregisseur} />
      </TableCell>
      <TableCell>
        <FunctionCell coverage={region.zorgcoordinatie} />
      </TableCell>
      <TableCell numeric>
        {region.municipalities.filter((m) => m.meetsBasis === 'yes').length} / {total}
      </TableCell>
      <TableCell numeric>
        {region.municipalities.filter((m) => m.aandachtsfunctionaris.meets).length} / {total}
      </TableCell>
    </TableRow>
  );
}

function FunctionCell({ coverage }: { coverage: FunctionCoverage }) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const details = [
    coverage.hoursPerWeek !== null ? t('monitoring.coverage.hours', { hours: coverage.hoursPerWeek }) : null,
    coverage.vacantSince ? t('monitoring.coverage.vacantSince', { date: coverage.vacantSince }) : null,
  ].filter(Boolean);
  return (
    <>
      <StatusBadge
        status={coverage.status}
        label={labels.coverage(coverage.status)}
        swatch={COVERAGE_SWATCHES[coverage.status as CoverageStatus]}
      />
      {details.length ? <span className="ketenkaart-monitoring__detail"> ({details.join(', ')})</span> : null}
    </>
  );
}
