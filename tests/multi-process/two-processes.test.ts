// Two site processes on two ports, one PostgreSQL database: they behave as one site behind any proxy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { PageEvent } from '#shared/protocol/qr-signin.ts';
import { createDatabase } from '../support/postgres';
import { burstUntilKilled } from '../site/support/burst';
import { Client } from '../site/support/client';
import { DEVICE, EXTENSION_ORIGIN, cookieHeader, listen } from '../site/support/qr';
import { PASSWORD } from '../site/support/site';
import { readStored } from '../site/support/stored';
import { codeNow, passwordStep, signUpWithTotpNow, startCluster, type Cluster } from './support/cluster';

const ADMIN = { ADMIN_EMAIL: 'root@example.com', ADMIN_PASSWORD: 'administrator passphrase' };
let cluster: Cluster;
let database: Awaited<ReturnType<typeof createDatabase>>;
let a: string;
let b: string;

beforeAll(async () => {
  database = await createDatabase(inject('postgresAdminUrl'));
  // No delays after failures: the backup-code race makes 7 from one address at once, and must see each one judged.
  cluster = await startCluster(database.url, 2, { ...ADMIN, RATE_LIMIT_BACKUP_REQUESTS: '3', THROTTLE_FREE_FAILURES: '1000' });
  [a, b] = cluster.sites.map((site) => site.url);
}, 240_000);
afterAll(async () => {
  await cluster?.stop();
  await database?.drop();
});

describe('two site processes on one database', () => {
  it('QR sign-in: made on A, scanned on B; the page socket on A hears "scanned"; the PIN is verified on A', async () => {
    const { secret } = await signUpWithTotpNow(b, 'qr@example.com');
    const page = new Client(a, { origin: a });
    const issued = (await page.post('/api/qr/generate')).body;
    const socket = await listen<PageEvent>({ url: a }, { cookie: cookieHeader(page), origin: a });
    const scanned = await new Client(b, { origin: EXTENSION_ORIGIN }).post('/api/qr/scan', { qrToken: issued.qrToken, email: 'qr@example.com', code: codeNow(secret, 1), device: DEVICE });
    expect(scanned.status).toBe(200);
    expect(await socket.next((event) => event.type === 'scanned')).toEqual({ type: 'scanned', qrToken: issued.qrToken, device: DEVICE });
    socket.close();
    expect((await page.post('/api/qr/status', { qrToken: issued.qrToken })).body).toMatchObject({ state: 'scanned', device: DEVICE });
    const verified = await page.post('/api/pin/verify', { qrToken: issued.qrToken, pin: scanned.body.pin });
    expect(verified.status).toBe(200);
    expect((await page.get('/api/me')).body.user.email).toBe('qr@example.com');
  });

  it('a TOTP code used on A is refused on B', async () => {
    const { secret } = await signUpWithTotpNow(a, 'replay@example.com');
    const code = codeNow(secret, 1);
    const onA = await new Client(a).post('/api/signin/mfa/totp', { ticket: await passwordStep(a, 'replay@example.com'), code });
    expect(onA.status).toBe(200);
    const onB = await new Client(b).post('/api/signin/mfa/totp', { ticket: await passwordStep(b, 'replay@example.com'), code });
    expect(onB.status).toBe(401);
    expect(onB.body.error.code).toBe('invalid_code');
  });

  it('of 8 simultaneous redemptions of one backup code, split over A and B, exactly one wins', async () => {
    const admin = new Client(a);
    await admin.post('/api/signin', { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD });
    const { body } = await admin.post('/api/mfa/totp/generate');
    expect((await admin.post('/api/mfa/totp/activate', { code: codeNow(body.secret) })).status).toBe(200);
    const { client: user } = await signUpWithTotpNow(b, 'race@example.com');
    const userId = (await user.get('/api/me')).body.user.id;
    const [code] = (await admin.post(`/api/admin/users/${userId}/backup-codes/hand-over`, { confirm: true })).body.codes as string[];
    const tickets = await Promise.all(Array.from({ length: 8 }, (_, i) => passwordStep(i % 2 ? b : a, 'race@example.com')));
    const replies = await Promise.all(tickets.map((ticket, i) => new Client(i % 2 ? a : b).post('/api/signin/mfa/backup-code', { ticket, code })));
    expect(replies.map((reply) => reply.status).sort()).toEqual([200, 401, 401, 401, 401, 401, 401, 401]);
    const stored = (await readStored({ dataDir: '', databaseUrl: database.url })).backupCodes.filter((row) => row.userId === userId);
    expect(stored.filter((row) => row.usedAt !== null)).toHaveLength(1);
  });

  it('counts rate limits over both processes together', async () => {
    const ask = (url: string) => new Client(url).post('/api/backup-codes/requests', { ticket: 'not a ticket', message: 'help' });
    const statuses = [(await ask(a)).status, (await ask(b)).status, (await ask(a)).status, (await ask(b)).status];
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('loses no acknowledged write when one process is killed (SIGKILL) mid-burst, and the other goes on', async () => {
    const victim = await cluster.spawn();
    const { acknowledged, sent } = await burstUntilKilled({
      lanes: 8,
      max: 2000,
      killAfter: 30,
      kill: () => victim.process.kill('SIGKILL'),
      send: async (i) => {
        const email = `burst${i}@example.com`;
        const reply = await new Client(i % 2 ? victim.url : b).post('/api/signup', { email, password: PASSWORD, displayName: `User ${i}` });
        return reply.status === 201 ? email : null;
      },
    });
    expect(await victim.exited).toBe('SIGKILL');
    expect(acknowledged.length).toBeLessThan(sent);
    const stored = new Set((await readStored({ dataDir: '', databaseUrl: database.url })).users.map((user) => user.email));
    expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
    expect((await new Client(b).post('/api/signin', { email: acknowledged[0], password: PASSWORD })).status).toBe(200);
  }, 240_000);
});
