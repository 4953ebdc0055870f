import createClient from 'openapi-fetch';
import { csrfMiddleware, sessionLostMiddleware } from './csrf';
import type { paths } from './paths';

/**
 * The one HTTP client of the web app. Paths in `paths` already carry `/api/v1`, so the base URL stays
 * empty: same origin in production, the Vite proxy in development. The session cookie travels by itself
 * (same origin); the middleware adds the CSRF header to state-changing requests.
 */
export const apiClient = createClient<paths>({
  baseUrl: '',
  headers: { Accept: 'application/json, application/problem+json' },
});
apiClient.use(csrfMiddleware, sessionLostMiddleware);

export type ApiClient = typeof apiClient;
