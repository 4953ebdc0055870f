#!/usr/bin/env node
// Bare baseline for bench/directory.mjs: `node:http` + `pg`, no framework. It serves
//   GET /api/v1/search?q=&page=&pageSize=
//   GET /api/v1/organisations?q=&region=&municipality=&type=&form=&targetGroup=&includeArchived=&page=&pageSize=
//   GET /api/v1/health
// with the SAME SQL text and parameters as DirectoryService.search and OrganisationsService.list (including the
// reference check of `region`/`municipality`), the same pool size and the same statement timeouts, and the same
// response bodies; so that "API ÷ baseline" is the cost of the framework (Nest, Express, pino-http, helmet,
// class-validator/-transformer, TypeORM), not of the database. Only the minimum of input checking is done.
// bench/directory.mjs verifies before measuring that both send identical SQL and return identical bodies.
//
//   node bench/baseline-server.mjs --database-url postgres://… [--port 0] [--pool 10] [--stale-months 12]
//                                  [--domain dist/apps/api/libs/shared/domain/src/index.js]
// Prints `listening <port>` on stdout when ready.
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    port: { type: 'string', default: '0' },
    pool: { type: 'string', default: '10' },
    'stale-months': { type: 'string', default: '12' },
    'statement-timeout': { type: 'string', default: '15000' },
    domain: { type: 'string', default: path.join(ROOT, 'dist/apps/api/libs/shared/domain/src/index.js') },
  },
});
if (!args['database-url']) {
  console.error('--database-url is required');
  process.exit(2);
}
// The compiled, framework-free shared domain library: the labels that the SQL and the bodies contain.
const { FUNCTION_TYPE_LABELS, ORGANISATION_TYPE_LABELS } = createRequire(import.meta.url)(args.domain);
const STALE_MONTHS = Number(args['stale-months']);
const STATEMENT_TIMEOUT = Number(args['statement-timeout']);

// Same settings as createDataSource() in apps/api/src/database/data-source.ts.
const pool = new pg.Pool({
  connectionString: args['database-url'],
  max: Number(args.pool),
  connectionTimeoutMillis: 3_000,
  application_name: 'ketenkaart-baseline',
  statement_timeout: STATEMENT_TIMEOUT,
  query_timeout: STATEMENT_TIMEOUT + 1_000,
  idle_in_transaction_session_timeout: STATEMENT_TIMEOUT * 2,
  options: '-c jit=off',
});

// ---------------------------------------------------------------------------------------------- SQL (copied)
// From apps/api/src/directory/directory-history.ts
const STALE_SQL = (alias, monthsParam) =>
  `(coalesce(${alias}.last_verified_at, ${alias}.created_at) < now() - make_interval(months => ${monthsParam}::int))`;
const CURRENT_SQL = (alias) =>
  `(${alias}.valid_from <= CURRENT_DATE AND (${alias}.valid_until IS NULL OR ${alias}.valid_until > CURRENT_DATE))`;
const escapeLike = (text) => text.replace(/[\\%_]/g, '\\$&');
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// From apps/api/src/directory/functions.service.ts
const FUNCTION_CURRENT_SQL = (alias) =>
  `(${alias}.archived_at IS NULL AND ${alias}.start_date <= CURRENT_DATE AND (${alias}.end_date IS NULL OR ${alias}.end_date > CURRENT_DATE))`;

// From apps/api/src/directory/organisations.service.ts
const ORGANISATION_COLUMNS = (alias, staleParam) => `
  ${alias}.id, ${alias}.name, ${alias}.type, ${alias}.description, ${alias}.website, ${alias}.national,
  ${alias}.municipality_codes::text[] AS "municipalityCodes", ${alias}.region_ids::text[] AS "regionIds",
  ${alias}.exploitation_forms::text[] AS "exploitationForms", ${alias}.target_groups::text[] AS "targetGroups",
  ${alias}.last_verified_at AS "lastVerifiedAt", ${alias}.last_verified_by AS "lastVerifiedBy",
  ${alias}.archived_at AS "archivedAt", ${alias}.version, ${STALE_SQL(alias, staleParam)} AS stale`;
const SERVES_MUNICIPALITY_SQL = (alias, param) => `
  (${alias}.municipality_codes && ARRAY[${param}]::text[] OR ${alias}.region_ids && ARRAY(
     SELECT sm.region_id FROM region_membership sm WHERE sm.municipality_code = ${param} AND ${CURRENT_SQL('sm')}))`;
const SERVES_REGION_SQL = (alias, param) => `
  (${alias}.region_ids && ARRAY[${param}] OR ${alias}.municipality_codes && ARRAY(
     SELECT rm.municipality_code::text FROM region_membership rm WHERE rm.region_id = ${param} AND ${CURRENT_SQL('rm')})
   OR ${alias}.region_ids && ARRAY(
     SELECT sm.region_id FROM region_membership rm
       JOIN region_membership sm ON sm.municipality_code = rm.municipality_code AND ${CURRENT_SQL('sm')}
      WHERE rm.region_id = ${param} AND ${CURRENT_SQL('rm')}))`;
function organisationRelevance(alias, textParam, likeParam, wordParams) {
  const name = `${alias}.search_name`;
  const folded = `kk_fold(${textParam})`;
  const vector = `${alias}.search_vector`;
  const query = `plainto_tsquery('dutch'::regconfig, ${folded})`;
  return {
    match: `(${name} LIKE '%' || kk_fold(${likeParam}) || '%' OR ${everyWordMatches(name, wordParams)}
             OR ${vector} @@ ${query})`,
    score: `(2 * word_similarity(${folded}, ${name}) + similarity(${folded}, ${name})
             + CASE WHEN ${name} LIKE kk_fold(${likeParam}) || '%' THEN 1 ELSE 0 END + ts_rank(${vector}, ${query}))`,
  };
}

// From apps/api/src/directory/people.service.ts
function personRelevance(textParam, likeParam, wordParams) {
  const name = 'p.search_name';
  const folded = `kk_fold(${textParam})`;
  return {
    match: `(${name} LIKE '%' || kk_fold(${likeParam}) || '%' OR ${everyWordMatches(name, wordParams)}
             OR lower(coalesce(p.work_email, '')) LIKE '%' || lower(${likeParam}) || '%')`,
    score: `(2 * word_similarity(${folded}, ${name}) + similarity(${folded}, ${name})
             + CASE WHEN ${name} LIKE kk_fold(${likeParam}) || '%' THEN 1 ELSE 0 END)`,
  };
}

// From apps/api/src/directory/search-sql.ts
const MAX_SEARCH_WORDS = 6;
function searchWords(text) {
  const words = text
    .split(/\s+/)
    .map((word) => word.replace(/[\\%_]/g, ''))
    .filter((word) => word.length > 0);
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}
function everyWordMatches(column, wordParams) {
  if (wordParams.length === 0) return 'FALSE';
  return `(${wordParams
    .map((word) => `(${column} LIKE '%' || kk_fold(${word}) || '%' OR kk_fold(${word}) <% ${column})`)
    .join(' AND ')})`;
}

// From apps/api/src/directory/search-cache.ts: result pages under the directory revision (same SQL, same capacity)
const SEARCH_CACHE_ENTRIES = Number(process.env.SEARCH_CACHE_ENTRIES ?? 1000);
const searchPages = new Map();
let searchStamp = '';
async function cachedSearchPage(parts, compute) {
  if (SEARCH_CACHE_ENTRIES === 0) return compute();
  const {
    rows: [{ revision, today }],
  } = await pool.query(
    `SELECT revision::text AS revision, CURRENT_DATE::text AS today FROM directory_revision WHERE id = 1`,
  );
  const stamp = `${revision}/${today}`;
  if (stamp !== searchStamp) {
    searchPages.clear();
    searchStamp = stamp;
  }
  const key = JSON.stringify(parts);
  const cached = searchPages.get(key);
  if (cached !== undefined) {
    searchPages.delete(key);
    searchPages.set(key, cached);
    return cached;
  }
  const page = await compute();
  if (searchStamp === stamp) {
    searchPages.set(key, page);
    if (searchPages.size > SEARCH_CACHE_ENTRIES) searchPages.delete(searchPages.keys().next().value);
  }
  return page;
}

// From apps/api/src/directory/search-sql.ts (TypeORM's transaction() sends START TRANSACTION / COMMIT / ROLLBACK)
const SEARCH_SETTINGS_SQL = `SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true), set_config('enable_seqscan', 'off', true)`;
async function withSearchThreshold(work) {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await client.query(SEARCH_SETTINGS_SQL);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

// From apps/api/src/directory/directory.service.ts
const FUNCTION_LABEL_SQL = `(CASE f.function_type ${Object.entries(FUNCTION_TYPE_LABELS)
  .map(([code, label]) => `WHEN '${code}' THEN '${label}'`)
  .join(' ')} ELSE f.function_type END)`;

// From apps/api/src/directory/directory-references.ts
const REFERENCE = {
  region: { key: 'id', current: '(t.valid_until IS NULL OR t.valid_until > CURRENT_DATE)' },
  municipality: { key: 'code', current: '(t.valid_until IS NULL OR t.valid_until > CURRENT_DATE)' },
};
async function referenceExists(table, value) {
  if (table !== 'municipality' && !UUID_PATTERN.test(value)) return false;
  const { key, current } = REFERENCE[table];
  const { rows } = await pool.query(
    `SELECT t.${key}::text AS key FROM ${table} t WHERE t.${key}::text = ANY($1) AND ${current}`,
    [[value]],
  );
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------- handlers
const isoOrNull = (date) => (date == null ? null : new Date(date).toISOString());

async function search(query) {
  const q = (query.get('q') ?? '').trim();
  if (q.length < 1 || q.length > 100) return [400, { title: 'q must be 1 to 100 characters' }];
  const { page, pageSize } = paging(query);
  return [200, await cachedSearchPage([q, page, pageSize], () => searchUncached(q, page, pageSize))];
}

async function searchUncached(q, page, pageSize) {
  const words = searchWords(q);
  const wordParams = words.map((_, index) => `$${index + 3}`);
  const limit = `$${words.length + 3}`;
  const offset = `$${words.length + 4}`;
  const organisation = organisationRelevance('o', '$1', '$2', wordParams);
  const person = personRelevance('$1', '$2', wordParams);
  const hits = `
    SELECT 'organisation' AS kind, o.id, ${organisation.score} AS score
      FROM organisation o WHERE o.archived_at IS NULL AND ${organisation.match}
    UNION ALL
    SELECT 'person', p.id, ${person.score}
      FROM person p WHERE p.archived_at IS NULL AND ${person.match}
    UNION ALL
    SELECT 'function', f.id, 2 * word_similarity(kk_fold($1), f.search_text) + similarity(kk_fold($1), f.search_text)
      FROM function_assignment f
     WHERE (f.search_text LIKE '%' || kk_fold($2) || '%' OR ${everyWordMatches('f.search_text', wordParams)})
       AND ${FUNCTION_CURRENT_SQL('f')}`;
  const pageSql = `
    WITH hits AS MATERIALIZED (${hits}),
         cutoff AS (SELECT score FROM hits ORDER BY score DESC LIMIT 1 OFFSET ${limit}::int + ${offset}::int - 1)
    SELECT h.kind, h.id, d.title, d.subtitle, h.score, (SELECT count(*) FROM hits) AS total
      FROM hits h
      CROSS JOIN LATERAL (
        SELECT o.name AS title, o.type AS subtitle, o.search_name AS sort_key
          FROM organisation o WHERE h.kind = 'organisation' AND o.id = h.id
        UNION ALL
        SELECT p.name, o.name, p.search_name
          FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id WHERE h.kind = 'person' AND p.id = h.id
        UNION ALL
        SELECT t.title, t.holder, kk_fold(t.title)
          FROM (SELECT ${FUNCTION_LABEL_SQL} || ' ' || coalesce(r.name, coalesce(g.display_name, g.name)) AS title,
                       coalesce(p.name, 'CoMensha op afstand') AS holder
                  FROM function_assignment f
                  LEFT JOIN person p ON p.id = f.person_id LEFT JOIN region r ON r.id = f.region_id
                  LEFT JOIN municipality g ON g.code = f.municipality_code
                 WHERE h.kind = 'function' AND f.id = h.id OFFSET 0) t) d
     WHERE h.score >= coalesce((SELECT score FROM cutoff), '-Infinity'::float8)
     ORDER BY h.score DESC, d.sort_key COLLATE "C", h.kind, h.id LIMIT ${limit} OFFSET ${offset}`;
  const params = [q, escapeLike(q), ...words];
  const { count, rows } = await withSearchThreshold(async (client) => {
    const { rows: found } = await client.query(pageSql, [...params, pageSize, (page - 1) * pageSize]);
    if (found.length > 0 || page === 1) return { count: found[0]?.total ?? 0, rows: found };
    const {
      rows: [{ count: all }],
    } = await client.query(`SELECT count(*) FROM (${hits}) hits`, params);
    return { count: all, rows: found };
  });
  return {
    items: rows.map((row) => ({
      kind: row.kind,
      id: row.id,
      title: row.title,
      subtitle:
        row.kind === 'organisation' ? (ORGANISATION_TYPE_LABELS[row.subtitle] ?? row.subtitle) : row.subtitle,
      score: Math.round(Number(row.score) * 1000) / 1000,
    })),
    page,
    pageSize,
    total: Number(count),
  };
}

async function listOrganisations(query) {
  const { page, pageSize } = paging(query);
  const q = (query.get('q') ?? '').trim();
  const region = query.get('region') || undefined;
  const municipality = query.get('municipality') || undefined;
  if (q.length > 100) return [400, { title: 'q must be at most 100 characters' }];
  if (region !== undefined && !UUID_PATTERN.test(region)) return [400, { title: 'region must be a UUID' }];
  if (region !== undefined && !(await referenceExists('region', region)))
    return [400, { title: `'${region}' is not a current region.` }];
  if (municipality !== undefined && !(await referenceExists('municipality', municipality)))
    return [400, { title: `'${municipality}' is not a current municipality.` }];
  const params = [];
  const param = (value) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [];
  if (query.get('includeArchived') !== 'true') where.push('o.archived_at IS NULL');
  if (query.get('type')) where.push(`o.type = ${param(query.get('type'))}`);
  if (query.get('form')) where.push(`${param(query.get('form'))} = ANY(o.exploitation_forms)`);
  if (query.get('targetGroup')) where.push(`${param(query.get('targetGroup'))} = ANY(o.target_groups)`);
  if (municipality) where.push(SERVES_MUNICIPALITY_SQL('o', param(municipality)));
  if (region) where.push(SERVES_REGION_SQL('o', `${param(region)}::uuid`));
  let score = '0';
  if (q) {
    const text = param(q);
    const like = param(escapeLike(q));
    const relevance = organisationRelevance('o', text, like, searchWords(q).map(param));
    where.push(relevance.match);
    score = relevance.score;
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const countParams = [...params];
  const staleMonths = param(STALE_MONTHS);
  const limit = param(pageSize);
  const offset = param((page - 1) * pageSize);
  const run = async (client) => {
    const { rows: found } = await client.query(
      `SELECT ${ORGANISATION_COLUMNS('o', staleMonths)}, ${score} AS score, count(*) OVER () AS total
           FROM organisation o ${filter}
          ORDER BY score DESC, o.search_name COLLATE "C", o.id LIMIT ${limit} OFFSET ${offset}`,
      params,
    );
    if (found.length > 0 || page === 1) return { rows: found, count: found[0]?.total ?? 0 };
    const {
      rows: [{ count: all }],
    } = await client.query(`SELECT count(*) FROM organisation o ${filter}`, countParams);
    return { rows: found, count: all };
  };
  const { rows, count } = q ? await withSearchThreshold(run) : await run(pool);
  return [
    200,
    {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        type: row.type,
        description: row.description,
        website: row.website,
        national: row.national,
        municipalityCodes: row.municipalityCodes ?? [],
        regionIds: row.regionIds ?? [],
        exploitationForms: row.exploitationForms ?? [],
        targetGroups: row.targetGroups ?? [],
        lastVerifiedAt: isoOrNull(row.lastVerifiedAt),
        lastVerifiedBy: row.lastVerifiedBy,
        stale: row.stale,
        archivedAt: isoOrNull(row.archivedAt),
        version: Number(row.version),
      })),
      page,
      pageSize,
      total: Number(count),
    },
  ];
}

function paging(query) {
  const page = Number(query.get('page') ?? 1);
  const pageSize = Number(query.get('pageSize') ?? 50);
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize: Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 500 ? pageSize : 50,
  };
}

const ROUTES = {
  '/api/v1/search': search,
  '/api/v1/organisations': listOrganisations,
  '/api/v1/health': async () => {
    await pool.query('SELECT 1');
    return [200, { status: 'ok', database: 'ok' }];
  },
};

const server = http.createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  const handler = request.method === 'GET' ? ROUTES[url.pathname] : undefined;
  let status = 404;
  let body = { title: 'Not Found' };
  if (handler) {
    try {
      [status, body] = await handler(url.searchParams);
    } catch (error) {
      status = 500;
      body = { title: 'Internal Server Error', detail: String(error?.message ?? error) };
    }
  }
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type':
      status < 400 ? 'application/json; charset=utf-8' : 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
});
server.keepAliveTimeout = 65_000;
server.listen(Number(args.port), '127.0.0.1', () => console.log(`listening ${server.address().port}`));

const stop = () => server.close(() => pool.end().finally(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
