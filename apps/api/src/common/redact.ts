/** One-time link tokens are credentials: request logs show `:token` instead. */
export function redactLinkTokens(path: string): string {
  return path.replace(/\/(invitations|password-resets)\/[^/]+\/(accept|complete)$/, '/$1/:token/$2');
}
