import fc from 'fast-check';
import { JsonSchema, OpenApiDocument, resolveSchema } from './openapi-model';

/** Real values seen in the running app, so that generated requests also hit existing records. */
export interface ValuePools {
  /** Record ids harvested from the API and the fixtures (own and other regions), any kind. */
  ids: string[];
  /** Ids per collection path (`/api/v1/regions` → region ids), for path parameters of that collection. */
  idsByCollection: Map<string, string[]>;
  municipalityCodes: string[];
}

/** Field-name words → the collection whose ids they hold. */
const COLLECTION_BY_NAME: Record<string, string> = {
  person: 'people',
  organisation: 'organisations',
  organization: 'hsds/organizations',
  region: 'regions',
  account: 'accounts',
  handoff: 'handoffs',
};

/** Strings that broke other systems: SQL, markup, control characters, odd Unicode, number-like text. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  "' OR '1'='1",
  "'; DROP TABLE region; --",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  '%00',
  '\u0000',
  'a\u0000b',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '=HYPERLINK("http://x")',
  '\u202eevil',
  '\ufeff',
  '\ud800',
  '\udfff\ud800',
  '𝕂𝕖𝕥𝕖𝕟𝕜𝕒𝕒𝕣𝕥',
  '👩🏽‍⚖️',
  'ＧＭ０３６３',
  '١٢٣',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e309',
  '0x1F',
  '9007199254740993',
  '-9223372036854775809',
  '1.5',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'GM0363',
  'GM9999',
  'gm0363',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '2025-H1',
  '2025-H3',
  '9999-12-31',
  '0000-00-00',
  '2025-02-30',
  '2025-13-01T25:61:61Z',
  'x'.repeat(256),
  'é'.repeat(1500),
  'a'.repeat(20_000),
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -1,
  -0,
  1.5,
  -2147483649,
  2147483648,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 200, maxLength: 600 }) },
  );

/** A value of the wrong kind for whatever the schema wants. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 4, arbitrary: hostileString() },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, {}, [], [null], [[]], { $gt: '' }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(hostileString(), { maxLength: 5 }) },
  );

/** `depth` levels of nesting, as raw JSON text (no recursion in the generator, so any depth is cheap). */
export function deepJsonText(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const isoDate = () =>
  fc
    .date({
      min: new Date('1990-01-01T00:00:00Z'),
      max: new Date('2035-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString());

/**
 * Arbitraries derived from the document's JSON Schemas. `valid` aims at values the API should accept (so that
 * requests get past validation into the services); `fuzzy` mixes those with hostile and wrong-typed values at
 * every level, drops required fields and adds unknown ones.
 */
export class SchemaArbitraries {
  constructor(
    private readonly document: OpenApiDocument,
    private readonly pools: ValuePools,
  ) {}

  /** Ids of the collection a field name points at (`deputyPersonId` → people), else of any collection. */
  private idArbitrary(name?: string): fc.Arbitrary<string> {
    const lower = (name ?? '').toLowerCase();
    const collection = Object.entries(COLLECTION_BY_NAME).find(([word]) => lower.includes(word))?.[1];
    const own = collection ? (this.pools.idsByCollection.get(`/api/v1/${collection}`) ?? []) : [];
    const options: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
      { weight: 1, arbitrary: fc.uuid() },
    ];
    if (own.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...own) });
    if (this.pools.ids.length) options.push({ weight: 2, arbitrary: fc.constantFrom(...this.pools.ids) });
    return fc.oneof(...options);
  }

  /** A value for a named field or parameter: names carry more meaning than the schemas (`gm`, `region`, …). */
  private byName(name: string | undefined): fc.Arbitrary<unknown> | null {
    if (!name) return null;
    const lower = name.toLowerCase();
    if (lower === 'version') return fc.integer({ min: 1, max: 4 });
    if (
      ['gm', 'gmcode', 'municipality', 'municipalitycode', 'successorcode'].includes(lower) &&
      this.pools.municipalityCodes.length
    ) {
      return fc.constantFrom(...this.pools.municipalityCodes);
    }
    if (lower === 'municipalitycodes' && this.pools.municipalityCodes.length) {
      return fc.uniqueArray(fc.constantFrom(...this.pools.municipalityCodes), { maxLength: 4 });
    }
    if (lower.endsWith('phone'))
      return fc.constantFrom('0900-8844', '+31 20 123 4567', '020-1234567', '06-12345678');
    if (lower.endsWith('email')) return fc.emailAddress();
    if (lower === 'website' || lower.endsWith('url')) return fc.webUrl();
    if (lower === 'period') return fc.stringMatching(/^20(2[0-9])-H[12]$/);
    if (lower === 'id' || lower.endsWith('id') || lower === 'region' || lower === 'organisation') {
      return this.idArbitrary(name);
    }
    if (lower.endsWith('ids')) return fc.uniqueArray(this.idArbitrary(name), { maxLength: 3 });
    return null;
  }

  valid(input: JsonSchema | undefined, name?: string, depth = 0): fc.Arbitrary<unknown> {
    const schema = resolveSchema(this.document, input);
    const named = this.byName(name);
    if (named && !schema.enum && schema.type !== 'boolean' && schema.type !== 'object') return named;
    const nullable = schema.nullable
      ? (arbitrary: fc.Arbitrary<unknown>) =>
          fc.oneof({ weight: 5, arbitrary }, { weight: 1, arbitrary: fc.constant(null) })
      : (arbitrary: fc.Arbitrary<unknown>) => arbitrary;
    if (schema.enum?.length) return nullable(fc.constantFrom(...schema.enum));
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants?.length) return fc.oneof(...variants.map((variant) => this.valid(variant, name, depth)));
    if (schema.allOf?.length) {
      return this.valid(
        schema.allOf.reduce<JsonSchema>(
          (merged, part) => {
            const resolved = resolveSchema(this.document, part);
            return {
              ...merged,
              ...resolved,
              properties: { ...merged.properties, ...resolved.properties },
              required: [...(merged.required ?? []), ...(resolved.required ?? [])],
            };
          },
          { type: 'object' },
        ),
        name,
        depth,
      );
    }
    switch (schema.type) {
      case 'boolean':
        return nullable(fc.boolean());
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? -5;
        const max = schema.maximum ?? Math.max(min + 100, 100);
        return nullable(
          schema.type === 'integer' || name === 'page' || name === 'pageSize'
            ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
            : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }),
        );
      }
      case 'array': {
        if (depth > 4) return fc.constant([]);
        return nullable(
          fc.array(this.valid(schema.items, singular(name), depth + 1), {
            minLength: schema.minItems ?? 0,
            maxLength: Math.min(schema.maxItems ?? 4, 4),
          }),
        );
      }
      case 'object':
        if (depth > 4 || !schema.properties) return nullable(fc.constant({}));
        return nullable(this.object(schema, depth, (child, key) => this.valid(child, key, depth + 1)));
      default:
        return nullable(this.string(schema, name));
    }
  }

  private string(schema: JsonSchema, name?: string): fc.Arbitrary<string> {
    const maxLength = schema.maxLength ?? 40;
    const minLength = Math.min(schema.minLength ?? 0, maxLength);
    switch (schema.format) {
      case 'uuid':
        return this.idArbitrary(name);
      case 'date':
        return isoDate().map((iso) => iso.slice(0, 10));
      case 'date-time':
        return isoDate();
      case 'email':
        return fc.emailAddress();
      case 'uri':
        return fc.webUrl();
      default:
        if (schema.pattern) {
          try {
            return fc.stringMatching(new RegExp(schema.pattern));
          } catch {
            // A pattern JavaScript cannot read: fall through to plain text.
          }
        }
        return fc.string({ minLength, maxLength: Math.min(maxLength, 60) });
    }
  }

  private object(
    schema: JsonSchema,
    _depth: number,
    child: (schema: JsonSchema, key: string) => fc.Arbitrary<unknown>,
  ): fc.Arbitrary<Record<string, unknown>> {
    const properties = schema.properties ?? {};
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, property] of Object.entries(properties)) model[key] = child(property, key);
    return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
  }

  /** Mostly schema-shaped, with hostile values, missing required and unknown fields at every level. */
  fuzzy(input: JsonSchema | undefined, name?: string, depth = 0): fc.Arbitrary<unknown> {
    const schema = resolveSchema(this.document, input);
    const hostile = { weight: 1, arbitrary: hostileValue() };
    if (schema.type === 'object' && schema.properties && depth <= 4) {
      const shaped = this.object(schema, depth, (child, key) =>
        fc.oneof(
          { weight: 6, arbitrary: this.valid(child, key, depth + 1) },
          { weight: 1, arbitrary: this.fuzzy(child, key, depth + 1) },
        ),
      );
      const mutated = fc
        .tuple(
          shaped,
          fc.option(
            fc.tuple(
              fc.oneof(fc.constantFrom('__proto__', 'constructor', 'id', 'unknownField'), fc.string()),
              hostileValue(),
            ),
          ),
          fc.option(fc.constantFrom(...(schema.required?.length ? schema.required : ['-']))),
        )
        .map(([value, extra, drop]) => {
          const copy: Record<string, unknown> = { ...value };
          if (extra)
            Object.defineProperty(copy, extra[0], {
              value: extra[1],
              enumerable: true,
              writable: true,
              configurable: true,
            });
          if (drop) delete copy[drop];
          return copy;
        });
      return fc.oneof({ weight: 6, arbitrary: mutated }, hostile);
    }
    if (schema.type === 'array' && depth <= 4) {
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.array(this.fuzzy(schema.items, singular(name), depth + 1), { maxLength: 6 }),
        },
        {
          weight: 1,
          arbitrary: fc.array(this.valid(schema.items, singular(name), depth + 1), {
            minLength: 501,
            maxLength: 600,
          }),
        },
        hostile,
      );
    }
    return fc.oneof({ weight: 3, arbitrary: this.valid(schema, name, depth) }, hostile);
  }
}

function singular(name: string | undefined): string | undefined {
  return name?.endsWith('s') ? name.slice(0, -1) : name;
}
