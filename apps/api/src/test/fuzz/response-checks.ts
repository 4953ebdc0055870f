import Ajv, { ValidateFunction } from 'ajv';
import { JsonSchema, OpenApiDocument, Operation } from './openapi-model';

export interface CheckedResponse {
  status: number;
  contentType: string;
  text: string;
}

/** A piece of data only some callers may see (an id of another region's hand-off, a confidential address). */
export interface LeakMarker {
  label: string;
  value: string;
  /** Caller names that may see it. */
  allowed: ReadonlySet<string>;
}

const SCHEMA_ID = 'openapi';
const FORMATS = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  date: /^\d{4}-\d{2}-\d{2}$/,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  email: /^[^\s@]+@[^\s@]+$/,
  uri: /^[a-z][a-z0-9+.-]*:/i,
  password: /.*/,
};

/**
 * Makes a document schema compilable on its own: `$ref`s point into the registered document, and OpenAPI 3.0's
 * `nullable: true` (also beside `allOf: [{ $ref }]`, as @nestjs/swagger writes a nullable object) admits null.
 */
function withAbsoluteRefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withAbsoluteRefs);
  if (schema && typeof schema === 'object') {
    const { nullable, ...rest } = schema as Record<string, unknown>;
    if (nullable === true) return { anyOf: [{ type: 'null' }, withAbsoluteRefs(rest)] };
    return Object.fromEntries(
      Object.entries(rest).map(([key, value]) => [
        key,
        key === '$ref' && typeof value === 'string' && value.startsWith('#/')
          ? `${SCHEMA_ID}${value}`
          : withAbsoluteRefs(value),
      ]),
    );
  }
  return schema;
}

/**
 * Checks one response against the operation's documentation: a documented status, the documented media type
 * (`application/problem+json` with type/title/status/code for errors) and a body that validates with ajv.
 * Returns the problems found (empty = fine).
 */
export class ResponseChecker {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: false, formats: FORMATS });
    this.ajv.addSchema(withAbsoluteRefs({ components: document.components }) as object, SCHEMA_ID);
  }

  private validator(key: string, schema: JsonSchema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(withAbsoluteRefs(schema) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }

  check(operation: Operation, response: CheckedResponse): string[] {
    const problems: string[] = [];
    const { status } = response;
    if (status >= 500) problems.push(`server error ${status}`);
    const documented =
      operation.operation.responses[String(status)] ?? operation.operation.responses['default'];
    if (!documented) {
      problems.push(
        `status ${status} is not documented (documented: ${Object.keys(operation.operation.responses).join(', ')})`,
      );
    }
    const mediaType = response.contentType.split(';')[0].trim().toLowerCase();
    const hasBody = response.text.length > 0 && status !== 204 && status !== 304;
    if (status >= 400) {
      if (mediaType !== 'application/problem+json')
        problems.push(`error ${status} answered as '${mediaType}', not application/problem+json`);
      let problem: Record<string, unknown> | null = null;
      try {
        problem = JSON.parse(response.text) as Record<string, unknown>;
      } catch {
        problems.push(`error ${status} body is not JSON`);
      }
      if (problem) {
        for (const field of ['type', 'title', 'code']) {
          if (typeof problem[field] !== 'string') problems.push(`problem lacks '${field}'`);
        }
        if (problem.status !== status) problems.push(`problem.status ${String(problem.status)} ≠ ${status}`);
      }
    }
    if (!documented || !hasBody) return problems;
    const content = documented.content;
    if (!content) {
      if (status < 400) problems.push(`status ${status} documents no body but got '${mediaType}'`);
      return problems;
    }
    const media = content[mediaType];
    if (!media) {
      problems.push(
        `media type '${mediaType}' not documented for ${status} (documented: ${Object.keys(content).join(', ')})`,
      );
      return problems;
    }
    if (media.schema && (mediaType === 'application/json' || mediaType.endsWith('+json'))) {
      let body: unknown;
      try {
        body = JSON.parse(response.text);
      } catch {
        problems.push(`${status} ${mediaType} body is not JSON`);
        return problems;
      }
      const validate = this.validator(`${operation.key} ${status} ${mediaType}`, media.schema);
      if (!validate(body)) {
        const error = validate.errors?.[0];
        problems.push(
          `body does not match the schema of ${status}: ${error?.instancePath || '/'} ${error?.message ?? ''}`,
        );
      }
    }
    return problems;
  }

  /** Markers that show up in a response for a caller not allowed to see them and that the request did not carry. */
  static leaks(
    caller: string,
    requestText: string,
    response: CheckedResponse,
    markers: readonly LeakMarker[],
  ): LeakMarker[] {
    if (response.text.length === 0) return [];
    return markers.filter(
      (marker) =>
        !marker.allowed.has(caller) &&
        response.text.includes(marker.value) &&
        !requestText.includes(marker.value),
    );
  }
}
