import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from '@ketenkaart/shared-domain';

const PROBLEM_JSON = 'application/problem+json';

type ResponseObject = {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, unknown>;
};
type OperationObject = { responses?: Record<string, ResponseObject | { $ref: string }> };

/**
 * Errors every operation can answer with, because they come from the middleware in front of all routes:
 * a body or parameter that cannot be read (`invalid_json`, `validation_failed`), a body over the size limit, or a
 * body that is not JSON. Documented on each operation unless it describes them itself.
 */
const GENERIC_ERRORS: Record<string, string> = {
  '400':
    'Invalid input: `invalid_json` (malformed or too deeply nested body) or `validation_failed` (`invalidParams` names each field).',
  '413': '`payload_too_large`: the request body is over the size limit.',
  '415': '`unsupported_media_type`: the request has a body that is not JSON.',
};

/**
 * The OpenAPI 3 document, built from the controllers and then brought in line with the NL GOV API Design
 * Rules: error responses as problem+json and the API-Version header documented on every response.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Ketenkaart API')
    .setDescription(
      "API van Ketenkaart, het portaal van de regionale aanpak van mensenhandel: regio's, gemeenten, de sociale kaart en overdrachten. " +
        'Volgt de NL GOV API Design Rules; fouten zijn application/problem+json (RFC 9457) met een stabiele `code`.',
    )
    .setVersion(API_VERSION)
    .setContact('Ketenkaart productteam', 'https://ketenkaart.nl', 'ketenkaart@comensha.nl')
    .setLicense('EUPL-1.2', 'https://eupl.eu/1.2/nl/')
    .addServer('/', 'This portal')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'Service token (ADMIN_TOKEN) for automation; acts as a beheerder. Never used by browsers.',
    })
    .addCookieAuth(
      'kk_session',
      {
        type: 'apiKey',
        in: 'cookie',
        description: 'Browser session (HttpOnly). State-changing requests also need the X-CSRF-Token header.',
      },
      'session',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    headers: {
      'API-Version': {
        description: 'Full semantic version of the API that answered.',
        schema: { type: 'string', example: API_VERSION },
      },
    },
  };
  const problemSchema = { $ref: '#/components/schemas/ProblemResponseDto' };
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as OperationObject[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      // Answers any request can get, whatever the route (the middleware in app.setup.ts gives them).
      for (const [status, description] of Object.entries(GENERIC_ERRORS)) {
        operation.responses ??= {};
        operation.responses[status] ??= {
          description,
          content: { 'application/json': { schema: problemSchema } },
        };
      }
      for (const [status, entry] of Object.entries(operation.responses ?? {})) {
        if ('$ref' in entry) continue;
        const response = entry as ResponseObject;
        response.headers = {
          ...response.headers,
          'API-Version': { $ref: '#/components/headers/API-Version' },
        };
        // Errors are problem+json even where the success is another media type (a CSV export, say).
        const problem = Object.values(response.content ?? {}).find((media) =>
          JSON.stringify(media).includes('ProblemResponseDto'),
        );
        if (Number(status) >= 400 && problem) response.content = { [PROBLEM_JSON]: problem };
      }
    }
  }
  return document;
}

/** The committed file's exact text: stable key order as built, two-space indent, final newline. */
export function serializeOpenApi(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
