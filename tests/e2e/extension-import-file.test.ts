// Seen by a new user on the options page: a chosen import file is read without its secrets appearing on screen, a
// file that is not text is refused in words, and a broken Google Authenticator link is previewed as what it is.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { AEGIS_ENTRIES, aegisPlain } from '../extension/support/import-fixtures';
import { createVault, launchExtension, type Extension } from './extension-helpers';

// Browser starts and Argon2id steps are slow on a shared, loaded CPU: time enough for them, not a failure on time.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let ext: Extension;
let options: Page;

beforeAll(async () => {
  ext = await launchExtension();
  const popup = await ext.open('popup');
  await createVault(popup);
  await popup.close();
  options = await ext.open('options');
  await options.getByRole('heading', { name: 'Import' }).waitFor();
});
afterAll(() => ext?.browser.close());

/** Everything the page shows or holds in a field: what someone looking over a shoulder, or a screenshot, could get. */
const onScreen = (page: Page) => page.evaluate(() =>
  document.body.innerText + Array.from(document.querySelectorAll('input, textarea'), (el) => (el as HTMLInputElement).value).join('\n'));

describe('choosing an import file', () => {
  it('reads a plain Aegis export without putting any of its secrets on screen, and previews it', async () => {
    const form = options.getByRole('form', { name: 'Import accounts' });
    await form.getByLabel('Import from a file').setInputFiles({ name: 'aegis-export.json', mimeType: 'application/json', buffer: Buffer.from(aegisPlain()) });
    await expect.poll(() => form.getByRole('note', { name: 'Chosen file' }).textContent()).toMatch(/^aegis-export\.json \(\d+ kB\) is read, and kept off the screen/);
    expect(await form.getByLabel('Or paste the exported text').count()).toBe(0);
    for (const entry of AEGIS_ENTRIES) expect(await onScreen(options)).not.toContain(String(entry.info.secret));
    await form.getByRole('button', { name: 'Preview import' }).click();
    const preview = options.getByRole('region', { name: /Preview/ });
    await preview.getByRole('heading', { name: /to add from Aegis export/ }).waitFor();
    for (const entry of AEGIS_ENTRIES) expect(await onScreen(options)).not.toContain(String(entry.info.secret));
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await form.getByRole('button', { name: 'Clear' }).click();
    await form.getByLabel('Or paste the exported text').waitFor();
  });

  it('refuses a file that is not text in words, and shows none of it', async () => {
    const form = options.getByRole('form', { name: 'Import accounts' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR'), Buffer.alloc(64, 0xff)]);
    await form.getByLabel('Import from a file').setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: png });
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/^This file is not a text export/);
    await expect(form.getByLabel('Or paste the exported text').inputValue()).resolves.toBe('');
    expect(await form.getByRole('note', { name: 'Chosen file' }).count()).toBe(0);
  });

  it('previews a broken otpauth-migration link as a Google Authenticator export', async () => {
    const form = options.getByRole('form', { name: 'Import accounts' });
    await form.getByLabel('Or paste the exported text').fill('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8');
    await form.getByRole('button', { name: 'Preview import' }).click();
    const preview = options.getByRole('region', { name: /Preview/ });
    await preview.getByRole('heading', { name: 'Preview: 0 to add from Google Authenticator export' }).waitFor();
    await expect(preview.textContent()).resolves.not.toContain('otpauth links');
  });
});
