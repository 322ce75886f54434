// An API client of the site, as a script or an app is: plain requests with no Origin and no cookies, the password
// step and the code step linked by the ticket, then the access token in an Authorization header. And the check any
// client can make of an access token: the site's JWKS over HTTP, verified with jose.
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { Client, type Reply } from './client';
import { codeAt, PASSWORD, type TestSite } from './site';

export interface Tokens { accessToken: string; accessTokenExpiresIn: number; refreshToken: string }

/** A client without a cookie jar's help: it fails the test if the site ever sets a cookie for it. */
export class TokenClient extends Client {
  override async request(method: string, path: string, options: { json?: unknown; body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
    const reply = await super.request(method, path, options);
    if (reply.headers.getSetCookie().length > 0) throw new Error(`${method} ${path} set a cookie for a token client: ${reply.headers.getSetCookie().join('; ')}`);
    return reply;
  }

  withBearer(accessToken: string): { get(path: string): Promise<Reply>; post(path: string, json?: unknown): Promise<Reply> } {
    const headers = { authorization: `Bearer ${accessToken}` };
    return { get: (path) => this.get(path, headers), post: (path, json) => this.post(path, json, headers) };
  }
}

export const tokenClient = (site: TestSite, headers: Record<string, string> = {}) => new TokenClient(site.url, headers);

/** Password, then TOTP code, asking for tokens; returns them (fails the test otherwise). */
export async function signInForTokens(site: TestSite, email: string, secret: string, client = tokenClient(site)): Promise<Tokens> {
  const first = await client.post('/api/signin', { email, password: PASSWORD, tokens: true });
  if (first.status !== 200 || !first.body.ticket) throw new Error(`password step failed: ${first.status} ${first.text}`);
  const second = await client.post('/api/signin/mfa/totp', { ticket: first.body.ticket, code: codeAt(secret, site.clock) });
  if (second.status !== 200 || !second.body.tokens) throw new Error(`code step failed: ${second.status} ${second.text}`);
  site.clock.advance(30_000);
  return second.body.tokens as Tokens;
}

export async function refresh(site: TestSite, refreshToken: string): Promise<Reply> {
  return tokenClient(site).post('/api/token', { refreshToken });
}

/** As a relying party would: the keys from /.well-known/jwks.json, then issuer, audience and expiry at the site's time. */
export async function verifyAsClient(site: TestSite, accessToken: string, jwks = createRemoteJWKSet(new URL('/.well-known/jwks.json', site.url))): Promise<JWTPayload> {
  const { payload } = await jwtVerify(accessToken, jwks, { issuer: site.url, audience: 'tessera-demo', currentDate: new Date(site.clock.ms) });
  return payload;
}
