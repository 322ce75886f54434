// Moving up: `npm run site:import -- <DATA_DIR>` copies an embedded store into PostgreSQL, and the accounts work there.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../support/postgres';
import { ADMIN_ENV, signInAdmin } from '../site/support/admin';
import { codeAt, createTestData, PASSWORD, signUpWithTotp, startTestSite, TestClock } from '../site/support/site';
import { readStored } from '../site/support/stored';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runImport(dataDir: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'demo-site/import-store.ts', dataDir], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, out: result.stdout + result.stderr };
}

describe('site:import', () => {
  it('copies accounts, sealed secrets, backup codes, requests and audit, once; the account then signs in on PostgreSQL with its code and a backup code', async () => {
    const data = await createTestData('embedded');
    const database = await createDatabase(inject('postgresAdminUrl'));
    try {
      const embedded = await startTestSite(ADMIN_ENV, { data, clock: new TestClock() });
      const { client: admin } = await signInAdmin(embedded);
      const user = embedded.client();
      const secret = await signUpWithTotp(embedded, user, 'mover@example.com');
      const userId = (await user.get('/api/me')).body.user.id;
      const codes = (await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, { confirm: true })).body.codes as string[];
      await embedded.client().post('/api/backup-codes/requests', { ticket: (await embedded.client().post('/api/signin', { email: 'mover@example.com', password: PASSWORD })).body.ticket, message: 'spare set' });
      const before = await readStored(data);
      await embedded.close({ keepData: true });

      const wrongKey = runImport(data.dataDir, { DATABASE_URL: database.url, TESSERA_SECRET: 'not the key this store was made with, long enough' });
      expect(wrongKey.status).toBe(1);
      expect(wrongKey.out).toMatch(/server key does not open the TOTP secrets/);

      const first = runImport(data.dataDir, { DATABASE_URL: database.url });
      expect(first.status, first.out).toBe(0);
      expect(first.out).toContain('accounts: 2 read, 2 copied');
      expect(first.out).toContain('backup codes: 10 read, 10 copied');
      expect(first.out).toContain('backup-code requests: 1 read, 1 copied');
      expect(first.out).toContain(`audit entries: ${before.audit.length} read, ${before.audit.length} copied`);
      expect(first.out).toMatch(/copy .*server\.key into the new DATA_DIR/);
      const second = runImport(data.dataDir, { DATABASE_URL: database.url });
      expect(second.status, second.out).toBe(0);
      expect(second.out).toContain('accounts: 2 read, 0 copied, 2 already there');
      expect(second.out).toContain(`audit entries: ${before.audit.length} read, 0 copied`);

      const moved = await readStored({ dataDir: data.dataDir, databaseUrl: database.url });
      const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
      expect(moved.users.sort(byId)).toEqual(before.users.sort(byId));
      expect(moved.audit.map((entry) => entry.id)).toEqual(before.audit.map((entry) => entry.id));

      // The site on PostgreSQL, with the same server key (the key file in the same data folder).
      const onPostgres = await startTestSite({}, { data: { ...data, databaseUrl: database.url }, clock: embedded.clock });
      try {
        const ticket = (await onPostgres.client().post('/api/signin', { email: 'mover@example.com', password: PASSWORD })).body.ticket;
        const byCode = await onPostgres.client().post('/api/signin/mfa/totp', { ticket, code: codeAt(secret, onPostgres.clock) });
        expect(byCode.status).toBe(200);
        const again = (await onPostgres.client().post('/api/signin', { email: 'mover@example.com', password: PASSWORD })).body;
        expect(again.methods).toEqual(['totp', 'backup_code']);
        const byBackup = await onPostgres.client().post('/api/signin/mfa/backup-code', { ticket: again.ticket, code: codes[0] });
        expect(byBackup.status).toBe(200);
      } finally {
        await onPostgres.close({ keepData: true });
      }
    } finally {
      await data.remove();
      await database.drop();
    }
  }, 240_000);
});
