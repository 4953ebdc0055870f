import request from 'supertest';
import type { Response } from 'supertest';

/** A browser-like cookie jar for supertest: keeps kk_session and kk_csrf and sends the CSRF header on writes. */
export class SessionClient {
  cookies = new Map<string, string>();

  constructor(private readonly http: Parameters<typeof request>[0]) {}

  get csrf(): string | undefined {
    return this.cookies.get('kk_csrf');
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  absorb(response: Response): Response {
    const setCookies = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
    for (const line of setCookies) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = pair.split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  async get(path: string): Promise<Response> {
    return this.absorb(await request(this.http).get(path).set('Cookie', this.cookieHeader));
  }

  async send(
    method: 'post' | 'patch' | 'delete',
    path: string,
    body?: object,
    options: { csrf?: string | null } = {},
  ): Promise<Response> {
    let req = request(this.http)[method](path).set('Cookie', this.cookieHeader);
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (csrf) req = req.set('X-CSRF-Token', csrf);
    return this.absorb(await (body ? req.send(body) : req));
  }

  post(path: string, body?: object, options?: { csrf?: string | null }): Promise<Response> {
    return this.send('post', path, body, options);
  }
}

/**
 * Signs a demo account in through the real endpoints (password, then a TOTP code when asked) and returns a client
 * holding the complete session. A TOTP code works once: on a database shared by several test files the current
 * step may already be used by an earlier sign-in, so the code of the next step (inside the ±1 window) is tried,
 * and after that the next step is awaited.
 */
export async function signInAs(
  http: Parameters<typeof request>[0],
  account: { email: string; password: string; totpSecret: string | null },
  totpCode: (secret: string, at: Date) => string,
): Promise<SessionClient> {
  const browser = new SessionClient(http);
  const first = await browser.post('/api/v1/auth/sign-in', {
    email: account.email,
    password: account.password,
  });
  if (first.status !== 200) {
    throw new Error(`sign-in of ${account.email} failed: ${first.status} ${JSON.stringify(first.body)}`);
  }
  if (first.body.stage !== 'second-factor-required') return browser;
  for (let attempt = 0; attempt < 3; attempt++) {
    for (const offsetSeconds of [0, 30]) {
      const at = new Date(Date.now() + offsetSeconds * 1000);
      const second = await browser.post('/api/v1/auth/sign-in/totp', {
        code: totpCode(account.totpSecret!, at),
      });
      if (second.status === 200) return browser;
    }
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 100));
  }
  throw new Error(`second factor of ${account.email} failed three steps in a row`);
}
