import { Injectable } from '@nestjs/common';
import { ORGANISATION_TYPE_LABELS, OrganisationType } from '@ketenkaart/shared-domain';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProblemException } from '../common/problem.exception';
import { escapeLike, UUID_PATTERN } from '../directory/directory-history';
import type { ContactPoint } from '../directory/organisation.entity';
import { serviceTable } from './hsds-services';
import { HsdsListQueryDto, HsdsServiceListQueryDto } from './dto/hsds-query.dto';

/** HSDS version this feed follows (the schemas in ./schemas). */
export const HSDS_VERSION = '3.0';

type Json = Record<string, unknown>;

export interface HsdsPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Json[];
}

interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  description: string | null;
  website: string | null;
  parentId: string | null;
  contactPoints: ContactPoint[];
}

interface ServiceRow {
  id: string;
  organisationId: string;
  name: string;
  description: string;
  website: string | null;
  contactPoints: ContactPoint[];
  national: boolean;
  municipalities: { code: string; name: string }[] | null;
  regions: { id: string; name: string; type: string }[] | null;
  updatedAt: Date;
}

/** A stable UUID for a derived record (phone, contact, service area): md5 of its parts, as PostgreSQL's md5()::uuid. */
export function derivedId(...parts: string[]): string {
  const hex = createHash('md5').update(parts.join(':')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Drops null, undefined and empty-array fields: HSDS fields are optional but never null. */
function compact(object: Json): Json {
  return Object.fromEntries(
    Object.entries(object).filter(
      ([, value]) => value != null && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

const ORGANISATION_SQL = `o.id::text AS id, o.name, o.type, o.description, o.website,
  CASE WHEN p.archived_at IS NULL THEN o.parent_id::text END AS "parentId", o.contact_points AS "contactPoints"`;

/**
 * The public directory as an Open Referral HSDS 3.0 feed. Only what the public API shows anyway: current
 * organisations with their public contact points. Never a visiting address (confidential or not: HSDS
 * `locations` are left out, so a shelter can never leak through them), never people (their work details are
 * personal data meant for the professionals using the portal, not for open data).
 */
@Injectable()
export class HsdsService {
  constructor(private readonly dataSource: DataSource) {}

  async organizations(query: HsdsListQueryDto): Promise<HsdsPage> {
    const params: unknown[] = [];
    let filter = 'o.archived_at IS NULL';
    if (query.search) {
      params.push(escapeLike(query.search));
      filter += ` AND kk_fold(o.name || ' ' || coalesce(o.description, '')) LIKE '%' || kk_fold($${params.length}) || '%'`;
    }
    const [{ count }] = await this.dataSource.query(
      `SELECT count(*) FROM organisation o WHERE ${filter}`,
      params,
    );
    const rows: OrganisationRow[] = await this.dataSource.query(
      `SELECT ${ORGANISATION_SQL} FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_id
        WHERE ${filter} ORDER BY kk_fold(o.name) COLLATE "C", o.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.per_page, (query.page - 1) * query.per_page],
    );
    return page(
      query,
      Number(count),
      rows.map((row) => organizationBasics(row)),
    );
  }

  async organization(id: string): Promise<Json> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Organization', id);
    const [row]: OrganisationRow[] = await this.dataSource.query(
      `SELECT ${ORGANISATION_SQL} FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_id
        WHERE o.id = $1 AND o.archived_at IS NULL`,
      [id],
    );
    if (!row) throw ProblemException.notFound('Organization', id);
    const services = await this.serviceRows({ organisationId: id, limit: 100, offset: 0 });
    return compact({
      ...organizationBasics(row),
      phones: phonesOf(row.contactPoints, { organization_id: row.id }, row.id),
      contacts: contactsOf(row.contactPoints, { organization_id: row.id }, row.id),
      services: services.map((service) => serviceBasics(service)),
    });
  }

  async services(query: HsdsServiceListQueryDto): Promise<HsdsPage> {
    if (query.organization_id && !UUID_PATTERN.test(query.organization_id)) return page(query, 0, []);
    const total = await this.serviceRows({ organisationId: query.organization_id, count: true });
    const rows = await this.serviceRows({
      organisationId: query.organization_id,
      limit: query.per_page,
      offset: (query.page - 1) * query.per_page,
    });
    return page(
      query,
      total,
      rows.map((row) => serviceBasics(row)),
    );
  }

  async service(id: string): Promise<Json> {
    if (!UUID_PATTERN.test(id)) throw ProblemException.notFound('Service', id);
    const [row] = await this.serviceRows({ serviceId: id, limit: 1, offset: 0 });
    if (!row) throw ProblemException.notFound('Service', id);
    return compact({
      ...serviceBasics(row),
      last_modified: row.updatedAt.toISOString(),
      phones: phonesOf(row.contactPoints, { service_id: row.id }, row.id),
      contacts: contactsOf(row.contactPoints, { service_id: row.id }, row.id),
      service_areas: serviceAreas(row),
    });
  }

  private serviceRows(options: { organisationId?: string; serviceId?: string; count: true }): Promise<number>;
  private serviceRows(options: {
    organisationId?: string;
    serviceId?: string;
    limit: number;
    offset: number;
  }): Promise<ServiceRow[]>;
  private async serviceRows(options: {
    organisationId?: string;
    serviceId?: string;
    count?: boolean;
    limit?: number;
    offset?: number;
  }): Promise<ServiceRow[] | number> {
    const params: unknown[] = [...serviceTable()];
    const where = ['o.archived_at IS NULL'];
    if (options.organisationId) {
      params.push(options.organisationId);
      where.push(`o.id = $${params.length}::uuid`);
    }
    if (options.serviceId) {
      params.push(options.serviceId);
      where.push(`md5(o.id::text || ':' || s.code)::uuid = $${params.length}::uuid`);
    }
    const from = `FROM organisation o
      JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS s(type, code, name, description) ON s.type = o.type
     WHERE ${where.join(' AND ')}`;
    if (options.count) {
      const [{ count }] = await this.dataSource.query(`SELECT count(*) ${from}`, params);
      return Number(count);
    }
    params.push(options.limit, options.offset);
    return this.dataSource.query(
      `SELECT md5(o.id::text || ':' || s.code)::uuid::text AS id, o.id::text AS "organisationId", s.name, s.description,
              o.website, o.contact_points AS "contactPoints", o.national, o.updated_at AS "updatedAt",
              (SELECT json_agg(json_build_object('code', g.code, 'name', coalesce(g.display_name, g.name)) ORDER BY g.code)
                 FROM municipality g WHERE g.code = ANY(o.municipality_codes)) AS municipalities,
              (SELECT json_agg(json_build_object('id', r.id, 'name', r.name, 'type', r.type_code) ORDER BY r.name, r.id)
                 FROM region r WHERE r.id = ANY(o.region_ids)) AS regions
         ${from}
        ORDER BY kk_fold(o.name) COLLATE "C", o.id, s.code
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }
}

function page(query: HsdsListQueryDto, total: number, contents: Json[]): HsdsPage {
  const totalPages = Math.ceil(total / query.per_page);
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: query.page,
    size: contents.length,
    first_page: query.page === 1,
    last_page: query.page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

/** The one-to-one fields of an organization (what `organization_list.json` allows). */
function organizationBasics(row: OrganisationRow): Json {
  return compact({
    id: row.id,
    name: row.name,
    // HSDS requires a description; the type label says at least what kind of partner this is.
    description: row.description ?? ORGANISATION_TYPE_LABELS[row.type],
    email: row.contactPoints.find((point) => point.email)?.email,
    website: row.website,
    parent_organization_id: row.parentId,
  });
}

function serviceBasics(row: ServiceRow): Json {
  return compact({
    id: row.id,
    organization_id: row.organisationId,
    name: row.name,
    description: row.description,
    url: row.website,
    email: row.contactPoints.find((point) => point.email)?.email,
    status: 'active',
  });
}

function phonesOf(points: ContactPoint[], link: Json, ownerId: string): Json[] {
  return points.flatMap((point, index) =>
    point.phone
      ? [
          compact({
            id: derivedId(ownerId, 'phone', String(index)),
            ...link,
            number: point.phone,
            description: [point.label, point.openingHours].filter(Boolean).join(' — '),
          }),
        ]
      : [],
  );
}

/** A public contact point ("front door") as an HSDS contact: a desk, never a person. */
function contactsOf(points: ContactPoint[], link: Json, ownerId: string): Json[] {
  return points.map((point, index) =>
    compact({
      id: derivedId(ownerId, 'contact', String(index)),
      ...link,
      name: point.label,
      email: point.email,
    }),
  );
}

function serviceAreas(row: ServiceRow): Json[] {
  if (row.national) {
    return [
      {
        id: derivedId(row.id, 'area', 'NL'),
        service_id: row.id,
        name: 'Nederland',
        description: 'Landelijk',
        extent_type: 'text',
        extent: 'NL',
      },
    ];
  }
  return [
    ...(row.regions ?? []).map((region) => ({
      id: derivedId(row.id, 'area', region.id),
      service_id: row.id,
      name: region.name,
      description: `Regio (${region.type})`,
      extent_type: 'text',
      extent: region.name,
    })),
    ...(row.municipalities ?? []).map((municipality) => ({
      id: derivedId(row.id, 'area', municipality.code),
      service_id: row.id,
      name: municipality.name,
      description: `Gemeente ${municipality.code}`,
      extent_type: 'text',
      extent: municipality.code,
    })),
  ];
}
