// Several real site processes (demo-site/main.ts) on one PostgreSQL database, each on its own port, sharing the
// server key (TESSERA_SECRET) as a deployment behind a proxy would. Real time: codes come from the real clock.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTotp } from '#shared/otp/index.ts';
import { spawnSite, type ChildSite } from '../../site/support/child-site';
import { Client } from '../../site/support/client';
import { CHEAP_ARGON2, PASSWORD } from '../../site/support/site';

export const SHARED_SECRET = 'a server secret shared by every process of the site';

export interface Cluster {
  sites: ChildSite[];
  spawn(): Promise<ChildSite>;
  stop(): Promise<void>;
}

export async function startCluster(databaseUrl: string, count: number, env: Record<string, string> = {}): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-cluster-'));
  const settings = {
    DATABASE_URL: databaseUrl, DATA_DIR: dataDir, TESSERA_SECRET: SHARED_SECRET, ...CHEAP_ARGON2, EMAIL_VERIFICATION: 'off',
    RATE_LIMIT_SIGNIN: '100000', RATE_LIMIT_SIGNUP: '100000', RATE_LIMIT_QR_GENERATE: '100000', RATE_LIMIT_QR_SCAN: '100000', RATE_LIMIT_PIN_VERIFY: '100000',
    ...env,
  };
  const sites: ChildSite[] = [];
  const spawn = async () => {
    const site = await spawnSite(settings);
    sites.push(site);
    return site;
  };
  // One after the other: the first applies the schema, the next finds it done.
  for (let i = 0; i < count; i++) await spawn();
  return {
    sites,
    spawn,
    async stop() {
      for (const site of sites) site.process.kill('SIGKILL');
      await Promise.all(sites.map((site) => site.exited));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The code an authenticator shows `steps` time steps from now (the site accepts one step of drift). */
export const codeNow = (secret: string, steps = 0) => generateTotp({ secret, time: Math.floor(Date.now() / 1000) + steps * 30 });

/** Signs up on `url` with TOTP on (the current step is then used); the next code to use is codeNow(secret, 1). */
export async function signUpWithTotpNow(url: string, email: string): Promise<{ client: Client; secret: string }> {
  const client = new Client(url);
  const signup = await client.post('/api/signup', { email, password: PASSWORD, displayName: email.split('@')[0] });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${signup.text}`);
  const { body } = await client.post('/api/mfa/totp/generate');
  const activated = await client.post('/api/mfa/totp/activate', { code: codeNow(body.secret) });
  if (activated.status !== 200) throw new Error(`activation failed: ${activated.status} ${activated.text}`);
  return { client, secret: body.secret };
}

export async function passwordStep(url: string, email: string): Promise<string> {
  const reply = await new Client(url).post('/api/signin', { email, password: PASSWORD });
  if (!reply.body?.ticket) throw new Error(`password step failed: ${reply.status} ${reply.text}`);
  return reply.body.ticket as string;
}
