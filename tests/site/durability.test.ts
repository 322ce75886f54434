import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSite, type ChildSite } from './support/child-site';
import { burstUntilKilled } from './support/burst';
import { Client } from './support/client';
import { CHEAP_ARGON2, PASSWORD } from './support/site';
import { readStored } from './support/stored';

let child: ChildSite | undefined;
let dataDir: string;
afterEach(async () => {
  child?.process.kill('SIGKILL');
  await child?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({ DATA_DIR: dataDir, MFA_POLICY: 'optional', EMAIL_VERIFICATION: 'off', RATE_LIMIT_SIGNUP: '100000', RATE_LIMIT_SIGNIN: '100000', ...CHEAP_ARGON2 });

describe('store durability', () => {
  it('keeps every acknowledged signup when the server is killed (SIGKILL) in the middle of a burst', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tessera-durability-'));
    child = await spawnSite(env());
    const site = child;
    const { acknowledged, sent } = await burstUntilKilled({
      lanes: 8,
      max: 2000,
      killAfter: 30,
      kill: () => site.process.kill('SIGKILL'),
      send: async (i) => {
        const email = `burst${i}@example.com`;
        const reply = await new Client(site.url).post('/api/signup', { email, password: PASSWORD, displayName: `User ${i}` });
        return reply.status === 201 ? email : null;
      },
    });
    expect(await site.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(acknowledged.length).toBeLessThan(sent);

    // The files open as they are (no half-written data file), and hold every acknowledged signup.
    const stored = new Set((await readStored({ dataDir })).users.map((user) => user.email));
    expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);

    child = await spawnSite(env());
    for (const email of acknowledged.slice(0, 5)) {
      expect((await new Client(child.url).post('/api/signin', { email, password: PASSWORD })).status).toBe(200);
    }
  }, 240_000);
});
