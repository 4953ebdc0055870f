import fc from 'fast-check';
import { deepJsonText, hostileString, hostileValue, SchemaArbitraries, ValuePools } from './arbitraries';
import { JsonSchema, OpenApiDocument, Operation } from './openapi-model';

/** One generated request, before a caller (anonymous, a role, the service token) is attached. */
export interface GeneratedRequest {
  /** Path with parameters filled in and the query string. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** How the body was made: `json`, `malformed-json`, `deep-json`, `wrong-content-type`, … (for the counts). */
  bodyKind: string;
  /** For session callers on state-changing requests: leave the CSRF header out (tests the guard itself). */
  omitCsrf: boolean;
}

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=fuzz',
  'text/csv',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/octet-stream',
  'application/jsonx',
];

type BodyPart = Pick<GeneratedRequest, 'body' | 'bodyKind'> & { contentType?: string };

const MAX_URL_LENGTH = 8_000;
const MAX_SEGMENT_LENGTH = 2_000;

const ACCEPTS = [
  'application/json',
  'application/problem+json',
  '*/*',
  'text/html',
  'application/xml',
  'text/csv',
];

/** The collection a path parameter belongs to: `/api/v1/regions/{id}/x/{xId}` → `/api/v1/regions/{id}/x` for `xId`. */
export function collectionOf(path: string, parameter: string): string {
  return path.slice(0, path.indexOf(`/{${parameter}}`));
}

/** Builds the fast-check arbitrary of requests for one operation of the document. */
export class RequestArbitraries {
  private readonly schemas: SchemaArbitraries;

  constructor(
    private readonly document: OpenApiDocument,
    private readonly pools: ValuePools,
  ) {
    this.schemas = new SchemaArbitraries(document, pools);
  }

  private pathValue(
    operation: Operation,
    name: string,
    schema: JsonSchema | undefined,
  ): fc.Arbitrary<string> {
    const own = this.pools.idsByCollection.get(collectionOf(operation.path, name)) ?? [];
    const options: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
      { weight: 2, arbitrary: this.schemas.valid(schema, name).map(String) },
      { weight: 1, arbitrary: hostileString() },
      { weight: 1, arbitrary: fc.uuid() },
    ];
    if (own.length) options.push({ weight: 5, arbitrary: fc.constantFrom(...own) });
    return fc.oneof(...options);
  }

  private queryValue(name: string, schema: JsonSchema | undefined): fc.Arbitrary<string[]> {
    const single = fc.oneof(
      {
        weight: 5,
        arbitrary: this.schemas
          .valid(schema, name)
          .map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
      },
      { weight: 2, arbitrary: hostileString() },
      {
        weight: 1,
        arbitrary: fc.constantFrom('-1', '0', '1e9', '99999999999999999999', '1.5', 'NaN', '', 'true'),
      },
    );
    return fc.oneof(
      { weight: 6, arbitrary: single.map((v) => [v]) },
      { weight: 1, arbitrary: fc.array(single, { minLength: 2, maxLength: 3 }) },
    );
  }

  private jsonBodySchema(operation: Operation): JsonSchema | undefined {
    const content = operation.operation.requestBody?.content;
    return content?.['application/json']?.schema ?? content?.['application/merge-patch+json']?.schema;
  }

  private body(operation: Operation): fc.Arbitrary<BodyPart> {
    const content = operation.operation.requestBody?.content ?? {};
    const schema = this.jsonBodySchema(operation);
    const json = (arbitrary: fc.Arbitrary<unknown>, kind: string, contentType = 'application/json') =>
      arbitrary.map((value) => ({ body: JSON.stringify(value) ?? 'null', bodyKind: kind, contentType }));
    const others = [
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(
            '{',
            '{"a":',
            '[1,2',
            "{'a':1}",
            'nul',
            '{"a":1}}',
            '\u0000',
            '{"a":NaN}',
            '"\\ud800"',
          )
          .map((body) => ({ body, bodyKind: 'malformed-json', contentType: 'application/json' })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(50, 1_000, 20_000), fc.constantFrom<'array' | 'object'>('array', 'object'))
          .map(([depth, kind]) => ({
            body: deepJsonText(depth, kind),
            bodyKind: 'deep-json',
            contentType: 'application/json',
          })),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...WRONG_CONTENT_TYPES), fc.oneof(hostileString(), fc.constant('{"a":1}')))
          .map(([contentType, body]) => ({ body: body || 'x', bodyKind: 'wrong-content-type', contentType })),
      },
      {
        weight: 1,
        arbitrary: json(hostileValue(), 'no-content-type').map((b) => ({ ...b, contentType: undefined })),
      },
      { weight: 1, arbitrary: fc.constant({ body: undefined, bodyKind: 'none' }) },
      { weight: 1, arbitrary: json(hostileValue(), 'wrong-type-json') },
    ];
    if (!operation.operation.requestBody) {
      // No body documented: mostly none, sometimes one anyway.
      return fc.oneof(
        { weight: 12, arbitrary: fc.constant({ body: undefined, bodyKind: 'none' }) },
        ...others,
      );
    }
    const bodies = [
      { weight: 6, arbitrary: json(this.schemas.valid(schema), 'valid-json') },
      { weight: 6, arbitrary: json(this.schemas.fuzzy(schema), 'fuzzy-json') },
      {
        weight: 1,
        arbitrary: json(this.schemas.valid(schema), 'merge-patch-json', 'application/merge-patch+json'),
      },
      {
        weight: 1,
        arbitrary: fc.constant({
          body: JSON.stringify({ padding: 'x'.repeat(300_000) }),
          bodyKind: 'too-large',
          contentType: 'application/json',
        }),
      },
      ...others,
    ];
    if (content['text/csv']) {
      bodies.push({
        weight: 2,
        arbitrary: fc
          .array(
            fc.array(fc.oneof(hostileString(), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 5 }),
            { maxLength: 5 },
          )
          .map((rows) => ({
            body: rows.map((row) => row.join(';')).join('\n'),
            bodyKind: 'csv',
            contentType: 'text/csv',
          })),
      });
    }
    return fc.oneof(...bodies);
  }

  /**
   * Two kinds of request, mixed: clean ones (schema-valid parameters and body, real ids) that reach deep into the
   * services, and noisy ones with hostile values, unknown parameters, odd bodies and content types.
   */
  forOperation(operation: Operation): fc.Arbitrary<GeneratedRequest> {
    return fc.oneof(
      { weight: 2, arbitrary: this.clean(operation) },
      { weight: 3, arbitrary: this.noisy(operation) },
    );
  }

  private clean(operation: Operation): fc.Arbitrary<GeneratedRequest> {
    const pathParams = fc.tuple(
      ...operation.pathParams.map((p) => {
        const own = this.pools.idsByCollection.get(collectionOf(operation.path, p.name)) ?? [];
        const valid = this.schemas.valid(p.schema, p.name).map(String);
        return own.length
          ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...own) }, { weight: 1, arbitrary: valid })
          : valid;
      }),
    ) as fc.Arbitrary<string[]>;
    const query = fc.tuple(
      ...operation.queryParams.map((p) =>
        fc.option(
          this.schemas.valid(p.schema, p.name).map((v) => [typeof v === 'string' ? v : JSON.stringify(v)]),
          { freq: 2, nil: undefined },
        ),
      ),
    ) as fc.Arbitrary<(string[] | undefined)[]>;
    const body: fc.Arbitrary<BodyPart> = operation.operation.requestBody
      ? this.schemas.valid(this.jsonBodySchema(operation)).map((value) => ({
          body: JSON.stringify(value) ?? 'null',
          bodyKind: 'valid-json',
          contentType: 'application/json',
        }))
      : fc.constant({ body: undefined, bodyKind: 'none' });
    return fc.record({ pathParams, query, body }).map(({ pathParams, query, body }) =>
      this.assemble(operation, {
        pathParams,
        query,
        unknownQuery: undefined,
        headers: [],
        accept: undefined,
        body,
        omitCsrf: false,
      }),
    );
  }

  private noisy(operation: Operation): fc.Arbitrary<GeneratedRequest> {
    const pathParams = fc.tuple(
      ...operation.pathParams.map((p) => this.pathValue(operation, p.name, p.schema)),
    ) as fc.Arbitrary<string[]>;
    const query = fc.tuple(
      ...operation.queryParams.map((p) =>
        fc.option(this.queryValue(p.name, p.schema), { freq: 2, nil: undefined }),
      ),
    ) as fc.Arbitrary<(string[] | undefined)[]>;
    // One noisy request in six carries a query parameter the operation does not know.
    const unknownQuery = fc.oneof(
      { weight: 5, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.constantFrom('unknownParam', 'page_size', 'q[$ne]', '__proto__', 'sort'),
          hostileString(),
        ),
      },
    );
    const headers = fc.tuple(
      ...operation.headerParams.map(() =>
        fc.option(
          fc.oneof(
            fc.string({ minLength: 8, maxLength: 40 }).filter((s) => /^[\x21-\x7e]+$/.test(s)),
            fc.constantFrom('"abc"', '*', 'x', 'é'.repeat(3), 'k'.repeat(300)),
          ),
          { freq: 2, nil: undefined },
        ),
      ),
    ) as fc.Arbitrary<(string | undefined)[]>;
    const accept = fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom(...ACCEPTS) },
    );
    return fc
      .record({
        pathParams,
        query,
        unknownQuery,
        headers,
        accept,
        body: this.body(operation),
        omitCsrf: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      })
      .map((parts) => this.assemble(operation, parts));
  }

  private assemble(
    operation: Operation,
    parts: {
      pathParams: string[];
      query: (string[] | undefined)[];
      unknownQuery: [string, string] | undefined;
      headers: (string | undefined)[];
      accept: string | undefined;
      body: BodyPart;
      omitCsrf: boolean;
    },
  ): GeneratedRequest {
    const { pathParams, query, unknownQuery, headers, accept, body, omitCsrf } = parts;
    {
      let path = operation.path;
      operation.pathParams.forEach((p, i) => {
        const encoded = encodeURIComponent(wellFormed(pathParams[i] || 'x'));
        // Long values are cut at an escape boundary, so the route (`…/{token}/accept`) stays the same.
        const value =
          encoded.length > MAX_SEGMENT_LENGTH
            ? encoded.slice(0, MAX_SEGMENT_LENGTH).replace(/%[0-9A-F]?$/, '')
            : encoded;
        path = path.replace(`{${p.name}}`, value);
      });
      const search = new URLSearchParams();
      operation.queryParams.forEach((p, i) => query[i]?.forEach((value) => search.append(p.name, value)));
      if (unknownQuery) search.append(unknownQuery[0], unknownQuery[1]);
      const requestHeaders: Record<string, string> = {};
      operation.headerParams.forEach((p, i) => {
        const value = headers[i];
        if (value !== undefined && /^[\t\x20-\x7e\x80-\xff]*$/.test(value)) requestHeaders[p.name] = value;
      });
      if (accept) requestHeaders['accept'] = accept;
      if (body.contentType) requestHeaders['content-type'] = body.contentType;
      const queryString = search.toString();
      const url = queryString ? `${path}?${queryString}` : path;
      return {
        // Node's HTTP server itself answers a request line over 16 kB with a bare 431, before the API sees it.
        url: url.length > MAX_URL_LENGTH ? path : url,
        headers: requestHeaders,
        body: body.body,
        bodyKind: body.bodyKind,
        omitCsrf,
      } satisfies GeneratedRequest;
    }
  }
}

/** Lone surrogates cannot be percent-encoded; they travel as U+FFFD (as a browser would send them). */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
