import { ErrorCode, InvalidParam } from '@ketenkaart/shared-domain';
import { EntityManager } from 'typeorm';
import { ProblemException } from '../common/problem.exception';
import { UUID_PATTERN } from './directory-history';

type Table = 'region' | 'municipality' | 'organisation' | 'person';

const CODE: Record<Table, ErrorCode> = {
  region: ErrorCode.unknownRegion,
  municipality: ErrorCode.unknownMunicipality,
  organisation: ErrorCode.unknownOrganisation,
  person: ErrorCode.unknownPerson,
};

const KEY: Record<Table, string> = { region: 'id', municipality: 'code', organisation: 'id', person: 'id' };

/** Current = not ended (regions, municipalities) or not archived (organisations, people). */
const CURRENT: Record<Table, string> = {
  region: '(t.valid_until IS NULL OR t.valid_until > CURRENT_DATE)',
  municipality: '(t.valid_until IS NULL OR t.valid_until > CURRENT_DATE)',
  organisation: 't.archived_at IS NULL',
  person: 't.archived_at IS NULL',
};

/**
 * Refuses references to rows that do not exist (or are no longer current) with a 400 that names each field,
 * e.g. `regionIds.2`. `field` is the name for a single value or the prefix for a list.
 */
export async function requireReferences(
  manager: EntityManager,
  table: Table,
  field: string,
  values: readonly string[] | string | null | undefined,
): Promise<void> {
  if (values == null) return;
  const list = typeof values === 'string' ? [values] : [...values];
  if (list.length === 0) return;
  const candidates = table === 'municipality' ? list : list.filter((value) => UUID_PATTERN.test(value));
  const found: { key: string }[] =
    candidates.length === 0
      ? []
      : await manager.query(
          `SELECT t.${KEY[table]}::text AS key FROM ${table} t WHERE t.${KEY[table]}::text = ANY($1) AND ${CURRENT[table]}`,
          [candidates],
        );
  const known = new Set(found.map((row) => row.key));
  const invalid: InvalidParam[] = list.flatMap((value, index) =>
    known.has(value)
      ? []
      : [
          {
            name: typeof values === 'string' ? field : `${field}.${index}`,
            code: CODE[table],
            reason: `'${value}' is not a current ${table}.`,
          },
        ],
  );
  if (invalid.length > 0) {
    throw new ProblemException(400, CODE[table], invalid.map((param) => param.reason).join(' '), invalid);
  }
}
