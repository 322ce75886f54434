// The demo site at scale, on both storage adapters: 100,000 accounts and 1,000,000 audit entries (BENCH_SITE_USERS,
// BENCH_SITE_AUDIT to change), the site in its own process, load from autocannon on loopback. Per adapter: start-up
// time, password sign-in throughput as a ratio of bare argon2.verify measured just before it (same settings, 4 at
// once), the code step's p99 under 64 connections (64 accounts, each at its own code step), a read page's p99 while writes run, and how soon a page hears of
// a pairing scan against the scan's own answer. BENCH_SITE_ADAPTERS=postgres (or embedded) runs one.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import { WebSocket } from 'ws';
import { createDatabase, startPostgresServer } from '../tests/support/postgres';
import { BENCH_PASSWORD, BENCH_SECRET, makeUsers, PLAIN_EMAIL, PLAIN_EMAILS, seedEmbedded, seedPostgres, TOTP_EMAILS } from './site-seed';

interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const USERS = Number(process.env.BENCH_SITE_USERS ?? 100_000);
const AUDIT = Number(process.env.BENCH_SITE_AUDIT ?? 1_000_000);
const SECONDS = 8;
const WARM_UP_SECONDS = 2;

function startSite(dataDir: string, env: Record<string, string>): Promise<{ url: string; startMs: number; stop: () => void }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo-site/main.ts'], {
    env: {
      ...process.env, PORT: '0', DATA_DIR: dataDir, MFA_POLICY: 'optional', EMAIL_VERIFICATION: 'off', TESSERA_SECRET: BENCH_SECRET,
      // Limits out of the way: this measures the work per request, not the limiter.
      RATE_LIMIT_SIGNIN: '100000000', RATE_LIMIT_SIGNUP: '100000000', RATE_LIMIT_QR_GENERATE: '100000000', RATE_LIMIT_QR_SCAN: '100000000', TICKET_MAX_ATTEMPTS: '100000000', LOCKOUT_THRESHOLD: '100000000', THROTTLE_FREE_FAILURES: '100000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`site exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1], startMs: performance.now() - started, stop: () => child.kill('SIGTERM') });
    });
  });
}

async function post(url: string, body: unknown, cookie?: string, origin?: string): Promise<{ json: any; cookie?: string }> {
  const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body ?? {}) });
  return { json: await response.json(), cookie: response.headers.getSetCookie()[0]?.split(';')[0] };
}

/** `body`: one for every request, or a list the requests take in turn. */
const load = (url: string, connections: number, body?: unknown, duration = SECONDS): Promise<LoadResult> => {
  if (!Array.isArray(body)) {
    return autocannon({
      url, connections, duration, timeout: 60,
      ...(body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
  }
  let next = 0;
  const bodies = body.map((one) => JSON.stringify(one));
  return autocannon({
    url, connections, duration, timeout: 60,
    requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, setupRequest: (request: object) => ({ ...request, body: bodies[next++ % bodies.length] }) }],
  });
};

/** Bare argon2.verify with the site's default settings, as many at once as libuv runs (4 threads). */
async function verifyThroughput(): Promise<number> {
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      await argon2.verify(hash, BENCH_PASSWORD);
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: 4 }, worker));
  return done / ((performance.now() - start) / 1000);
}

const PAIRINGS = 20;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Per pairing scan (no TOTP code needed, so they repeat): when the enrolment page's socket hears `paired`, over the scan's answer. */
async function pairingEventRatio(url: string): Promise<number> {
  const { cookie } = await post(`${url}/api/signup`, { email: `pairing-${Date.now()}@example.com`, password: BENCH_PASSWORD, displayName: 'Pairing' });
  await post(`${url}/api/mfa/totp/generate`, {}, cookie);
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, { headers: { cookie: cookie! }, origin: url });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let heard: ((at: number) => void) | null = null;
  socket.on('message', () => heard?.(performance.now()));
  const answers: number[] = [];
  const events: number[] = [];
  for (let i = 0; i < PAIRINGS; i++) {
    const { json } = await post(`${url}/api/mfa/totp/pairing`, {}, cookie, url);
    const start = performance.now();
    const event = new Promise<number>((resolve) => (heard = resolve));
    await post(`${url}/api/qr/scan`, { qrToken: json.qrToken, device: 'Bench' }, undefined, 'chrome-extension://bench');
    answers.push(performance.now() - start);
    events.push((await event) - start);
  }
  socket.close();
  return median(events) / median(answers);
}

/** An unknown email against a wrong password for a known one, in turn, 15 of each: the ratio of their medians. */
async function unknownEmailRatio(url: string): Promise<number> {
  const time = async (body: unknown) => {
    const start = performance.now();
    await post(`${url}/api/signin`, body);
    return performance.now() - start;
  };
  const unknown: number[] = [];
  const wrong: number[] = [];
  for (let i = 0; i < 15; i++) {
    unknown.push(await time({ email: `nobody${i}@example.com`, password: 'a wrong password' }));
    wrong.push(await time({ email: PLAIN_EMAIL, password: 'a wrong password' }));
  }
  return median(unknown) / median(wrong);
}

interface Row { adapter: string; seedS: number; startS: number; signin: number; verify: number; codeP99: number; codeRps: number; readP99: number; pairing: number; unknownEmail: number; errors: number }

async function measure(adapter: 'embedded' | 'postgres'): Promise<Row> {
  const dataDir = mkdtempSync(join(tmpdir(), `tessera-bench-${adapter}-`));
  const server = adapter === 'postgres' ? await startPostgresServer() : null;
  try {
    const seedStart = performance.now();
    const seed = await makeUsers(USERS, dataDir);
    const env: Record<string, string> = {};
    if (server) {
      env.DATABASE_URL = (await createDatabase(server.adminUrl)).url;
      await seedPostgres(env.DATABASE_URL, seed, AUDIT);
    } else {
      seedEmbedded(dataDir, seed, AUDIT);
    }
    const seedS = (performance.now() - seedStart) / 1000;
    const site = await startSite(dataDir, env);
    try {
      // Sign-ins spread over accounts without MFA, as many people signing in at once. The same load for 2 s first,
      // not counted: what is measured is a site that has been serving a while (code compiled, connections ready).
      const signins = PLAIN_EMAILS.map((email) => ({ email, password: BENCH_PASSWORD }));
      await load(`${site.url}/api/signin`, 8, signins, WARM_UP_SECONDS);
      // The baseline just before and just after, averaged: the machine's load drifts.
      const before = await verifyThroughput();
      const signin = await load(`${site.url}/api/signin`, 8, signins);
      const verify = (before + (await verifyThroughput())) / 2;
      const tickets = await Promise.all(TOTP_EMAILS.map(async (email) => (await post(`${site.url}/api/signin`, { email, password: BENCH_PASSWORD })).json.ticket));
      // A wrong code does all the work of a right one (ticket, secret, a durable write of the counts and the audit
      // entry) and can be repeated; a right code works once per 30 s. Each of 64 accounts at its own code step.
      const wrongCode = tickets.map((ticket: string) => ({ ticket, code: '000000' }));
      const code = await load(`${site.url}/api/signin/mfa/totp`, 64, wrongCode);
      const [read, writes] = await Promise.all([load(`${site.url}/signin`, 8), load(`${site.url}/api/signin/mfa/totp`, 8, wrongCode)]);
      const pairing = await pairingEventRatio(site.url);
      const unknownEmail = await unknownEmailRatio(site.url);
      const errors = [signin, code, read, writes].reduce((sum, r) => sum + r.errors + r.timeouts, 0);
      return {
        adapter, seedS, startS: site.startMs / 1000, signin: signin.requests.average, verify, codeP99: code.latency.p99, codeRps: code.requests.average,
        readP99: read.latency.p99, pairing, unknownEmail, errors,
      };
    } finally {
      site.stop();
    }
  } finally {
    await server?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log(`${USERS.toLocaleString('en')} accounts, ${AUDIT.toLocaleString('en')} audit entries; ${SECONDS} s per load`);
  const rows: Row[] = [];
  const adapters = (process.env.BENCH_SITE_ADAPTERS ?? 'embedded,postgres').split(',') as ('embedded' | 'postgres')[];
  for (const adapter of adapters) {
    const row = await measure(adapter);
    rows.push(row);
    console.log(
      `${adapter}: seeded in ${row.seedS.toFixed(1)} s, started in ${row.startS.toFixed(1)} s; password sign-in ${row.signin.toFixed(1)} req/s ` +
        `(bare argon2.verify ${row.verify.toFixed(1)}/s, ratio ${(row.signin / row.verify).toFixed(2)}); code step under 64 connections ` +
        `${row.codeRps.toFixed(0)} req/s, p99 ${row.codeP99} ms; GET /signin p99 ${row.readP99} ms while codes are checked; ` +
        `pairing event / scan answer ${row.pairing.toFixed(2)}; ` +
        // About 1: an unknown email must not answer sooner than a wrong password (a dummy hash is verified).
        `refused sign-in, unknown email / wrong password ${row.unknownEmail.toFixed(2)}; errors ${row.errors}`,
    );
  }
  console.log('\n| storage | start-up | password sign-in / bare argon2.verify | code step p99, 64 connections | read page p99 while writing |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const row of rows) {
    console.log(`| ${row.adapter} | ${row.startS.toFixed(1)} s | ${(row.signin / row.verify).toFixed(2)} | ${row.codeP99} ms | ${row.readP99} ms |`);
  }
}
