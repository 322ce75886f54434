// Unlocking with a passkey, at the vault: the data key wrapped a second time under a key from the passkey's PRF output.
// (The browser side, a real WebAuthn ceremony, is in tests/e2e/extension-passkey.test.ts.)
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from '#shared/bytes.ts';
import { DEFAULT_DB_NAME, openVaultDb } from '../../extension/vault/db';
import { GITHUB, PASSWORD, unlockedHarness } from './support/vault-fixture';

const prf = (fill: number) => new Uint8Array(32).fill(fill);
const enrolment = { credentialId: encodeBase64(new Uint8Array([1, 2, 3, 4])), prfSalt: encodeBase64(prf(9)), prfOutput: prf(7) };

describe('passkey unlock', () => {
  it('unlocks the same accounts with the PRF output of the passkey set up, without the password', async () => {
    const h = await unlockedHarness();
    const added = await h.vault.add([GITHUB]);
    await h.vault.enrolPasskey(PASSWORD, async () => enrolment);
    expect(await h.vault.passkey()).toEqual({ credentialId: enrolment.credentialId, prfSalt: enrolment.prfSalt, createdAt: h.clock.now });
    await h.vault.lock();
    expect(await h.vault.passkey()).not.toBeNull(); // readable while locked, to ask the authenticator
    await h.vault.unlockWithPasskey(prf(7));
    expect(await h.vault.state()).toBe('unlocked');
    expect(await h.vault.list()).toEqual(added);
  });

  it('refuses another PRF output (another credential, or the same one with another input), and stays locked', async () => {
    const h = await unlockedHarness();
    await h.vault.enrolPasskey(PASSWORD, async () => enrolment);
    await h.vault.lock();
    for (const output of [prf(8), new Uint8Array(16), new Uint8Array(0)]) {
      await expect(h.vault.unlockWithPasskey(output)).rejects.toMatchObject({ code: 'wrong_passkey', message: expect.stringContaining('master password') });
    }
    expect(await h.vault.state()).toBe('locked');
  });

  it('asks for the master password to set up or remove a passkey, and a wrong one changes nothing', async () => {
    const h = await unlockedHarness();
    let asked = false;
    await expect(h.vault.enrolPasskey('not the password', async () => { asked = true; return enrolment; })).rejects.toMatchObject({ code: 'wrong_password' });
    expect(asked).toBe(false); // a mistyped password costs no authenticator prompt
    expect(await h.vault.passkey()).toBeNull();
    await h.vault.enrolPasskey(PASSWORD, async () => enrolment);
    await expect(h.vault.removePasskey('not the password')).rejects.toMatchObject({ code: 'wrong_password' });
    expect(await h.vault.passkey()).not.toBeNull();
    await h.vault.removePasskey(PASSWORD);
    expect(await h.vault.passkey()).toBeNull();
    await h.vault.lock();
    await expect(h.vault.unlockWithPasskey(prf(7))).rejects.toMatchObject({ code: 'no_passkey' });
  });

  it('is removed by a password change, which the old password alone could not undo', async () => {
    const h = await unlockedHarness();
    await h.vault.enrolPasskey(PASSWORD, async () => enrolment);
    await h.vault.changePassword(PASSWORD, 'a much better passphrase');
    expect(await h.vault.passkey()).toBeNull();
    await h.vault.lock();
    await expect(h.vault.unlockWithPasskey(prf(7))).rejects.toMatchObject({ code: 'no_passkey' });
  });

  it('refuses a wrapped key moved to another credential', async () => {
    const h = await unlockedHarness();
    await h.vault.enrolPasskey(PASSWORD, async () => enrolment);
    await h.vault.lock();
    const db = await openVaultDb(h.indexedDB, DEFAULT_DB_NAME);
    const record = (await db.get('meta', 'passkey')) as unknown as Record<string, unknown>;
    await h.writeRaw('meta', { ...record, credentialId: encodeBase64(new Uint8Array([9, 9])) }, 'passkey');
    await expect(h.vault.unlockWithPasskey(prf(7))).rejects.toMatchObject({ code: 'wrong_passkey' });
    expect(await h.vault.state()).toBe('locked');
  });
});
