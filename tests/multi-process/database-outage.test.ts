// The database stopped and started while two site processes are under load: requests meanwhile answer 503
// storage_unavailable in words, nothing is half-written, and both processes recover by themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageEvent } from '#shared/protocol/qr-signin.ts';
import { createDatabase, startPostgresServer, type PostgresServer } from '../support/postgres';
import { Client } from '../site/support/client';
import { DEVICE, EXTENSION_ORIGIN, cookieHeader, listen } from '../site/support/qr';
import { PASSWORD } from '../site/support/site';
import { readStored } from '../site/support/stored';
import { codeNow, signUpWithTotpNow, startCluster, type Cluster } from './support/cluster';

// This test stops its database: it gets a server of its own, not the one the other files share.
let server: PostgresServer;
let cluster: Cluster;
let databaseUrl: string;

beforeAll(async () => {
  server = await startPostgresServer();
  databaseUrl = (await createDatabase(server.adminUrl)).url;
  cluster = await startCluster(databaseUrl, 2, { MFA_POLICY: 'optional' });
}, 240_000);
afterAll(async () => {
  await cluster?.stop();
  await server?.destroy();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the database going away and coming back', () => {
  it('answers 503 storage_unavailable meanwhile, half-writes nothing, and recovers without a restart', async () => {
    const [a, b] = cluster.sites.map((site) => site.url);
    const acknowledged: string[] = [];
    const failures: { status: number; code?: string; message?: string }[] = [];
    let running = true;
    let n = 0;
    const lane = async () => {
      while (running && n < 5000) {
        const i = n++;
        const email = `load${i}@example.com`;
        const reply = await new Client(i % 2 ? a : b).post('/api/signup', { email, password: PASSWORD, displayName: `Load ${i}` }).catch(() => null);
        if (reply?.status === 201) acknowledged.push(email);
        else failures.push({ status: reply?.status ?? 0, code: reply?.body?.error?.code, message: reply?.body?.error?.message });
        await sleep(5);
      }
    };
    const load = Promise.all(Array.from({ length: 4 }, lane));
    while (acknowledged.length < 20) await sleep(20);

    // A live page on A before the outage: its socket is closed when A stops hearing the other processes, so the page
    // reconnects and asks what it missed instead of waiting for events that were lost.
    const early = new Client(a, { origin: a });
    await early.post('/api/qr/generate');
    const earlySocket = await listen<PageEvent>({ url: a }, { cookie: cookieHeader(early), origin: a });
    const earlyClosed = new Promise<number>((resolve) => earlySocket.socket.once('close', resolve));

    await server.stop();
    expect(await earlyClosed, cluster.sites[0].output()).toBe(1012);
    // A process that died would say why in its output.
    const during = await new Client(a).post('/api/signin', { email: acknowledged[0], password: PASSWORD })
      .catch((error: unknown) => Promise.reject(new Error(`${String(error)}; the site said:\n${cluster.sites[0].output()}`)));
    expect(during.status).toBe(503);
    expect(during.body.error).toMatchObject({ code: 'storage_unavailable', message: expect.stringContaining('cannot reach its database') });
    expect(during.headers.get('retry-after')).toMatch(/^\d+$/);
    await sleep(1000);
    await server.start();

    // Both processes serve again by themselves.
    for (const url of [a, b]) {
      let recovered = false;
      for (let i = 0; i < 100 && !recovered; i++) {
        recovered = (await new Client(url).post('/api/signin', { email: acknowledged[0], password: PASSWORD }).catch(() => null))?.status === 200;
        if (!recovered) await sleep(200);
      }
      expect(recovered, url).toBe(true);
    }
    const ackedBeforeEnd = acknowledged.length;
    while (acknowledged.length < ackedBeforeEnd + 10) await sleep(20);
    running = false;
    await load;

    expect(cluster.sites.every((site) => site.process.exitCode === null)).toBe(true);
    // Every refusal said why; none was a bare 500 (connections cut mid-request count as refused too).
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) expect([0, 503]).toContain(failure.status);
    expect(failures.filter((f) => f.status === 503).every((f) => f.code === 'storage_unavailable')).toBe(true);
    const stored = await readStored({ dataDir: '', databaseUrl });
    const emails = new Set(stored.users.map((user) => user.email));
    expect(acknowledged.filter((email) => !emails.has(email))).toEqual([]);
    // A signup moves three rows together (account, session, audit entry): none is there without the others.
    const audited = new Set(stored.audit.filter((entry) => entry.type === 'signup').map((entry) => entry.userId));
    const sessions = new Set(stored.sessions.map((session) => session.userId));
    for (const user of stored.users) {
      expect(audited.has(user.id), user.email).toBe(true);
      expect(sessions.has(user.id), user.email).toBe(true);
    }

    // Live updates cross processes again: the listeners reconnected.
    const { secret } = await signUpWithTotpNow(b, 'after@example.com');
    const page = new Client(a, { origin: a });
    const issued = (await page.post('/api/qr/generate')).body;
    // Sockets are refused (503) until A listens again, as the page's reconnecting socket expects.
    let socket;
    for (let i = 0; i < 100 && !socket; i++) {
      socket = await listen<PageEvent>({ url: a }, { cookie: cookieHeader(page), origin: a }).catch((error: Error) => {
        expect(error.message).toBe('refused 503');
        return sleep(100).then(() => undefined);
      });
    }
    if (!socket) throw new Error('the page socket on A was refused for 10 s after the database came back');
    let scanned;
    for (let i = 0; i < 50; i++) {
      scanned = await new Client(b, { origin: EXTENSION_ORIGIN }).post('/api/qr/scan', { qrToken: issued.qrToken, email: 'after@example.com', code: codeNow(secret, 1), device: DEVICE });
      if (scanned.status === 200) break;
    }
    expect(scanned?.status).toBe(200);
    expect(await socket.next((event) => event.type === 'scanned')).toMatchObject({ type: 'scanned', qrToken: issued.qrToken });
    socket.close();
  }, 240_000);
});
