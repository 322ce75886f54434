// The demo site under load on loopback (autocannon, a few seconds each): the code step and password sign-in, with
// production argon2 settings, against bare argon2.verify throughput measured in the same run. Then the live updates
// of QR pairing: how long after a scan the page hears of it, against the scan's own answer.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import argon2 from 'argon2';
import { WebSocket } from 'ws';
import { generateTotp } from '#shared/otp/index.ts';

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

const SECONDS = 4;
const CONNECTIONS = 8;
const PASSWORD = 'bench password, long enough';

function startSite(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo-site/main.ts'], {
    env: {
      ...process.env, PORT: '0', DATA_DIR: dataDir, MFA_POLICY: 'optional', EMAIL_VERIFICATION: 'off',
      // Limits out of the way: this measures the work per request, not the limiter.
      RATE_LIMIT_SIGNIN: '100000000', RATE_LIMIT_SIGNUP: '100000000', RATE_LIMIT_QR_GENERATE: '100000000', RATE_LIMIT_QR_SCAN: '100000000', TICKET_MAX_ATTEMPTS: '100000000', LOCKOUT_THRESHOLD: '100000000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`site exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /listening on (http:\/\/\S+)/.exec(chunk.toString());
      if (match) resolve({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
  });
}

async function post(url: string, body: unknown, cookie?: string, origin?: string): Promise<{ json: any; cookie?: string }> {
  const headers = { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) };
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body ?? {}) });
  return { json: await response.json(), cookie: response.headers.getSetCookie()[0]?.split(';')[0] };
}

/** One user with TOTP on (for the code step) and one without (for password-only sign-in). */
async function prepareUsers(url: string): Promise<string> {
  await post(`${url}/api/signup`, { email: 'plain@example.com', password: PASSWORD, displayName: 'Plain' });
  const { cookie } = await post(`${url}/api/signup`, { email: 'totp@example.com', password: PASSWORD, displayName: 'Totp' });
  const { json } = await post(`${url}/api/mfa/totp/generate`, {}, cookie);
  await post(`${url}/api/mfa/totp/activate`, { code: generateTotp({ secret: json.secret, time: Math.floor(Date.now() / 1000) }) }, cookie);
  const signin = await post(`${url}/api/signin`, { email: 'totp@example.com', password: PASSWORD });
  return signin.json.ticket as string;
}

async function load(url: string, body: unknown): Promise<LoadResult> {
  return autocannon({ url, method: 'POST', connections: CONNECTIONS, duration: SECONDS, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Bare argon2.verify with the site's default settings, as many at once as libuv runs (4 threads). */
async function verifyThroughput(): Promise<number> {
  const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  let done = 0;
  const end = performance.now() + SECONDS * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      await argon2.verify(hash, PASSWORD);
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: 4 }, worker));
  return done / ((performance.now() - start) / 1000);
}

const PAIRINGS = 200;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Pairing scans (no TOTP code needed, so they repeat): per scan, the time until its HTTP answer and until the
 * enrolment page's WebSocket hears `paired`.
 */
async function measurePairingUpdates(url: string): Promise<{ answer: number; event: number }> {
  const { cookie } = await post(`${url}/api/signup`, { email: 'pairing@example.com', password: PASSWORD, displayName: 'Pairing' });
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
  return { answer: median(answers), event: median(events) };
}

function report(name: string, result: LoadResult, note = ''): void {
  console.log(
    `${name}: ${result.requests.average.toFixed(1)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
      `errors ${result.errors + result.timeouts}, 2xx ${result['2xx']}, non-2xx ${result.non2xx}${note}`,
  );
}

export async function run(): Promise<void> {
  // The baseline first, while nothing else of ours runs: the site's process would compete for the same two cores.
  const verify = await verifyThroughput();
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  const site = await startSite(dataDir);
  try {
    const ticket = await prepareUsers(site.url);
    // A wrong code does all the work of a right one (ticket, secret decryption, HMACs, a durable write) and can be
    // repeated; a right code can be used only once per 30 s.
    const code = await load(`${site.url}/api/signin/mfa/totp`, { ticket, code: '000000' });
    report('code step (wrong codes, limits raised)', code, ' (non-2xx are the expected 401s)');
    const signin = await load(`${site.url}/api/signin`, { email: 'plain@example.com', password: PASSWORD });
    report('password sign-in (argon2id m=19456 t=2 p=1)', signin);
    console.log(`bare argon2.verify, 4 at once: ${verify.toFixed(1)} verifications/s`);
    console.log(`ratio sign-in / bare verify: ${(signin.requests.average / verify).toFixed(2)}`);
    console.log(`ratio code step / sign-in: ${(code.requests.average / signin.requests.average).toFixed(1)}`);
    const pairing = await measurePairingUpdates(site.url);
    console.log(`pairing scan, median of ${PAIRINGS}: answer after ${pairing.answer.toFixed(2)} ms, page event after ${pairing.event.toFixed(2)} ms`);
    console.log(`ratio page event / scan answer: ${(pairing.event / pairing.answer).toFixed(2)}`);
  } finally {
    site.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
