import type { Chain, ChainRole, FunctionAssignment, OrganisationSummary } from '@ketenkaart/web-api-client';
import type { ReactNode } from 'react';
import {
  DataList,
  DataListItem,
  Heading,
  Link as UtrechtLink,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useChain, type ChainScope } from '../api/get-chain';
import { useResponsibilityGaps } from '../api/get-responsibility-gaps';
import { PARAM, type ParamName } from '../hooks/use-directory-search-params';
import { useLabels } from '../hooks/use-labels';
import { formatDate } from '../lib/format';
import { ResponsibilityGaps } from './responsibility-gaps';
import { RemoteBadge, StaleBadge, VacantBadge } from './status-badges';

const linkClass = 'utrecht-link utrecht-link--html-a';
const collator = new Intl.Collator('nl');

type DirectoryFilter = Partial<Record<ParamName, string>>;

/** The directory search (a shareable URL) that lists everything a capped list on the chain page stands for. */
function directoryHref(filter: DirectoryFilter): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filter) as [ParamName, string | undefined][])
    if (value) search.set(PARAM[name], value);
  return paths.directory.getHref(search.toString());
}

/** The chain's area as directory filters: the region (with its type, which the region picker needs) or gemeente. */
function areaOf(chain: Chain): DirectoryFilter {
  const { region, municipality } = chain.scope;
  if (region) return { regionType: region.typeCode, region: region.id };
  return { municipality: municipality?.code };
}

/**
 * All holders of a role: in a gemeente, its functions (and those of the regions around it); in a region, the
 * region the shown holders hold it for (a RIEC contact is held for the RIEC region), else the region itself.
 */
function roleHref(chain: Chain, role: ChainRole): string {
  const regions = new Set(role.holders.map((holder) => holder.region?.id));
  const held = role.holders[0]?.region;
  const area =
    chain.scope.region && held && regions.size === 1
      ? { regionType: held.typeCode, region: held.id }
      : areaOf(chain);
  return directoryHref({ view: 'functies', functionType: role.functionType, ...area });
}

/** Under a capped list: how many of how many are shown, and a link to all of them in the directory. */
function MoreLink({ shown, total, href }: { shown: number; total: number; href?: string }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return (
    <span className="ketenkaart-chain__contact">
      {t('directory.chain.firstOf', { shown, total })}
      {href ? (
        <>
          {' '}
          <Link className={linkClass} to={href}>
            {t('directory.chain.showAll')}
          </Link>
        </>
      ) : null}
    </span>
  );
}

export function ChainView({ scope }: { scope: ChainScope }) {
  const { t } = useTranslation();
  const { data, error } = useChain(scope);
  // The wie-doet-wat check sits above the roles: the page waits for it too, so that it does not push the roles
  // down when it arrives (a layout shift of the whole page, CLS 0.8 in `npm run bench:web`).
  const gaps = useResponsibilityGaps(data?.scope.region ?? undefined);
  const name = data ? (data.scope.region?.name ?? data.scope.municipality?.name ?? '') : undefined;
  const title = name
    ? scope.kind === 'region'
      ? t('directory.chain.titleRegion', { name })
      : t('directory.chain.titleMunicipality', { name })
    : t('directory.title');
  useDocumentTitle(title);
  if (error) return <ProblemAlert problem={error} />;
  if (!data || gaps.isLoading) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return (
    <>
      <Heading level={1}>{title}</Heading>
      <Paragraph lead>{t('directory.chain.intro')}</Paragraph>
      {data.scope.municipality ? (
        <Paragraph>
          <Link className={linkClass} to={paths.regions.getHref({ gemeente: data.scope.municipality.code })}>
            {t('directory.chain.onMap')}
          </Link>
        </Paragraph>
      ) : null}
      <ChainContent chain={data} />
    </>
  );
}

function Holder({ holder }: { holder: FunctionAssignment }) {
  const { t, i18n } = useTranslation();
  return (
    <li>
      {holder.person ? (
        <Link className={linkClass} to={paths.person.getHref(holder.person.id)}>
          {holder.person.name}
        </Link>
      ) : null}
      {holder.organisation ? (
        <>
          {holder.person ? ', ' : null}
          <Link className={linkClass} to={paths.organisation.getHref(holder.organisation.id)}>
            {holder.organisation.name}
          </Link>
        </>
      ) : null}
      {holder.opAfstand ? (
        <>
          {' '}
          <RemoteBadge />
        </>
      ) : null}
      {holder.stale ? (
        <>
          {' '}
          <StaleBadge />
        </>
      ) : null}
      {holder.person?.workEmail || holder.person?.workPhone ? (
        <span className="ketenkaart-chain__contact">
          {holder.person.workPhone ? (
            <UtrechtLink href={`tel:${holder.person.workPhone.replace(/[^+0-9]/g, '')}`}>
              {holder.person.workPhone}
            </UtrechtLink>
          ) : null}
          {holder.person.workEmail ? (
            <UtrechtLink href={`mailto:${holder.person.workEmail}`}>{holder.person.workEmail}</UtrechtLink>
          ) : null}
        </span>
      ) : null}
      {holder.deputy ? (
        <span className="ketenkaart-chain__contact">
          {t('directory.chain.deputy', { name: holder.deputy.name })}
        </span>
      ) : null}
      {holder.trainingDate ? (
        <span className="ketenkaart-chain__contact">
          {t('directory.chain.trained', { date: formatDate(holder.trainingDate, i18n.language) })}
        </span>
      ) : null}
    </li>
  );
}

function RoleHolders({ role, href }: { role: ChainRole; href: string }) {
  const { t } = useTranslation();
  if (role.status === 'vacant' || role.holders.length === 0) {
    return (
      <>
        <VacantBadge />
        <span className="ketenkaart-visually-hidden"> {t('directory.chain.noHolder')}</span>
      </>
    );
  }
  return (
    <>
      <ul className="ketenkaart-chain__holders">
        {role.holders.map((holder) => (
          <Holder key={holder.id} holder={holder} />
        ))}
      </ul>
      <MoreLink shown={role.holders.length} total={role.total} href={href} />
    </>
  );
}

/** An organisation of the chain: its link, what the caller adds after it (its type) and the stale badge. */
function OrganisationEntry({
  organisation,
  meta,
}: {
  organisation: { id: string; name: string; stale: boolean };
  meta?: ReactNode;
}) {
  return (
    <>
      <Link className={linkClass} to={paths.organisation.getHref(organisation.id)}>
        {organisation.name}
      </Link>
      {meta ? <> {meta}</> : null}
      {organisation.stale ? (
        <>
          {' '}
          <StaleBadge />
        </>
      ) : null}
    </>
  );
}

function OrganisationLinks({
  organisations,
  total,
  href,
}: {
  organisations: readonly OrganisationSummary[];
  total: number;
  href?: string;
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  if (!organisations.length) return <Paragraph>{t('directory.chain.noOrganisations')}</Paragraph>;
  const sorted = [...organisations].sort((a, b) => collator.compare(a.name, b.name));
  return (
    <>
      {total > organisations.length ? (
        <Paragraph>
          {t('directory.chain.firstOfOrganisations', { shown: organisations.length, total })}
          {href ? (
            <>
              {' '}
              <Link className={linkClass} to={href}>
                {t('directory.chain.showAll')}
              </Link>
            </>
          ) : null}
        </Paragraph>
      ) : null}
      <ul className="ketenkaart-results">
        {sorted.map((organisation) => (
          <li key={organisation.id} className="ketenkaart-result">
            <OrganisationEntry
              organisation={organisation}
              meta={
                <span className="ketenkaart-result__meta">
                  ({labels.organisationType(organisation.type)})
                </span>
              }
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function ChainContent({ chain }: { chain: Chain }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const { summary } = chain;
  return (
    <div className="ketenkaart-chain">
      <section aria-labelledby="chain-summary">
        <Heading level={2} id="chain-summary">
          {t('directory.chain.summary')}
        </Heading>
        <DataList>
          <DataListItem label={t('directory.chain.summaryMunicipalities')}>
            {summary.municipalities}
          </DataListItem>
          <DataListItem label={t('directory.chain.summaryVacantRoles')}>{summary.vacantRoles}</DataListItem>
          <DataListItem label={t('directory.chain.summaryVacantAf')}>
            {summary.vacantAandachtsfunctionarissen}
          </DataListItem>
          <DataListItem label={t('directory.chain.summaryStale')}>{summary.stale}</DataListItem>
        </DataList>
        <Paragraph small>{t('directory.chain.staleMonths', { count: chain.staleMonths })}</Paragraph>
      </section>

      {chain.scope.region ? <ResponsibilityGaps region={chain.scope.region} /> : null}

      <section aria-labelledby="chain-roles">
        <Heading level={2} id="chain-roles">
          {t('directory.chain.roles')}
        </Heading>
        <Table>
          <TableCaption className="ketenkaart-visually-hidden">{t('directory.chain.roles')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('directory.chain.function')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('directory.chain.holders')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {chain.roles.map((role) => (
              <TableRow key={role.functionType}>
                <TableHeaderCell scope="row">{labels.functionType(role.functionType)}</TableHeaderCell>
                <TableCell>
                  <RoleHolders role={role} href={roleHref(chain, role)} />
                </TableCell>
              </TableRow>
            ))}
            {chain.partners.map((partner) => (
              <TableRow key={partner.organisationType}>
                <TableHeaderCell scope="row">
                  {labels.organisationType(partner.organisationType)}
                </TableHeaderCell>
                <TableCell>
                  {partner.status === 'vacant' || partner.organisations.length === 0 ? (
                    <VacantBadge />
                  ) : (
                    <ul className="ketenkaart-chain__holders">
                      {partner.organisations.map((organisation) => (
                        <li key={organisation.id}>
                          <OrganisationEntry organisation={organisation} />
                        </li>
                      ))}
                    </ul>
                  )}
                  <MoreLink
                    shown={partner.organisations.length}
                    total={partner.total}
                    href={directoryHref({
                      view: 'organisaties',
                      type: partner.organisationType,
                      ...areaOf(chain),
                    })}
                  />
                  {partner.regions.length ? (
                    <span className="ketenkaart-chain__contact">
                      {t('directory.chain.partnerArea')}:{' '}
                      {partner.regions.map((region) => region.name).join(', ')}
                    </span>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section aria-labelledby="chain-municipalities">
        <Heading level={2} id="chain-municipalities">
          {t('directory.chain.municipalities')}
        </Heading>
        <Table>
          <TableCaption className="ketenkaart-visually-hidden">
            {t('directory.chain.municipalities')}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('directory.chain.municipality')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('directory.chain.aandachtsfunctionaris')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {chain.municipalities.map((municipality) => (
              <TableRow key={municipality.code}>
                <TableHeaderCell scope="row">
                  {chain.scope.kind === 'municipality' ? (
                    municipality.name
                  ) : (
                    <Link className={linkClass} to={paths.municipalityChain.getHref(municipality.code)}>
                      {municipality.name}
                    </Link>
                  )}
                </TableHeaderCell>
                <TableCell>
                  <RoleHolders
                    role={municipality.aandachtsfunctionaris}
                    href={directoryHref({
                      view: 'functies',
                      functionType: 'aandachtsfunctionaris',
                      municipality: municipality.code,
                    })}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>

      <section aria-labelledby="chain-organisations">
        <Heading level={2} id="chain-organisations">
          {t('directory.chain.organisations')}
        </Heading>
        <OrganisationLinks
          organisations={chain.organisations}
          total={chain.organisationsTotal}
          href={directoryHref({ view: 'organisaties', ...areaOf(chain) })}
        />
      </section>
      <section aria-labelledby="chain-national">
        <Heading level={2} id="chain-national">
          {t('directory.chain.nationalOrganisations')}
        </Heading>
        <OrganisationLinks
          organisations={chain.nationalOrganisations}
          total={chain.nationalOrganisationsTotal}
        />
      </section>
    </div>
  );
}
