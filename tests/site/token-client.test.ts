// The example token client of docs/demo-site.md, run as it is written there (node, fetch only) against a real site on
// the real clock: signup, enrolment, sign-in with a TOTP code, /api/me with the access token, refresh, sign-out.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestSite, TestClock, type TestSite } from './support/site';
import { readStored } from './support/stored';

let site: TestSite;
afterEach(async () => site?.close());

function exampleScript(): string {
  const docs = readFileSync(new URL('../../docs/demo-site.md', import.meta.url), 'utf8');
  const script = /<!-- token-client-example -->\n```js\n([\s\S]*?)```/.exec(docs)?.[1];
  if (!script) throw new Error('docs/demo-site.md has no token-client example block');
  return script;
}

/** The site's own clock is the real one here: the script computes its codes from Date.now(). */
class RealClock extends TestClock {
  override now = () => Date.now();
}

describe('the documented token client', () => {
  it('signs up, enrols, signs in with a code, calls /api/me, refreshes and signs out using only fetch', async () => {
    site = await startTestSite({ MFA_POLICY: 'required' }, undefined, new RealClock());
    const file = join(site.dataDir, 'token-client.mjs');
    writeFileSync(file, exampleScript());
    const { stdout } = await promisify(execFile)(process.execPath, [file, site.url, 'script@example.com', 'a long passphrase for scripts'], { timeout: 20_000 });
    expect(stdout.trim().split('\n')).toEqual([
      'signed in as script@example.com (MFA on)',
      'refreshed: a new access token for 900 s',
      'signed out: refreshing now answers 401 refresh_token_revoked',
    ]);
    const audit = (await readStored(site.data)).audit.map((entry) => entry.type);
    expect(audit).toEqual(expect.arrayContaining(['signup', 'mfa_enabled', 'signin_success', 'signout']));
  });
});
