import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, createVault, unlock, MASTER_PASSWORD, type Extension } from './extension-helpers';

const NEW_PASSWORD = 'quiet meadow 19 lanterns';

/** Locks the vault (if it is unlocked) and tries to unlock it in a fresh popup with `password`. */
async function lockAndTry(ext: Extension, password: string): Promise<'unlocked' | 'refused'> {
  const popup = await ext.open('popup');
  const lockNow = popup.getByRole('button', { name: 'Lock now' });
  await lockNow.or(popup.getByLabel('Master password')).waitFor();
  if (await lockNow.isVisible()) await lockNow.click();
  await unlock(popup, password);
  const result = await Promise.race([
    // The losing wait is cut short when the page closes.
    lockNow.waitFor().then(() => 'unlocked' as const, () => 'refused' as const),
    popup.getByText('Wrong password').waitFor().then(() => 'refused' as const, () => 'unlocked' as const),
  ]);

  await popup.close();
  return result;
}

describe('options page: security settings', () => {
  let ext: Extension;
  let options: Page;

  beforeAll(async () => {
    ext = await launchExtension();
    ext.browser.context.setDefaultTimeout(8_000);
    const popup = await ext.open('popup');
    await createVault(popup);
    await popup.close();
    options = await ext.open('options');
    await options.getByRole('heading', { name: 'Master password' }).waitFor();
  });
  afterAll(async () => { await ext?.browser.close(); });

  it('refuses to change the master password when the current one is wrong, and changes nothing', async () => {
    const form = options.getByRole('form', { name: 'Change the master password' });
    await form.getByLabel('Current password').fill('this is not it');
    await form.getByLabel('New password').fill(NEW_PASSWORD);
    await form.getByLabel('Type it again').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toBe('The current password is wrong. Nothing was changed.');
    await expect(lockAndTry(ext, MASTER_PASSWORD)).resolves.toBe('unlocked');
  });

  it('changes the master password: the old one stops working, the new one unlocks', async () => {
    await options.reload();
    const form = options.getByRole('form', { name: 'Change the master password' });
    await form.getByLabel('Current password').fill(MASTER_PASSWORD);
    await form.getByLabel('New password').fill(NEW_PASSWORD);
    await form.getByLabel('Type it again').fill(NEW_PASSWORD);
    await form.getByRole('button', { name: 'Change password' }).click();
    await options.getByText('The master password was changed.').waitFor();
    await expect(lockAndTry(ext, MASTER_PASSWORD)).resolves.toBe('refused');
    await expect(lockAndTry(ext, NEW_PASSWORD)).resolves.toBe('unlocked');
  });

  it('sets the auto-lock time (default 15 minutes) or never, and keeps it', async () => {
    await options.reload();
    const select = options.getByLabel('Lock after being idle for');
    await expect.poll(() => select.inputValue()).toBe('15');
    await select.selectOption({ label: 'Never' });
    await options.getByText('Tessera stays unlocked until').waitFor();
    await options.reload();
    await expect.poll(() => options.getByLabel('Lock after being idle for').inputValue()).toBe('never');
    await options.getByLabel('Lock after being idle for').selectOption({ label: '5 minutes' });
    await options.getByText('Saved.').waitFor();
    await options.reload();
    await expect.poll(() => options.getByLabel('Lock after being idle for').inputValue()).toBe('5');
  });

  it('"Lock now" on the options page locks every page', async () => {
    await options.getByRole('button', { name: 'Lock now' }).click();
    await options.getByLabel('Master password').waitFor();
    const popup = await ext.open('popup');
    await popup.getByLabel('Master password').waitFor();
    await expect(popup.getByRole('button', { name: 'Lock now' }).count()).resolves.toBe(0);
  });
});
