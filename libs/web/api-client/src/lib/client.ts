import createClient from 'openapi-fetch';
import type { paths } from './paths';

/**
 * The one HTTP client of the web app. Paths in `paths` already carry `/api/v1`, so the base URL stays
 * empty: same origin in production, the Vite proxy in development.
 */
export const apiClient = createClient<paths>({
  baseUrl: '',
  headers: { Accept: 'application/json, application/problem+json' },
});

export type ApiClient = typeof apiClient;
