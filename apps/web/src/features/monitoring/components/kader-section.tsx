import { KADER_STATUSES, KADER_THEMES, Permission } from '@ketenkaart/shared-domain';
import {
  Heading,
  Paragraph,
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
import { Link } from 'react-router-dom';
import { paths } from '../../../config/paths';
import { useSession } from '../../../lib/session';
import type { KaderView } from '../api/types';
import type { MonitoringMapGeometry } from '../hooks/use-map-geometry';
import { useMonitoringLabels } from '../lib/labels';
import { KADER_SWATCHES, mapStatusOf, policyCount, shortfallThemes } from '../lib/status';
import { ScrollRegion } from './scroll-region';
import { StatusMap, type MapStatus } from './status-map';
import { StatusBadge, StatusLegend } from './swatch';

export interface KaderSectionProps {
  overview: KaderView;
  geometry: MonitoringMapGeometry | undefined;
  /** Name of the chosen region, or null for the whole country. */
  regionName: string | null;
  headingLevel?: 2 | 3;
  /** Links to the assessment form per gemeente (not in the printed report). */
  withLinks?: boolean;
}

const collator = new Intl.Collator('nl');

/** Kader status per gemeente: choropleth, legend, totals per theme and the table of gemeenten. */
export function KaderSection({
  overview,
  geometry,
  regionName,
  headingLevel = 2,
  withLinks,
}: KaderSectionProps) {
  const { t } = useTranslation();
  const labels = useMonitoringLabels();
  const { can } = useSession();
  const linkToForm = withLinks && can(Permission.kaderAssess);
  const scope = regionName ?? t('monitoring.filters.nationwide');
  const rows = useMemo(
    () => [...overview.municipalities].sort((a, b) => collator.compare(a.name, b.name)),
    [overview.municipalities],
  );
  const statuses = useMemo(
    () =>
      new Map<string, MapStatus>(
        overview.municipalities.map((municipality) => {
          const status = mapStatusOf(municipality);
          return [municipality.code, { status, label: labels.kaderStatus(status), name: municipality.name }];
        }),
      ),
    [overview.municipalities, labels],
  );
  const counts = Object.fromEntries(
    KADER_STATUSES.map((status) => [
      status,
      [...statuses.values()].filter((s) => s.status === status).length,
    ]),
  );
  const sub = (headingLevel + 1) as 3 | 4;
  const headingId = useId();
  return (
    <section
      className="ketenkaart-monitoring__section"
      aria-labelledby={headingId}
      data-testid="kader-section"
    >
      <Heading level={headingLevel} id={headingId}>
        {t('monitoring.kader.heading', { scope, period: overview.period })}
      </Heading>
      <Paragraph data-testid="kader-totals">
        {t('monitoring.kader.totals', {
          meets: overview.totals.meetsBasis,
          notMeets: overview.totals.doesNotMeetBasis,
          unknown: overview.totals.unknown,
          total: overview.totals.municipalities,
          af: overview.totals.aandachtsfunctionarisMeets,
          version: overview.criteriaSetVersion,
        })}
      </Paragraph>
      <div className="ketenkaart-monitoring__map-block">
        {geometry ? (
          <StatusMap
            geometry={geometry}
            statuses={statuses}
            swatches={KADER_SWATCHES}
            focusCodes={regionName ? overview.municipalities.map((m) => m.code) : null}
            caption={t('monitoring.kader.mapCaption', { scope, period: overview.period })}
            description={t('monitoring.kader.mapDescription')}
            className="ketenkaart-monitoring__kader-map"
          />
        ) : null}
        <StatusLegend
          title={t('monitoring.kader.legend')}
          swatches={KADER_SWATCHES}
          items={[
            ...KADER_STATUSES.map((status) => ({
              status,
              label: labels.kaderStatus(status),
              count: counts[status],
            })),
            ...(regionName ? [{ status: 'outside', label: t('monitoring.map.outside') }] : []),
          ]}
        />
      </div>

      <Table className="ketenkaart-monitoring__theme-table">
        <TableCaption>{t('monitoring.kader.themeCaption', { scope, period: overview.period })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('monitoring.kader.theme')}</TableHeaderCell>
            {KADER_STATUSES.map((status) => (
              <TableHeaderCell key={status} scope="col" numeric>
                {labels.kaderStatus(status)}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {overview.totals.themes.map((theme) => (
            <TableRow key={theme.theme}>
              <TableHeaderCell scope="row">{labels.theme(theme.theme)}</TableHeaderCell>
              {KADER_STATUSES.map((status) => (
                <TableCell key={status} numeric>
                  {theme[status]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>

      <Heading level={sub}>{t('monitoring.kader.perMunicipality')}</Heading>
      <ScrollRegion label={t('monitoring.kader.tableCaption', { scope, period: overview.period })}>
        <Table className="ketenkaart-monitoring__kader-table" data-testid="kader-table">
          <TableCaption>
            {t('monitoring.kader.tableCaption', { scope, period: overview.period })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('monitoring.kader.municipality')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.kader.basis')}</TableHeaderCell>
              {KADER_THEMES.map((theme) => (
                <TableHeaderCell key={theme} scope="col">
                  {labels.theme(theme)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t('monitoring.kader.shortfall')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.kader.af')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('monitoring.kader.policy')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((municipality) => {
              const status = statuses.get(municipality.code)!;
              const shortfall = shortfallThemes(municipality);
              return (
                <TableRow key={municipality.code} data-code={municipality.code} data-status={status.status}>
                  <TableHeaderCell scope="row">
                    {linkToForm ? (
                      <Link
                        className="utrecht-link utrecht-link--html-a"
                        to={paths.municipalityAssessment.getHref(municipality.code, overview.period)}
                      >
                        {municipality.name}
                      </Link>
                    ) : (
                      municipality.name
                    )}
                  </TableHeaderCell>
                  <TableCell>
                    <StatusBadge
                      status={status.status}
                      label={labels.basis(municipality.meetsBasis)}
                      swatch={KADER_SWATCHES[status.status as keyof typeof KADER_SWATCHES]}
                    />
                  </TableCell>
                  {municipality.themes.map((theme) => (
                    <TableCell key={theme.theme}>{labels.kaderStatus(theme.status)}</TableCell>
                  ))}
                  <TableCell>
                    {shortfall.length ? shortfall.map((theme) => labels.theme(theme)).join(', ') : '—'}
                  </TableCell>
                  <TableCell>
                    {municipality.aandachtsfunctionaris.meets
                      ? t('monitoring.af.meets')
                      : t('monitoring.af.notMeets')}
                  </TableCell>
                  <TableCell>
                    {policyCount(municipality)
                      ? t('monitoring.kader.policyCount', { n: policyCount(municipality) })
                      : t('monitoring.af.no')}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </ScrollRegion>
    </section>
  );
}
