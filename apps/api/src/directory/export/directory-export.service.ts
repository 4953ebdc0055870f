import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { MAX_PAGE_SIZE, Page } from '../../common/pagination.dto';
import { ListOrganisationsQueryDto } from '../dto/organisation.dto';
import { ListPeopleQueryDto } from '../dto/person.dto';
import { csvDocument } from '../import/csv';
import { DEFAULT_CONTACT_LABEL, ORGANISATION_COLUMNS, PERSON_COLUMNS } from '../import/directory-csv-columns';
import { OrganisationEntity } from '../organisation.entity';
import { OrganisationsService } from '../organisations.service';
import { PeopleService } from '../people.service';
import { PersonEntity } from '../person.entity';

const yesNo = (value: boolean) => (value ? 'ja' : 'nee');

/**
 * CSV exports of the directory's current view: the list endpoints' own filters and order, all pages, in the
 * import's columns so that an exported file imports again unchanged. A confidential address is never written,
 * whoever asks: a file leaves the portal's access control the moment it is saved.
 */
@Injectable()
export class DirectoryExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly people: PeopleService,
  ) {}

  async organisationsCsv(query: ListOrganisationsQueryDto): Promise<string> {
    const ids = await allIds((page) => this.organisations.list({ ...query, page, pageSize: MAX_PAGE_SIZE }));
    const entities = await this.load(OrganisationEntity, ids);
    const regions: { id: string; ref: string }[] = await this.dataSource.query(
      `SELECT id::text AS id, type_code || '/' || code AS ref FROM region`,
    );
    const regionRef = new Map(regions.map((region) => [region.id, region.ref]));
    const rows = entities.map((organisation) => {
      const [contact] = organisation.contactPoints;
      const cells: Record<keyof typeof ORGANISATION_COLUMNS, string | null> = {
        sleutel: organisation.externalKey ?? organisation.id,
        naam: organisation.name,
        type: organisation.type,
        omschrijving: organisation.description,
        website: organisation.website,
        landelijk: yesNo(organisation.national),
        gemeenten: [...organisation.municipalityCodes].sort().join('|'),
        regios: organisation.regionIds
          .map((id) => regionRef.get(id) ?? id)
          .sort()
          .join('|'),
        uitbuitingsvormen: [...organisation.exploitationForms].sort().join('|'),
        doelgroepen: [...organisation.targetGroups].sort().join('|'),
        adres: organisation.addressConfidential ? null : organisation.address,
        adres_vertrouwelijk: yesNo(organisation.addressConfidential),
        contact_label: contact ? contact.label || DEFAULT_CONTACT_LABEL : null,
        contact_telefoon: contact?.phone ?? null,
        contact_email: contact?.email ?? null,
        contact_openingstijden: contact?.openingHours ?? null,
      };
      return Object.keys(ORGANISATION_COLUMNS).map(
        (column) => cells[column as keyof typeof ORGANISATION_COLUMNS],
      );
    });
    return csvDocument(Object.keys(ORGANISATION_COLUMNS), rows);
  }

  async peopleCsv(query: ListPeopleQueryDto): Promise<string> {
    const ids = await allIds((page) => this.people.list({ ...query, page, pageSize: MAX_PAGE_SIZE }));
    const entities = await this.load(PersonEntity, ids);
    const organisationIds = [
      ...new Set(entities.flatMap((person) => (person.organisationId ? [person.organisationId] : []))),
    ];
    const organisations = await this.dataSource.getRepository(OrganisationEntity).find({
      where: { id: In(organisationIds) },
      select: { id: true, externalKey: true },
    });
    const organisationRef = new Map(
      organisations.map((organisation) => [organisation.id, organisation.externalKey ?? organisation.id]),
    );
    const rows = entities.map((person) => {
      const cells: Record<keyof typeof PERSON_COLUMNS, string | null> = {
        sleutel: person.externalKey ?? person.id,
        naam: person.name,
        werk_email: person.workEmail,
        werk_telefoon: person.workPhone,
        organisatie: person.organisationId
          ? (organisationRef.get(person.organisationId) ?? person.organisationId)
          : null,
      };
      return Object.keys(PERSON_COLUMNS).map((column) => cells[column as keyof typeof PERSON_COLUMNS]);
    });
    return csvDocument(Object.keys(PERSON_COLUMNS), rows);
  }

  /** Entities in the order of `ids` (the list's order). */
  private async load<T extends OrganisationEntity | PersonEntity>(
    target: new () => T,
    ids: string[],
  ): Promise<T[]> {
    const byId = new Map<string, T>();
    for (let start = 0; start < ids.length; start += 1000) {
      const chunk = ids.slice(start, start + 1000);
      const found = await this.dataSource.getRepository(target).findBy({ id: In(chunk) } as never);
      for (const entity of found) byId.set(entity.id, entity);
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}

/** Every id of a paged list, page by page. */
async function allIds(fetch: (page: number) => Promise<Page<{ id: string }>>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await fetch(page);
    ids.push(...result.items.map((item) => item.id));
    if (result.items.length < result.pageSize || ids.length >= result.total) return ids;
  }
}
