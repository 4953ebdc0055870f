export { apiClient, type ApiClient } from './lib/client';
export { onSessionLost, readCookie } from './lib/csrf';
export { ApiProblemError, NETWORK_ERROR_STATUS, toProblemDetails, unwrap } from './lib/problem';
export type { paths } from './lib/paths';
export type * from './lib/types';
