// Starts the real site on a loopback port (port 0) with a temporary data folder (and, when the suite runs on
// PostgreSQL, a fresh database of the test run's server), real argon2 (cheap settings passed explicitly) and an
// injected clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { generateTotp } from '#shared/otp/index.ts';
import { SITE_TOTP } from '#shared/protocol/totp-profile.ts';
import { createDatabase } from '../../support/postgres';
import { loadConfig, type SiteConfig } from '../../../demo-site/config';
import { startSite, type RunningSite } from '../../../demo-site/main';
import { Client } from './client';

/** Test-only argon2 cost: far below production, which a separate test checks. */
export const CHEAP_ARGON2 = { ARGON2_MEMORY_KIB: '1024', ARGON2_TIME_COST: '1', ARGON2_PARALLELISM: '1' };

export class TestClock {
  // Five seconds into a 30-second step, so a test has time before the code changes.
  constructor(public ms = Date.UTC(2026, 0, 15, 12, 0, 5)) {}
  now = () => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** The adapter this run of the site suite uses (vitest.config.ts runs the suite once per adapter). */
export const TEST_STORAGE: 'embedded' | 'postgres' = process.env.TESSERA_TEST_STORAGE === 'postgres' ? 'postgres' : 'embedded';

/** Where a test site keeps its data. */
export interface TestData {
  dataDir: string;
  /** Set when the suite runs on PostgreSQL: a database of its own. */
  databaseUrl?: string;
  remove(): Promise<void>;
}

export async function createTestData(storage = TEST_STORAGE): Promise<TestData> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-site-'));
  const database = storage === 'postgres' ? await createDatabase(inject('postgresAdminUrl')) : null;
  return {
    dataDir,
    databaseUrl: database?.url,
    async remove() {
      rmSync(dataDir, { recursive: true, force: true });
      await database?.drop();
    },
  };
}

/** The settings that point a site at this data. */
export const dataEnv = (data: Pick<TestData, 'dataDir' | 'databaseUrl'>): Record<string, string> => ({
  DATA_DIR: data.dataDir,
  ...(data.databaseUrl ? { DATABASE_URL: data.databaseUrl } : {}),
});

export interface TestSite {
  site: RunningSite;
  url: string;
  clock: TestClock;
  dataDir: string;
  data: TestData;
  config: SiteConfig;
  client(): Client;
  restart(env?: Record<string, string>): Promise<TestSite>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestSite(env: Record<string, string> = {}, shared?: { data: TestData; clock: TestClock }, givenClock?: TestClock): Promise<TestSite> {
  const data = shared?.data ?? (await createTestData());
  const dataDir = data.dataDir;
  const clock = shared?.clock ?? givenClock ?? new TestClock();
  const config = loadConfig({
    PORT: '0',
    ...dataEnv(data),
    RATE_LIMIT_SIGNIN: '10000',
    RATE_LIMIT_SIGNUP: '10000',
    RATE_LIMIT_BACKUP_REQUESTS: '10000',
    RATE_LIMIT_MAIL: '10000',
    // Suites about other flows sign up and go on at once; the email suites ask for `required` or `optional`.
    EMAIL_VERIFICATION: 'off',
    ...CHEAP_ARGON2,
    ...env,
  });
  let site: RunningSite;
  try {
    site = await startSite(config, clock.now);
  } catch (error) {
    if (!shared) await data.remove();
    throw error;
  }
  const testSite: TestSite = {
    site,
    url: site.url,
    clock,
    dataDir,
    data,
    config,
    client: () => new Client(site.url),
    async restart(nextEnv = env) {
      await site.close();
      return startTestSite(nextEnv, { data, clock });
    },
    async close({ keepData = false } = {}) {
      await site.close();
      if (!keepData) await data.remove();
    },
  };
  return testSite;
}

/** The code an authenticator would show at the site's current time. */
export function codeAt(secret: string, clock: TestClock, offsetSteps = 0): string {
  const { algorithm, digits, period } = SITE_TOTP;
  return generateTotp({ secret, time: Math.floor(clock.ms / 1000) + offsetSteps * period, algorithm, digits, period });
}

export const PASSWORD = 'correct horse battery staple';

/** Signs up and turns TOTP on; returns the secret the user's authenticator holds. */
export async function signUpWithTotp(site: TestSite, client: Client, email: string): Promise<string> {
  const signup = await client.post('/api/signup', { email, password: PASSWORD, displayName: email.split('@')[0] });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${JSON.stringify(signup.body)}`);
  const { body } = await client.post('/api/mfa/totp/generate');
  const activated = await client.post('/api/mfa/totp/activate', { code: codeAt(body.secret, site.clock) });
  if (activated.status !== 200) throw new Error(`activation failed: ${activated.status}`);
  // The activation used this time step; move on so the next code is a fresh one.
  site.clock.advance(30_000);
  return body.secret as string;
}
