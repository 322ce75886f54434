// WORKERS=N: one command, N processes on one port, one database; and the setting refused without PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../demo-site/config';
import { createDatabase } from '../support/postgres';
import { spawnSite } from '../site/support/child-site';
import { Client } from '../site/support/client';
import { CHEAP_ARGON2, PASSWORD } from '../site/support/site';
import { SHARED_SECRET } from './support/cluster';

describe('WORKERS', () => {
  it('serves the site from several processes on one port', async () => {
    const database = await createDatabase(inject('postgresAdminUrl'));
    const dataDir = mkdtempSync(join(tmpdir(), 'tessera-workers-'));
    const site = await spawnSite({ WORKERS: '2', DATABASE_URL: database.url, DATA_DIR: dataDir, TESSERA_SECRET: SHARED_SECRET, MFA_POLICY: 'optional', RATE_LIMIT_SIGNUP: '10', EMAIL_VERIFICATION: 'off', ...CHEAP_ARGON2 });
    try {
      // 12 signups from one address against a limit of 10: were the counts kept per process, all 12 would pass.
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) => new Client(site.url).post('/api/signup', { email: `w${i}@example.com`, password: PASSWORD, displayName: `W ${i}` })),
      );
      const statuses = replies.map((reply) => reply.status);
      expect(statuses.filter((status) => status === 201)).toHaveLength(10);
      expect(statuses.filter((status) => status === 429)).toHaveLength(2);
      const created = replies.findIndex((reply) => reply.status === 201);
      const me = new Client(site.url);
      const signin = await me.post('/api/signin', { email: `w${created}@example.com`, password: PASSWORD });
      expect(signin.status, JSON.stringify(signin.body)).toBe(200);
      for (let i = 0; i < 6; i++) expect((await me.get('/api/me')).body.user.email).toBe(`w${created}@example.com`);
    } finally {
      site.process.kill('SIGTERM');
      await site.exited;
      rmSync(dataDir, { recursive: true, force: true });
      await database.drop();
    }
  }, 240_000);

  it('above 1 needs DATABASE_URL, and says so', () => {
    expect(() => loadConfig({ WORKERS: '2' })).toThrow(/WORKERS above 1 needs DATABASE_URL/);
    expect(loadConfig({ WORKERS: '2', DATABASE_URL: 'postgres://u:p@localhost/t' }).workers).toBe(2);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://localhost/t' })).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
  });
});
