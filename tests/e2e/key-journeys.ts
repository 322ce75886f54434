// The key journeys of a new user, described once and run in each real browser (key-journeys.<browser>.test.ts):
// first run, scan through the toolbar popup, add, lock and unlock, fill on the bound site and refuse a look-alike,
// import and export. They run in order on one browser, each going on from what the one before left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOtpauthUri, generateCode, type OtpAccount } from '#shared/otp/index.ts';
import type { ExtensionUnderTest, LaunchExtension } from '../support/extension-under-test';
import { clickButton, codesAround, fillField, hasButton, popupText, readShownCode, waitForText, waitInPopup, type View } from '../support/popup-driver';
import { corpusAccount, qrImageHtml, setupPage } from '../support/qr-pages';
import { serveStatic, type StaticServer } from '../support/static-server';
import { MASTER_PASSWORD, totp } from './extension-helpers';

const SETUP_HOST = 'login.example.com';
const LOOK_ALIKE_HOST = 'example.com.evil.example';
const HOSTS = [SETUP_HOST, LOOK_ALIKE_HOST];
const CODE_FORM = '<form><label for="code">Verification code</label> <input id="code" autocomplete="one-time-code" inputmode="numeric"></form>';

const scanned = corpusAccount(401, 'Example', 'alice@example.com');
const typed = totp('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'Zephyrbank', 'quentin@example.org');
const imported = totp('KRSXG5CTMVRXEZLUKN2XAZLSKNSWC4TFOQ', 'Newco', 'nia@example.com');
const BACKUP_PASSWORD = 'violet harbour 77 kites';
const label = (account: OtpAccount) => `${account.issuer}: ${account.account}`;
// Creating, unlocking and backing up run Argon2id (64 MiB): allow for a loaded machine where they wait for the CPU.
const AFTER_ARGON2_MS = 30_000;
const JOURNEY_MS = 90_000;
// Starting a browser with the extension takes a few seconds, and far more when the CPU is shared.
const LAUNCH_MS = 120_000;

/** The popup's code for an account is the shared core's at this moment (or one step before, if a step just ended). */
async function expectShownCode(popup: View, account: OtpAccount): Promise<void> {
  const now = Date.now() / 1000;
  const code = await readShownCode(popup, label(account));
  expect([generateCode(account, now), generateCode(account, now - account.period)]).toContain(code);
}

export function describeKeyJourneys(browserName: string, launch: LaunchExtension): void {
  describe(`${browserName}: a new user's key journeys`, () => {
    let ext: ExtensionUnderTest;
    let server: StaticServer;

    beforeAll(async () => {
      server = await serveStatic({
        '/setup': setupPage('Set up two-factor sign-in', await qrImageHtml({ text: buildOtpauthUri(scanned), module: 3 })),
        '/login': setupPage('Example: enter your code', CODE_FORM),
      });
      ext = await launch(HOSTS);
    }, LAUNCH_MS);
    afterAll(async () => {
      await ext?.close();
      await server?.close();
    });

    /** The toolbar popup over a page of the server; closed after `use`, whatever happens. */
    async function withPopup(host: string, path: string, use: (popup: View) => Promise<void>): Promise<void> {
      await ext.showPage(server.url(path, host));
      const popup = await ext.openToolbarPopup();
      try {
        await use(popup);
      } finally {
        await popup.close();
      }
    }

    it('first run: the toolbar popup asks for a master password typed twice and creates the vault', async () => {
      await expect.poll(() => ext.toolbarTitle(), { timeout: 15_000 }).toBe('Tessera (locked)');
      await withPopup(SETUP_HOST, '/login', async (popup) => {
        await waitForText(popup, 'Welcome to Tessera');
        await fillField(popup, 'Master password', MASTER_PASSWORD);
        await fillField(popup, 'Type it again', `${MASTER_PASSWORD}x`);
        await clickButton(popup, 'Create vault');
        await waitForText(popup, 'The two passwords differ');
        await fillField(popup, 'Type it again', MASTER_PASSWORD);
        await clickButton(popup, 'Create vault');
        await waitForText(popup, 'No accounts yet', AFTER_ARGON2_MS);
      });
      await expect.poll(() => ext.toolbarTitle(), { timeout: 15_000 }).toBe('Tessera');
      // Unlocked for the session: the next opening goes straight to the accounts.
      await withPopup(SETUP_HOST, '/login', async (popup) => {
        await waitForText(popup, 'No accounts yet');
        expect(await hasButton(popup, 'Unlock')).toBe(false);
      });
    }, JOURNEY_MS);

    it('scans the QR code on the page through the toolbar popup and adds the account, bound to the page\'s site', async () => {
      await withPopup(SETUP_HOST, '/setup', async (popup) => {
        await clickButton(popup, 'Scan QR code on this page');
        await waitForText(popup, `Add ${label(scanned)}?`);
        const preview = (await popupText(popup)).replace(/\t/g, '\n');
        expect(preview).toContain('Fills on\nexample.com');
        expect(preview).not.toContain(scanned.secret);
        await clickButton(popup, 'Add account');
        await waitForText(popup, `Added ${label(scanned)}.`);
        await expectShownCode(popup, scanned);
      });
    }, JOURNEY_MS);

    it('adds an account by its setup key and shows the same code as the shared core', async () => {
      await withPopup(SETUP_HOST, '/login', async (popup) => {
        await clickButton(popup, 'Add');
        await fillField(popup, 'Secret key', typed.secret, 'Add with a setup key');
        await fillField(popup, 'Issuer', typed.issuer, 'Add with a setup key');
        await fillField(popup, 'Account name', typed.account, 'Add with a setup key');
        await clickButton(popup, 'Add account');
        await waitInPopup(popup, `document.querySelector('[aria-label="Copy code for ${label(typed)}"]')`, `the row of ${label(typed)}`);
        await expectShownCode(popup, typed);
      });
    }, JOURNEY_MS);

    it('locks on "Lock now" to the password field alone, refuses a wrong password, and unlocks with the right one', async () => {
      await withPopup(SETUP_HOST, '/login', async (popup) => {
        await clickButton(popup, 'Lock now');
        await waitForText(popup, 'Master password');
        expect(await popup.evaluate<number>(`document.querySelectorAll('input').length`)).toBe(1);
        expect(await popup.evaluate<string[]>(`Array.from(document.querySelectorAll('button'), (b) => b.textContent)`)).toEqual(['Unlock']);
        expect(await popupText(popup)).not.toContain(typed.issuer);
      });
      // The toolbar button says so too (and shows the grey icon with a padlock).
      await expect.poll(() => ext.toolbarTitle(), { timeout: 15_000 }).toBe('Tessera (locked)');
      await withPopup(SETUP_HOST, '/login', async (popup) => {
        await waitForText(popup, 'Master password'); // still locked at the next opening
        await fillField(popup, 'Master password', 'not the password');
        await clickButton(popup, 'Unlock');
        await waitForText(popup, 'Wrong password', AFTER_ARGON2_MS);
        await fillField(popup, 'Master password', MASTER_PASSWORD);
        await clickButton(popup, 'Unlock');
        await waitForText(popup, typed.account, AFTER_ARGON2_MS);
        await expectShownCode(popup, scanned);
      });
      await expect.poll(() => ext.toolbarTitle(), { timeout: 15_000 }).toBe('Tessera');
    }, JOURNEY_MS);

    it('fills the code on a page of the account\'s site, and on a look-alike fills nothing until told to', async () => {
      const field = () => ext.webPage.evaluate<string>(`document.getElementById('code').value`);
      await withPopup(SETUP_HOST, '/login', async (popup) => {
        // The 30-second step may end between the fill and reading the row: the code filled is one the row showed.
        const shown = await codesAround(popup, label(scanned), async () => {
          await clickButton(popup, `Fill code for ${label(scanned)}`);
          await waitForText(popup, `Filled the code for ${label(scanned)} on example.com.`);
        });
        const filled = await field();
        expect(filled).toMatch(/^\d{6}$/);
        expect(shown).toContain(filled);
      });
      await withPopup(LOOK_ALIKE_HOST, '/login', async (popup) => {
        await waitForText(popup, scanned.account);
        expect(await hasButton(popup, `Fill code for ${label(scanned)}`)).toBe(false);
        await clickButton(popup, `Fill code for ${label(scanned)} on evil.example, not one of its sites`);
        await waitForText(popup, `evil.example is not a site of ${label(scanned)}. It fills on example.com.`);
        expect(await field()).toBe('');
        await clickButton(popup, 'Cancel');
        await waitForText(popup, typed.account);
        expect(await field()).toBe('');
      });
    }, JOURNEY_MS);

    it('imports a pasted otpauth list, and restores a deleted account from an exported encrypted backup', async () => {
      const options = await ext.openExtensionPage('options.html');
      try {
        await waitForText(options, 'Import');
        await fillField(options, 'Or paste the exported text', buildOtpauthUri(imported));
        await clickButton(options, 'Preview import');
        await clickButton(options, 'Import 1 account');
        await waitForText(options, 'Imported 1 account.');

        await fillField(options, 'Backup password', BACKUP_PASSWORD, 'Encrypted backup');
        await fillField(options, 'Type it again', BACKUP_PASSWORD, 'Encrypted backup');
        const backup = await options.downloadDuring(() => clickButton(options, 'Download encrypted backup'), AFTER_ARGON2_MS);
        expect(JSON.parse(backup)).toBeTypeOf('object');
        for (const clear of [imported.secret, imported.issuer, typed.secret]) expect(backup).not.toContain(clear);

        await withPopup(SETUP_HOST, '/login', async (popup) => {
          await clickButton(popup, `Delete ${label(imported)}`);
          await clickButton(popup, 'Delete');
          await waitForText(popup, `Deleted ${label(imported)}.`);
          expect(await hasButton(popup, `Copy code for ${label(imported)}`)).toBe(false);
        });

        await options.reload();
        await fillField(options, 'Or paste the exported text', backup);
        await fillField(options, 'File password (encrypted backups only)', BACKUP_PASSWORD);
        await clickButton(options, 'Preview import');
        await waitForText(options, 'from Tessera backup', AFTER_ARGON2_MS);
        await clickButton(options, 'Import 1 account');
        await waitForText(options, 'Imported 1 account.');
        await withPopup(SETUP_HOST, '/login', async (popup) => {
          await waitForText(popup, imported.account);
          await expectShownCode(popup, imported);
        });
      } finally {
        await options.close();
      }
    }, JOURNEY_MS);
  });
}
