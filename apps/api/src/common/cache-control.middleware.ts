import type { NextFunction, Request, Response } from 'express';

/** Answers about people, sessions and the audit trail must not stay in a browser or proxy cache (ASVS 8.2.1). */
const PERSONAL = /^\/(auth|account|accounts|invitations|password-resets|audit-events)(\/|$)/;

export function noStoreForPersonalData(request: Request, response: Response, next: NextFunction): void {
  if (PERSONAL.test(request.path)) response.setHeader('Cache-Control', 'no-store');
  next();
}
