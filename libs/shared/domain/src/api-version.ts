/** Full semver of the public API (NL GOV API Design Rules: API-Version header, info.version). */
export const API_VERSION = '1.0.0';
/** Major version, part of every path: `/api/v1`. */
export const API_MAJOR = 'v1';
export const API_BASE_PATH = `/api/${API_MAJOR}`;
