// Scan in the real toolbar popup: what a QR code holds decides what the popup shows and adds. Pages are served on
// loopback under login.example.com; the popup is opened through CDP like a click on the toolbar button.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOtpauthUri, encodeMigrationUris } from '#shared/otp/index.ts';
import { startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { corpusAccount, qrImageHtml, setupPage } from '../support/qr-pages';
import { clickButton, hasButton, popupText, waitForText } from '../support/popup-driver';
import type { ActionPopup } from '../support/extension-action';
import { createVault } from './extension-helpers';

const exportAccounts = Array.from({ length: 12 }, (_, i) => corpusAccount(300 + i, 'Example Mail', `box${i}@example.com`));
const exportUris = encodeMigrationUris(exportAccounts, 5150).uris;
const alice = corpusAccount(401, 'Example', 'alice@example.com');
const page = async (text: string, module = 3) => setupPage('Set up two-factor sign-in', await qrImageHtml({ text, module }));

let rig: CaptureRig;

beforeAll(async () => {
  rig = await startCaptureRig({
    '/empty': setupPage('Security settings', '<p>Turn on two-factor sign-in to see a QR code here.</p>'),
    '/link': await page('https://example.org/welcome?ref=abc123'),
    '/broken': await page('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&digits=9'),
    '/export-1': await page(exportUris[0], 2),
    '/alice': await page(buildOtpauthUri(alice)),
    '/two': setupPage('Two keys', `<div class="row">${await qrImageHtml({ text: buildOtpauthUri(corpusAccount(501, 'Example', 'one@example.com')), module: 3 })}` +
      `${await qrImageHtml({ text: buildOtpauthUri(corpusAccount(502, 'Example', 'two@example.com')), module: 3 })}</div>`),
    '/alice-renamed': await page(buildOtpauthUri({ ...alice, issuer: 'Example Corp', account: 'alice@corp.example' })),
  });
  const setup = await rig.browser.context.newPage();
  await setup.goto(`chrome-extension://${rig.extensionId}/popup.html`);
  await createVault(setup);
  await setup.close();
});
afterAll(() => rig?.close());

async function scanOn(path: string): Promise<ActionPopup> {
  const popup = await rig.openOn(path);
  await clickButton(popup, 'Scan QR code on this page');
  return popup;
}

/** Account rows in the popup, by their names. */
function rows(popup: ActionPopup): Promise<string[]> {
  return popup.evaluate<string[]>(`Array.from(document.querySelectorAll('li.account')).map((li) => li.getAttribute('aria-label'))`);
}

describe('Scan in the popup', () => {
  it('says when there is no QR code, and offers to select an area', async () => {
    const popup = await scanOn('/empty');
    try {
      await waitForText(popup, 'No QR code found on this page');
      expect(await hasButton(popup, 'Select an area')).toBe(true);
      expect(await hasButton(popup, 'Scan from an image')).toBe(true);
    } finally {
      await popup.close();
    }
  });

  it('says a web link is not an authenticator code, and adds nothing', async () => {
    const popup = await scanOn('/link');
    try {
      await waitForText(popup, 'This QR code is a link to https://example.org/welcome?…: not an authenticator code.');
      expect(await hasButton(popup, 'Add account')).toBe(false);
      await clickButton(popup, 'Close');
      await waitForText(popup, 'No accounts yet');
    } finally {
      await popup.close();
    }
  });

  it('says what is wrong with an otpauth code it cannot use, without its secret', async () => {
    const popup = await scanOn('/broken');
    try {
      await waitForText(popup, 'This QR code is an authenticator code Tessera cannot use: digits must be 6, 7 or 8, not 9.');
      expect(await popupText(popup)).not.toContain('JBSWY3DPEHPK3PXP');
      expect(await hasButton(popup, 'Add account')).toBe(false);
    } finally {
      await popup.close();
    }
  });

  it('imports the accounts of an export split over 2 QR codes, saying "QR 1 of 2 read"', async () => {
    expect(exportUris).toHaveLength(2);
    const popup = await scanOn('/export-1');
    try {
      await waitForText(popup, 'QR 1 of 2 read: still to scan QR 2.');
      const shown = await popupText(popup);
      const inFirst = exportAccounts.filter((account) => shown.includes(account.account));
      expect(inFirst.length).toBeGreaterThan(1);
      expect(inFirst.length).toBeLessThan(exportAccounts.length);
      expect(shown).toContain('They fill on no site until you add theirs in Edit');
      await clickButton(popup, `Import ${inFirst.length} accounts`);
      await waitForText(popup, `Added ${inFirst.length} accounts.`);
      expect((await rows(popup)).sort()).toEqual(inFirst.map((account) => `Example Mail: ${account.account}`).sort());
      // The page that showed the export is not its accounts' site: no plain Fill for them here.
      const label = `Example Mail: ${inFirst[0].account}`;
      expect(await hasButton(popup, `Fill code for ${label}`)).toBe(false);
      expect(await hasButton(popup, `Fill code for ${label} on example.com, not one of its sites`)).toBe(true);
    } finally {
      await popup.close();
    }
  });

  it('previews an otpauth code, adds it bound to the page\'s site, and updates it rather than adding a twin', async () => {
    let popup = await scanOn('/alice');
    try {
      await waitForText(popup, 'Add Example: alice@example.com?');
      const preview = await popupText(popup);
      for (const line of ['Issuer\nExample', 'Account\nalice@example.com', 'Algorithm\nSHA1', 'Digits\n6', 'Period\n30 seconds', 'Fills on\nexample.com']) {
        expect(preview.replace(/\t/g, '\n')).toContain(line);
      }
      expect(preview).not.toContain(alice.secret);
      await clickButton(popup, 'Add account');
      await waitForText(popup, 'Added Example: alice@example.com.');
    } finally {
      await popup.close();
    }
    popup = await rig.openOn('/alice-renamed');
    try {
      await waitForText(popup, 'alice@example.com');
      const before = (await rows(popup)).length;
      await clickButton(popup, 'Scan QR code on this page');
      await waitForText(popup, 'This key is already in Tessera as Example: alice@example.com.');
      await clickButton(popup, 'Update Example: alice@example.com');
      await waitForText(popup, 'Updated Example Corp: alice@corp.example: no second copy was made.');
      const after = await rows(popup);
      expect(after).toHaveLength(before);
      expect(after).toContain('Example Corp: alice@corp.example');
      expect(after).not.toContain('Example: alice@example.com');
      // The edit view lists the site the code was captured on.
      await clickButton(popup, 'Edit Example Corp: alice@corp.example');
      await waitForText(popup, 'Fill automatically on example.com');
      expect(await popup.evaluate<string>(`document.getElementById('edit-sites').value`)).toBe('example.com');
    } finally {
      await popup.close();
    }
  });

  it('shows every code on a page, and adding one leaves the other on screen', async () => {
    const popup = await scanOn('/two');
    try {
      await waitForText(popup, 'Add Example: two@example.com?');
      expect(await popupText(popup)).toContain('Add Example: one@example.com?');
      await clickButton(popup, 'Add account');
      await waitForText(popup, 'Added Example: one@example.com.');
      expect(await popupText(popup)).toContain('Add Example: two@example.com?');
      await clickButton(popup, 'Cancel');
      await waitForText(popup, 'Example: one@example.com');
      expect(await rows(popup)).toContain('Example: one@example.com');
      expect(await rows(popup)).not.toContain('Example: two@example.com');
    } finally {
      await popup.close();
    }
  });
});
