import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../demo-site/config';
import { dummyHash, OWASP_MINIMUM } from '../../demo-site/accounts/password';
import { commonPasswordCount } from '../../demo-site/accounts/common-passwords';
import { PASSWORD, startTestSite, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

const email = 'frances@example.com';
const hashParams = (hash: string) => Object.fromEntries(hash.split('$')[3].split(',').map((pair) => pair.split('=')).map(([k, v]) => [k, Number(v)]));

describe('password storage', () => {
  it('defaults to argon2id at or above the OWASP minimum (m=19456 KiB, t=2, p=1)', () => {
    const { argon2 } = loadConfig({});
    expect(argon2.memoryCost).toBeGreaterThanOrEqual(OWASP_MINIMUM.memoryCost);
    expect(argon2.timeCost).toBeGreaterThanOrEqual(OWASP_MINIMUM.timeCost);
    expect(argon2.parallelism).toBeGreaterThanOrEqual(1);
    expect(OWASP_MINIMUM).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('ships a common-password list of about 10,000 entries', () => {
    expect(commonPasswordCount()).toBeGreaterThan(9_900);
  });

  it('keeps the parameters in the encoded hash and rehashes an outdated hash at the next sign-in', async () => {
    site = await startTestSite({ MFA_POLICY: 'optional' });
    await site.client().post('/api/signup', { email, password: PASSWORD, displayName: 'Frances' });
    const before = (await readStored(site.data)).users[0].passwordHash;
    expect(before).toMatch(/^\$argon2id\$v=19\$/);
    expect(hashParams(before)).toEqual({ m: 1024, t: 1, p: 1 });

    site = await site.restart({ MFA_POLICY: 'optional', ARGON2_MEMORY_KIB: '2048', ARGON2_TIME_COST: '2' });
    expect((await site.client().post('/api/signin', { email, password: 'wrong password!' })).status).toBe(401);
    expect((await readStored(site.data)).users[0].passwordHash).toBe(before);
    expect((await site.client().post('/api/signin', { email, password: PASSWORD })).status).toBe(200);
    const after = (await readStored(site.data)).users[0].passwordHash;
    expect(hashParams(after)).toEqual({ m: 2048, t: 2, p: 1 });
    expect((await site.client().post('/api/signin', { email, password: PASSWORD })).status).toBe(200);
  });

  it('answers an unknown email exactly as a wrong password, having checked a hash of the same cost', async () => {
    // The time both take is measured by `npm run bench site` (a timing ratio is no unit test on a shared machine);
    // here: the same answer, nothing set, and the dummy hash costs what a real one does.
    site = await startTestSite({ MFA_POLICY: 'optional' });
    await site.client().post('/api/signup', { email, password: PASSWORD, displayName: 'Frances' });
    const unknown = await site.client().post('/api/signin', { email: 'nobody@example.com', password: 'wrong password' });
    const wrong = await site.client().post('/api/signin', { email, password: 'wrong password' });
    for (const reply of [unknown, wrong]) {
      expect(reply.status).toBe(401);
      expect(reply.headers.get('set-cookie')).toBeNull();
    }
    expect(unknown.body).toEqual(wrong.body);
    const stored = (await readStored(site.data)).users[0].passwordHash;
    expect(hashParams(await dummyHash(site.config.argon2))).toEqual(hashParams(stored));
  });
});
