import { CSRF_COOKIE, CSRF_HEADER } from '@ketenkaart/shared-domain';
import type { Middleware } from 'openapi-fetch';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The value of a cookie that JavaScript may read (kk_csrf is deliberately not HttpOnly). */
export function readCookie(name: string, cookies: string = globalThis.document?.cookie ?? ''): string | null {
  for (const part of cookies.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return decodeURIComponent(part.slice(separator + 1).trim());
  }
  return null;
}

/**
 * Double-submit CSRF protection (issue 4, point 3): every state-changing request echoes the session's
 * kk_csrf cookie in the X-CSRF-Token header. The cookie is read per request because sign-in, the second
 * factor and 2FA enrolment each issue a new one.
 */
export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (SAFE_METHODS.has(request.method.toUpperCase())) return undefined;
    const token = readCookie(CSRF_COOKIE);
    if (token) request.headers.set(CSRF_HEADER, token);
    return request;
  },
};

type SessionLostListener = () => void;
const sessionLostListeners = new Set<SessionLostListener>();

/**
 * Called whenever the API answers 401: the session expired or ended elsewhere, so whoever shows the
 * signed-in state must look again. Returns the unsubscribe function.
 */
export function onSessionLost(listener: SessionLostListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export const sessionLostMiddleware: Middleware = {
  onResponse({ response }) {
    if (response.status === 401) sessionLostListeners.forEach((listener) => listener());
    return undefined;
  },
};
