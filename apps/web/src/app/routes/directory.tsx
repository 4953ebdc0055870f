import { Heading, Paragraph } from '@ketenkaart/web-ui';
import { GM_CODE_PATTERN } from '@ketenkaart/shared-domain';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import {
  ChainView,
  DirectoryImport,
  DirectorySearch,
  EditFunction,
  EditOrganisation,
  EditPerson,
  EntryHistory,
  OrganisationDetails,
  PersonDetails,
} from '../../features/directory';
import { useDocumentTitle } from '../../lib/use-document-title';
import { NotFoundRoute } from './not-found';

/** The Sociale kaart: every directory page, one chunk loaded on the first visit to any of them. */
export function DirectorySearchRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.title'));
  return (
    <>
      <Heading level={1}>{t('directory.title')}</Heading>
      <Paragraph lead>{t('directory.intro')}</Paragraph>
      <DirectorySearch />
    </>
  );
}

const useId = () => useParams<{ id: string }>().id ?? '';

export function OrganisationRoute() {
  const id = useId();
  return <OrganisationDetails key={id} id={id} />;
}

export function OrganisationNewRoute() {
  return <EditOrganisation id={null} />;
}

export function OrganisationEditRoute() {
  const id = useId();
  return <EditOrganisation key={id} id={id} />;
}

export function OrganisationHistoryRoute() {
  const id = useId();
  return <EntryHistory key={id} kind="organisation" id={id} />;
}

export function PersonRoute() {
  const id = useId();
  return <PersonDetails key={id} id={id} />;
}

export function PersonNewRoute() {
  return <EditPerson id={null} />;
}

export function PersonEditRoute() {
  const id = useId();
  return <EditPerson key={id} id={id} />;
}

export function PersonHistoryRoute() {
  const id = useId();
  return <EntryHistory key={id} kind="person" id={id} />;
}

export function FunctionHistoryRoute() {
  const id = useId();
  return <EntryHistory key={id} kind="function" id={id} />;
}

export function DirectoryImportRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('directory.import.title'));
  return (
    <>
      <Heading level={1}>{t('directory.import.title')}</Heading>
      <Paragraph lead>{t('directory.import.intro')}</Paragraph>
      <DirectoryImport />
    </>
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function FunctionNewRoute() {
  const personId = useSearchParams()[0].get('persoon');
  const holder = personId && UUID.test(personId) ? personId : null;
  return <EditFunction key={holder ?? 'new'} id={null} personId={holder} />;
}

export function FunctionEditRoute() {
  const id = useId();
  return <EditFunction key={id} id={id} />;
}

export function RegionChainRoute() {
  const regionId = useParams<{ regionId: string }>().regionId ?? '';
  return <ChainView key={regionId} scope={{ kind: 'region', regionId }} />;
}

export function MunicipalityChainRoute() {
  const gmCode = (useParams<{ gmCode: string }>().gmCode ?? '').toUpperCase();
  if (!GM_CODE_PATTERN.test(gmCode)) return <NotFoundRoute />;
  return <ChainView key={gmCode} scope={{ kind: 'municipality', gmCode }} />;
}
