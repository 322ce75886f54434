// An administrator for tests: bootstrapped from ADMIN_EMAIL / ADMIN_PASSWORD, signed in, TOTP enrolled.
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './site';
import type { Client } from './client';

export const ADMIN_EMAIL = 'root@example.com';
export const ADMIN_PASSWORD = 'administrator passphrase';
export const ADMIN_ENV = { ADMIN_EMAIL, ADMIN_PASSWORD };

export async function startSiteWithAdmin(env: Record<string, string> = {}): Promise<TestSite> {
  return startTestSite({ ...ADMIN_ENV, ...env });
}

export async function signInAdmin(site: TestSite): Promise<{ client: Client; secret: string }> {
  const client = site.client();
  const signin = await client.post('/api/signin', { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  if (signin.status !== 200 || !signin.body.user) throw new Error(`admin sign-in failed: ${signin.status} ${JSON.stringify(signin.body)}`);
  const { body } = await client.post('/api/mfa/totp/generate');
  const activated = await client.post('/api/mfa/totp/activate', { code: codeAt(body.secret, site.clock) });
  if (activated.status !== 200) throw new Error(`admin enrolment failed: ${activated.status}`);
  site.clock.advance(30_000);
  return { client, secret: body.secret };
}

/** A user with TOTP on who then asks, from the code step, for backup codes; returns the ticket and request id. */
export async function userAtCodeStep(site: TestSite, email: string): Promise<{ ticket: string; secret: string }> {
  const secret = await signUpWithTotp(site, site.client(), email);
  const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
  return { ticket: body.ticket, secret };
}
