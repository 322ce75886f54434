// First run in the service worker, without a browser: the vault is created whatever the page does meanwhile, a refusal
// travels back as the vault's words, and a creation cut off by a closed browser is told apart from one still running.
import { describe, expect, it } from 'vitest';
import { memoryArea } from '../../extension/storage/area';
import { vaultCreationItem } from '../../extension/storage/items';
import { CREATION_TIMEOUT_MS, createVaultFor, readCreationState } from '../../extension/vault/create-in-background';
import { makeHarness, PASSWORD } from './support/vault-fixture';

describe('creating the vault in the service worker', () => {
  it('creates and unlocks it, and leaves no marker behind', async () => {
    const h = makeHarness();
    const store = memoryArea();
    expect(await createVaultFor(h.vault, PASSWORD, store)).toEqual({ ok: true });
    expect(await h.vault.state()).toBe('unlocked');
    expect(await vaultCreationItem.get(store)).toBeNull();
  });

  it('answers a refusal with the vault\'s code and words, never the password, and creates nothing', async () => {
    const h = makeHarness();
    const store = memoryArea();
    const answer = await createVaultFor(h.vault, 'short', store);
    expect(answer).toEqual({ ok: false, code: 'weak_password', message: 'The master password needs at least 8 characters.' });
    expect(JSON.stringify(answer)).not.toContain('short"');
    expect(await h.vault.state()).toBe('empty');
    expect(await vaultCreationItem.get(store)).toBeNull();
  });

  it('tells a creation still running from one the browser cut off', async () => {
    const store = memoryArea();
    const now = 1_700_000_000_000;
    expect(await readCreationState(store, now)).toBeNull();
    await vaultCreationItem.set(store, now - 5_000);
    expect(await readCreationState(store, now)).toBe('running');
    expect(await readCreationState(store, now + CREATION_TIMEOUT_MS)).toBe('cut-off');
  });
});
