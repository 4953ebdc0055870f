import type { OrganisationDetail } from '@ketenkaart/web-api-client';
import {
  DataList,
  DataListItem,
  Heading,
  Link as UtrechtLink,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@ketenkaart/web-ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../../components/problem-alert';
import { paths } from '../../../config/paths';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useOrganisation } from '../api/get-organisations';
import { useLabels } from '../hooks/use-labels';
import { EntryActions } from './entry-actions';
import { UpkeepBadges } from './status-badges';
import { LastVerifiedItem } from './upkeep-info';

const linkClass = 'utrecht-link utrecht-link--html-a';

export function OrganisationDetails({ id }: { id: string }) {
  const { t } = useTranslation();
  const { data, error } = useOrganisation(id);
  useDocumentTitle(data?.name ?? t('directory.title'));
  if (error) return <ProblemAlert problem={error} />;
  if (!data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return <OrganisationView organisation={data} />;
}

function OrganisationView({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const list = (codes: readonly string[], label: (code: string) => string) =>
    codes.length ? codes.map(label).join(', ') : t('directory.organisation.none');

  return (
    <article className="ketenkaart-entry">
      <Heading level={1}>{organisation.name}</Heading>
      <Paragraph lead>
        {labels.organisationType(organisation.type)}{' '}
        <UpkeepBadges stale={organisation.stale} archivedAt={organisation.archivedAt} />
      </Paragraph>
      <EntryActions
        kind="organisation"
        id={organisation.id}
        name={organisation.name}
        archived={organisation.archivedAt !== null}
        editHref={paths.organisationEdit.getHref(organisation.id)}
        historyHref={paths.organisationHistory.getHref(organisation.id)}
      />
      <DataList>
        {organisation.description ? (
          <DataListItem label={t('directory.organisation.description')}>
            {organisation.description}
          </DataListItem>
        ) : null}
        {organisation.website ? (
          <DataListItem label={t('directory.organisation.website')}>
            <UtrechtLink href={organisation.website} rel="noopener noreferrer">
              {organisation.website}
            </UtrechtLink>
          </DataListItem>
        ) : null}
        {organisation.address || organisation.addressConfidential ? (
          <DataListItem label={t('directory.organisation.address')}>
            {organisation.address ? (
              <>
                {organisation.address}
                {organisation.addressConfidential ? (
                  <Paragraph small>{t('directory.organisation.addressConfidentialShown')}</Paragraph>
                ) : null}
              </>
            ) : (
              t('directory.organisation.addressConfidential')
            )}
          </DataListItem>
        ) : null}
        <DataListItem label={t('directory.organisation.area')}>
          <ServedArea organisation={organisation} />
        </DataListItem>
        <DataListItem label={t('directory.organisation.forms')}>
          {list(organisation.exploitationForms, labels.exploitationForm)}
        </DataListItem>
        <DataListItem label={t('directory.organisation.targetGroups')}>
          {list(organisation.targetGroups, labels.targetGroup)}
        </DataListItem>
        {organisation.parent ? (
          <DataListItem label={t('directory.organisation.parent')}>
            <Link className={linkClass} to={paths.organisation.getHref(organisation.parent.id)}>
              {organisation.parent.name}
            </Link>
          </DataListItem>
        ) : null}
        <LastVerifiedItem at={organisation.lastVerifiedAt} by={organisation.lastVerifiedBy} />
      </DataList>

      <Heading level={2}>{t('directory.organisation.contactPoints')}</Heading>
      {organisation.contactPoints.length ? (
        <ul className="ketenkaart-contact-points">
          {organisation.contactPoints.map((point, index) => (
            <li key={`${point.label}-${index}`} className="ketenkaart-contact-point">
              <Heading level={3}>{point.label}</Heading>
              <DataList>
                {point.phone ? (
                  <DataListItem label={t('directory.organisation.phone')}>
                    <UtrechtLink href={`tel:${point.phone.replace(/[^+0-9]/g, '')}`}>
                      {point.phone}
                    </UtrechtLink>
                  </DataListItem>
                ) : null}
                {point.email ? (
                  <DataListItem label={t('directory.organisation.email')}>
                    <UtrechtLink href={`mailto:${point.email}`}>{point.email}</UtrechtLink>
                  </DataListItem>
                ) : null}
                {point.openingHours ? (
                  <DataListItem label={t('directory.organisation.openingHours')}>
                    {point.openingHours}
                  </DataListItem>
                ) : null}
              </DataList>
            </li>
          ))}
        </ul>
      ) : (
        <Paragraph>{t('directory.organisation.noContactPoints')}</Paragraph>
      )}

      <Heading level={2}>{t('directory.organisation.people')}</Heading>
      {organisation.people.length ? (
        <UnorderedList>
          {organisation.people.map((person) => (
            <UnorderedListItem key={person.id}>
              <Link className={linkClass} to={paths.person.getHref(person.id)}>
                {person.name}
              </Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('directory.organisation.noPeople')}</Paragraph>
      )}
    </article>
  );
}

function ServedArea({ organisation }: { organisation: OrganisationDetail }) {
  const { t } = useTranslation();
  if (organisation.national) return <>{t('directory.organisation.national')}</>;
  if (!organisation.regions.length && !organisation.municipalities.length) {
    return <>{t('directory.organisation.noArea')}</>;
  }
  return (
    <>
      {organisation.regions.length ? (
        <Paragraph>
          {t('directory.organisation.regions')}:{' '}
          {organisation.regions.map((region, index) => (
            <span key={region.id}>
              {index > 0 ? ', ' : null}
              <Link className={linkClass} to={paths.regionChain.getHref(region.id)}>
                {region.name}
              </Link>
            </span>
          ))}
        </Paragraph>
      ) : null}
      {organisation.municipalities.length ? (
        <Paragraph>
          {t('directory.organisation.municipalities')}:{' '}
          {organisation.municipalities.map((municipality, index) => (
            <span key={municipality.code}>
              {index > 0 ? ', ' : null}
              <Link className={linkClass} to={paths.municipalityChain.getHref(municipality.code)}>
                {municipality.name}
              </Link>
            </span>
          ))}
        </Paragraph>
      ) : null}
    </>
  );
}
