import { afterEach, describe, expect, it } from 'vitest';
import { codeAt, PASSWORD, signUpWithTotp, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'barbara@example.com';
const MINUTE = 60_000;

async function signedIn(env: Record<string, string> = {}) {
  site = await startTestSite({ MFA_POLICY: 'optional', ...env });
  const client = site.client();
  await client.post('/api/signup', { email, password: PASSWORD, displayName: 'Barbara' });
  return client;
}

describe('sessions', () => {
  it('end after 30 idle minutes', async () => {
    const client = await signedIn();
    site.clock.advance(29 * MINUTE);
    expect((await client.get('/api/me')).status).toBe(200);
    site.clock.advance(29 * MINUTE);
    expect((await client.get('/api/me')).status).toBe(200);
    site.clock.advance(30 * MINUTE);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('end after 12 hours however active', async () => {
    const client = await signedIn();
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      site.clock.advance(20 * MINUTE);
      expect((await client.get('/api/me')).status).toBe(200);
    }
    site.clock.advance(20 * MINUTE);
    expect((await client.get('/api/me')).status).toBe(401);
  });

  it('end at sign-out', async () => {
    const client = await signedIn();
    const cookie = client.cookies.get('tessera_session')!;
    const out = await client.post('/api/signout');
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/tessera_session=;/);
    const replayed = site.client();
    replayed.cookies.set('tessera_session', cookie);
    expect((await replayed.get('/api/me')).status).toBe(401);
    expect((await readStored(site.data)).sessions).toHaveLength(0);
  });

  it('survive a restart, and so do users and MFA state', async () => {
    site = await startTestSite({ MFA_POLICY: 'required' });
    const client = site.client();
    const secret = await signUpWithTotp(site, client, email);
    site = await site.restart();
    const sameCookie = new (client.constructor as typeof import('./support/client').Client)(site.url);
    sameCookie.cookies.set('tessera_session', client.cookies.get('tessera_session')!);
    const me = await sameCookie.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mfaEnabled).toBe(true);
    const { body } = await site.client().post('/api/signin', { email, password: PASSWORD });
    expect(body.mfaRequired).toBe(true);
    expect((await site.client().post('/api/signin/mfa/totp', { ticket: body.ticket, code: codeAt(secret, site.clock) })).status).toBe(200);
  });

  it('are stored only as a hash of their id', async () => {
    const client = await signedIn();
    const [session] = (await readStored(site.data)).sessions;
    expect(session.idHash).not.toBe(client.cookies.get('tessera_session'));
    expect(JSON.stringify(session)).not.toContain(client.cookies.get('tessera_session'));
  });
});
