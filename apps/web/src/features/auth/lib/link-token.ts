/** The one-time token of an e-mailed link (`/uitnodiging#<token>`); after `#` it never reaches a server. */
export function tokenFromHash(hash: string): string | null {
  const token = decodeURIComponent(hash.replace(/^#/, '')).trim();
  return /^[A-Za-z0-9_-]{16,200}$/.test(token) ? token : null;
}
