// The vault header and the backup file share one password envelope. Files and vaults written before stay readable:
// these fixtures were written by an earlier Tessera, and open with their password and with nothing else.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../extension/backup';
import { unwrapDataKey } from '../../extension/vault/header';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

describe('a Tessera backup written before', () => {
  const text = fixture('tessera-backup-v1.json');

  it('opens with its password, sites and pins included', async () => {
    const preview = await parseImport(text, { password: 'fixture backup password' });
    expect(preview.format).toBe('tessera-backup');
    expect(preview.accounts.map(({ issuer, account, sites, pinned, counter }) => ({ issuer, account, sites, pinned, counter }))).toEqual([
      { issuer: 'GitHub', account: 'alice@example.com', sites: ['github.com'], pinned: true, counter: 0 },
      { issuer: 'Bank of Zurich', account: 'bob', sites: [], pinned: false, counter: 41 },
    ]);
  });

  it('refuses a wrong password, and a file whose parameters were changed', async () => {
    await expect(parseImport(text, { password: 'not the password' })).rejects.toMatchObject({ code: 'wrong_password' });
    const changed = JSON.parse(text);
    changed.kdf.iterations = 2;
    await expect(parseImport(JSON.stringify(changed), { password: 'fixture backup password' })).rejects.toMatchObject({ code: 'wrong_password' });
    changed.kdf.iterations = 1;
    changed.data = changed.data.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
    await expect(parseImport(JSON.stringify(changed), { password: 'fixture backup password' })).rejects.toMatchObject({ code: 'corrupt' });
  });
});

describe('a vault header written before', () => {
  const header = JSON.parse(fixture('vault-header-v1.json'));

  it('unwraps the same data key with its password', async () => {
    expect([...(await unwrapDataKey(header, 'fixture vault password'))]).toEqual(Array.from({ length: 32 }, (_, i) => (i * 7) % 256));
  });

  it('refuses a wrong password, and a header moved to another vault', async () => {
    await expect(unwrapDataKey(header, 'not the password')).rejects.toMatchObject({ code: 'wrong_password' });
    await expect(unwrapDataKey({ ...header, vaultId: 'another-vault' }, 'fixture vault password')).rejects.toMatchObject({ code: 'tampered' });
  });
});
