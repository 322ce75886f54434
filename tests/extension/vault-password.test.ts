import { describe, expect, it } from 'vitest';
import { GITHUB, BANK, makeHarness, PASSWORD, unlockedHarness } from './support/vault-fixture';

const NEW_PASSWORD = 'a much better passphrase';

describe('master password', () => {
  it('asks for at least 8 characters on creation and creates only one vault', async () => {
    const h = makeHarness();
    await expect(h.vault.create('short')).rejects.toMatchObject({ code: 'weak_password', message: expect.stringContaining('8 characters') });
    expect(await h.vault.state()).toBe('empty');
    await h.vault.create(PASSWORD);
    expect(await h.vault.state()).toBe('unlocked');
    await expect(h.vault.create('another password')).rejects.toMatchObject({ code: 'vault_exists' });
  });

  it('says there is no vault before one is created', async () => {
    const h = makeHarness();
    await expect(h.vault.unlock(PASSWORD)).rejects.toMatchObject({ code: 'no_vault' });
    await expect(h.vault.list()).rejects.toMatchObject({ code: 'no_vault' });
  });

  it('changes the password: the old one stops working, the new one opens the same accounts', async () => {
    const h = await unlockedHarness();
    const before = await h.vault.add([GITHUB, BANK]);
    await h.vault.changePassword(PASSWORD, NEW_PASSWORD);
    await h.vault.lock();
    await expect(h.vault.unlock(PASSWORD)).rejects.toMatchObject({ code: 'wrong_password' });
    await h.vault.unlock(NEW_PASSWORD);
    expect(await h.vault.list()).toEqual(before);
  });

  it('a wrong old password says so and changes nothing', async () => {
    const h = await unlockedHarness();
    await h.vault.add([GITHUB]);
    const header = await h.rawHeader();
    await expect(h.vault.changePassword('wrong password', NEW_PASSWORD)).rejects.toMatchObject({ code: 'wrong_password' });
    expect(await h.rawHeader()).toEqual(header);
    await h.vault.lock();
    await h.vault.unlock(PASSWORD);
    expect(await h.vault.list()).toHaveLength(1);
  });

  it('says a password changed in another window at the same time, not that the password is wrong', async () => {
    const h = await unlockedHarness();
    const passwords = [NEW_PASSWORD, 'another new passphrase'];
    const outcomes = await Promise.allSettled([
      h.vault.changePassword(PASSWORD, passwords[0]),
      h.secondPage().changePassword(PASSWORD, passwords[1]),
    ]);
    // Both read the same header; the first to write wins, the other is told why it did not.
    const won = outcomes.findIndex((outcome) => outcome.status === 'fulfilled');
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes[1 - won]).toMatchObject({ status: 'rejected', reason: { code: 'changed_elsewhere', message: 'The master password was changed elsewhere meanwhile: try again with the current one.' } });
    await h.vault.lock();
    await h.vault.unlock(passwords[won]);
  });

  it('refuses a too short new password without touching the header', async () => {
    const h = await unlockedHarness();
    const header = await h.rawHeader();
    await expect(h.vault.changePassword(PASSWORD, 'short')).rejects.toMatchObject({ code: 'weak_password' });
    expect(await h.rawHeader()).toEqual(header);
  });

  it('raises weaker KDF parameters to the current ones on the next unlock', async () => {
    const h = await unlockedHarness();
    await h.vault.lock();
    const stronger = h.secondPage({ kdf: { memoryKiB: 256, iterations: 2, parallelism: 1 } });
    await stronger.unlock(PASSWORD);
    expect((await h.rawHeader()).kdf).toMatchObject({ memoryKiB: 256, iterations: 2 });
    await stronger.lock();
    await stronger.unlock(PASSWORD);
    expect(await stronger.state()).toBe('unlocked');
  });
});
