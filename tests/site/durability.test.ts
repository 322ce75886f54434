import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSite, type ChildSite } from './support/child-site';
import { Client } from './support/client';
import { CHEAP_ARGON2, PASSWORD } from './support/site';
import { readDataFile, readDataFileText } from './support/store-file';

let child: ChildSite | undefined;
let dataDir: string;
afterEach(async () => {
  child?.process.kill('SIGKILL');
  await child?.exited;
  rmSync(dataDir, { recursive: true, force: true });
});

const env = () => ({ DATA_DIR: dataDir, MFA_POLICY: 'optional', RATE_LIMIT_SIGNUP: '100000', RATE_LIMIT_SIGNIN: '100000', ...CHEAP_ARGON2 });

describe('store durability', () => {
  it('keeps every acknowledged signup when the server is killed (SIGKILL) in the middle of a burst', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tessera-durability-'));
    child = await spawnSite(env());
    const acknowledged: string[] = [];
    const site = child;
    let killed = false;
    const signups = Array.from({ length: 120 }, async (_, i) => {
      // Staggered so the kill lands while requests are still arriving and being written.
      await new Promise((resolve) => setTimeout(resolve, i * 4));
      const email = `burst${i}@example.com`;
      try {
        const reply = await new Client(site.url).post('/api/signup', { email, password: PASSWORD, displayName: `User ${i}` });
        if (reply.status === 201) acknowledged.push(email);
        if (acknowledged.length >= 30 && !killed) {
          killed = true;
          site.process.kill('SIGKILL');
        }
      } catch {
        // The server died mid-request: this signup was never acknowledged.
      }
    });
    await Promise.all(signups);
    expect(await site.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(30);
    expect(acknowledged.length).toBeLessThan(120);

    expect(() => JSON.parse(readDataFileText(dataDir))).not.toThrow();
    const stored = new Set(readDataFile(dataDir).users.map((user) => user.email));
    expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);

    child = await spawnSite(env());
    for (const email of acknowledged.slice(0, 5)) {
      expect((await new Client(child.url).post('/api/signin', { email, password: PASSWORD })).status).toBe(200);
    }
  });
});
