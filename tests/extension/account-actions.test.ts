// The popup's account actions without a browser, on a real vault: what each does to the accounts and what the status
// line says afterwards.
import { describe, expect, it } from 'vitest';
import { createAccountActions } from '../../extension/ui/accounts/account-actions';
import { CLIPBOARD_CLEAR_SECONDS } from '../../extension/clipboard/clear-delay';
import type { MigrationFinding } from '../../extension/capture/types';
import { BANK, GITHUB, MAIL, PASSWORD, unlockedHarness } from './support/vault-fixture';

async function setUp() {
  const h = await unlockedHarness();
  const copied: string[] = [];
  const actions = createAccountActions(h.vault, async (code) => { copied.push(code); });
  const [github, bank, mail] = await h.vault.add([GITHUB, BANK, MAIL]);
  return { h, copied, actions, github, bank, mail };
}

describe('the popup\'s account actions', () => {
  it('copy the code, say when the clipboard is cleared, and count as a use of the vault', async () => {
    const { h, copied, actions, github } = await setUp();
    h.clock.advanceMinutes(14);
    expect(await actions.copy(github, '123456')).toBe(`Copied the code for GitHub: alice@example.com. The clipboard is cleared in ${CLIPBOARD_CLEAR_SECONDS} seconds.`);
    expect(copied).toEqual(['123456']);
    h.clock.advanceMinutes(14); // 28 minutes since unlocking, 14 since the copy: still under the 15 of auto-lock
    expect(await h.vault.state()).toBe('unlocked');
  });

  it('move an HOTP counter on and keep it, pin an account to the top, and save a dragged order', async () => {
    const { h, actions, github, bank, mail } = await setUp();
    expect((await actions.next(bank)).counter).toBe(42);
    await actions.togglePin(mail);
    expect((await h.vault.list()).map((a) => a.issuer)).toEqual(['Fastmail', 'GitHub', 'Bank of Zurich']);
    await actions.move(await h.vault.list(), bank.id, github.id);
    expect((await h.vault.list()).map((a) => [a.issuer, a.counter])).toEqual([['Fastmail', 0], ['Bank of Zurich', 42], ['GitHub', 0]]);
  });

  it('add, rename and delete, each saying what was done', async () => {
    const { h, actions, github } = await setUp();
    expect(await actions.add({ ...GITHUB, issuer: 'Work', secret: 'MFRGGZDFMZTWQ2LK' })).toBe('Added Work: alice@example.com.');
    expect(await actions.save(github, { issuer: 'GitHub', account: 'alice', sites: ['https://gist.github.com/x'] })).toBe('Saved GitHub: alice.');
    const renamed = (await h.vault.list()).find((a) => a.id === github.id)!;
    expect(renamed.sites).toEqual(['github.com']);
    expect(await actions.remove(renamed)).toBe('Deleted GitHub: alice.');
    expect((await h.vault.list()).map((a) => a.issuer)).not.toContain('GitHub');
  });

  it('import an export\'s new accounts and say which were already there', async () => {
    const { actions } = await setUp();
    const finding: MigrationFinding = {
      kind: 'migration', refused: [], batchIndex: 0, batchSize: 1, batchId: 9,
      accounts: [{ ...GITHUB, sites: [] }, { ...GITHUB, issuer: 'New', secret: 'MFRGGZDFMZTWQ2LK', sites: [] }],
    };
    expect(await actions.addFinding(finding, 'update-existing')).toBe('Added 1 account. 1 account already in Tessera was left as it is.');
  });

  it('refuse while the vault is locked, with the code that brings back the password field', async () => {
    const { h, actions, github } = await setUp();
    await h.vault.lock();
    await expect(actions.copy(github, '123456')).rejects.toMatchObject({ code: 'locked' });
    await expect(actions.remove(github)).rejects.toMatchObject({ code: 'locked' });
    await h.vault.unlock(PASSWORD);
    expect(await h.vault.list()).toHaveLength(3);
  });
});
