import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY_FILE, loadServerKey } from '../../demo-site/crypto/server-key';
import { openSecret, sealSecret } from '../../demo-site/crypto/secret-box';
import { loadConfig } from '../../demo-site/config';
import { signUpWithTotp, startTestSite } from './support/site';
import { readStoredText } from './support/stored';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('server key', () => {
  it('is created once in the data folder with mode 0600 and read back on the next start', () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-key-'));
    const key = loadServerKey(dir);
    expect(key).toHaveLength(32);
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadServerKey(dir).equals(key)).toBe(true);
  });

  it('comes from TESSERA_SECRET when set, and then no key file is written', () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-key-'));
    const key = loadServerKey(dir, 'a server secret of at least thirty-two characters');
    expect(key).toHaveLength(32);
    expect(existsSync(join(dir, KEY_FILE))).toBe(false);
    expect(() => loadConfig({ TESSERA_SECRET: 'too short' })).toThrow(/TESSERA_SECRET/);
  });

  it('that does not match the data file stops the start with words, and changes nothing', async () => {
    const site = await startTestSite({ MFA_POLICY: 'optional' });
    dir = site.dataDir;
    await signUpWithTotp(site, site.client(), 'mary@example.com');
    await site.close({ keepData: true });
    const before = await readStoredText(site.data);
    const secret = 'another server secret, thirty-two characters or more';
    await expect(startTestSite({ TESSERA_SECRET: secret }, { data: site.data, clock: site.clock })).rejects.toThrow(/server key does not open the TOTP secrets.*restore the server\.key file/);
    expect(await readStoredText(site.data)).toBe(before);
    const again = await startTestSite({ MFA_POLICY: 'optional' }, { data: site.data, clock: site.clock });
    await again.close();
  });

  it('encrypts with AES-256-GCM: a tampered box, another key or another purpose fails to open', () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-key-'));
    const key = loadServerKey(dir);
    const box = sealSecret(key, 'JBSWY3DPEHPK3PXP', 'totp:user-1');
    expect(box).not.toContain('JBSWY3DPEHPK3PXP');
    expect(openSecret(key, box, 'totp:user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => openSecret(key, box, 'totp:user-2')).toThrow();
    expect(() => openSecret(Buffer.alloc(32, 1), box, 'totp:user-1')).toThrow();
    const parts = box.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => openSecret(key, parts.join('.'), 'totp:user-1')).toThrow();
  });
});
