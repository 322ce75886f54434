// First run as a new user meets it: closing the popup while "Creating…" no longer leaves no vault (the service worker
// finishes it), and a creation the browser cut off is said so on the next first-run page.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchExtension, MASTER_PASSWORD, type Extension } from './extension-helpers';

// Browser starts and Argon2id steps are slow on a shared, loaded CPU: time enough for them, not a failure on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let ext: Extension;
beforeAll(async () => { ext = await launchExtension(); });
afterAll(() => ext?.browser.close());

describe('first run', () => {
  it('says on the next first-run page that a creation was cut off, when there is no vault', async () => {
    const page = await ext.open('popup');
    await page.getByRole('button', { name: 'Create vault' }).waitFor();
    // What a browser closed in the middle of the key derivation leaves: the marker, and no vault.
    await page.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      await api.storage.local.set({ vaultCreationStarted: Date.now() - 10 * 60_000 });
    });
    await page.reload();
    await page.getByText('Tessera was closed while it was creating your vault, so there is no vault yet.').waitFor();
    expect(await page.getByRole('button', { name: 'Create vault' }).isEnabled()).toBe(true);
    await page.close();
  });

  it('finishes creating the vault after the popup closed while "Creating…"', async () => {
    const popup = await ext.open('popup');
    await popup.getByLabel('Master password', { exact: true }).fill(MASTER_PASSWORD);
    await popup.getByLabel('Type it again').fill(MASTER_PASSWORD);
    await popup.getByRole('button', { name: 'Create vault' }).click();
    await popup.getByRole('button', { name: 'Creating…' }).waitFor();
    await popup.close();

    const again = await ext.open('popup');
    // The vault exists and is unlocked, with the first-run form gone.
    await again.getByRole('heading', { name: 'No accounts yet' }).waitFor({ timeout: 30_000 });
    await again.getByRole('button', { name: 'Lock now' }).click();
    await again.getByLabel('Master password').fill(MASTER_PASSWORD);
    await again.getByRole('button', { name: 'Unlock' }).click();
    await again.getByRole('heading', { name: 'No accounts yet' }).waitFor({ timeout: 30_000 });
    await again.close();
  });

});
