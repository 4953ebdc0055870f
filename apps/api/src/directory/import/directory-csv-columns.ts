import type { DirectoryImportKind } from './directory-import.entity';

/**
 * The CSV columns CoMensha's spreadsheets use, in Dutch, and the API field each one maps to. Export writes
 * exactly these headers, so an exported file can be imported again unchanged. List cells hold codes
 * separated by `|`; regions are written `<type>/<code>` (e.g. `veiligheidsregio/VR13`); yes/no as `ja`/`nee`.
 */
export const ORGANISATION_COLUMNS = {
  sleutel: 'externalKey',
  naam: 'name',
  type: 'type',
  omschrijving: 'description',
  website: 'website',
  landelijk: 'national',
  gemeenten: 'municipalityCodes',
  regios: 'regionIds',
  uitbuitingsvormen: 'exploitationForms',
  doelgroepen: 'targetGroups',
  adres: 'address',
  adres_vertrouwelijk: 'addressConfidential',
  contact_label: 'contactPoints.0.label',
  contact_telefoon: 'contactPoints.0.phone',
  contact_email: 'contactPoints.0.email',
  contact_openingstijden: 'contactPoints.0.openingHours',
} as const;
export type OrganisationColumn = keyof typeof ORGANISATION_COLUMNS;

export const PERSON_COLUMNS = {
  sleutel: 'externalKey',
  naam: 'name',
  werk_email: 'workEmail',
  werk_telefoon: 'workPhone',
  /** The organisation's `sleutel` (external key), or its id when it has none. */
  organisatie: 'organisationId',
} as const;
export type PersonColumn = keyof typeof PERSON_COLUMNS;

export const REQUIRED_COLUMNS: Record<DirectoryImportKind, readonly string[]> = {
  organisations: ['sleutel', 'naam', 'type'],
  people: ['sleutel', 'naam'],
};

export const COLUMNS_OF: Record<DirectoryImportKind, Record<string, string>> = {
  organisations: ORGANISATION_COLUMNS,
  people: PERSON_COLUMNS,
};

/** The column a DTO validation error belongs to (`contactPoints.0.phone` → `contact_telefoon`). */
export function columnOfField(kind: DirectoryImportKind, field: string): string | null {
  const entry = Object.entries(COLUMNS_OF[kind]).find(([, path]) => path === field);
  return entry ? entry[0] : null;
}

/** Label given to the first contact point when the file names none. */
export const DEFAULT_CONTACT_LABEL = 'Algemeen';
