// Fill in the real toolbar popup: an account fills only on a page of one of its sites; anywhere else (look-alike
// names, a page titled like the issuer) nothing is filled until the user confirms a warning naming the page's domain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHotp } from '#shared/otp/index.ts';
import { startCaptureRig, type CaptureRig } from '../support/qr-capture';
import { setupPage } from '../support/qr-pages';
import { clickButton, codesAround, hasButton, popupText, readShownCode, waitForText } from '../support/popup-driver';
import { openActionPopup, type ActionPopup } from '../support/extension-action';
import { addManually, createVault, pasteClipboard } from './extension-helpers';
import { framedFrom } from '../autofill/fixture-pages';

const CODE_FORM = '<form><label for="code">Verification code</label> <input id="code" autocomplete="one-time-code" inputmode="numeric"></form>';
const HOTP_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
let rig: CaptureRig;

beforeAll(async () => {
  rig = await startCaptureRig({
    '/login': setupPage('Acme Bank: enter your code', CODE_FORM),
    '/github-login': setupPage('GitHub', CODE_FORM),
    '/nofield': setupPage('Acme Bank: security', '<p>Open your authenticator app.</p>'),
    '/framed': framedFrom('evil.test'),
    '/ms-login': setupPage('Sign in to your account', CODE_FORM),
    '/frame-inner': setupPage('Code', CODE_FORM),
  });
  const setup = await rig.browser.context.newPage();
  await setup.goto(`chrome-extension://${rig.extensionId}/popup.html`);
  await createVault(setup);
  const bind = async (label: string, site: string) => {
    await setup.getByRole('button', { name: `Edit ${label}` }).click();
    await setup.fill('#edit-sites', site);
    await setup.getByRole('button', { name: 'Save' }).click();
    await setup.getByText(`Saved ${label}.`).waitFor();
  };
  await addManually(setup, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DP', issuer: 'Acme Bank', account: 'alice' });
  await bind('Acme Bank: alice', 'acme-bank.com');
  await addManually(setup, { secret: HOTP_SECRET, issuer: 'Acme Bank', account: 'counter', type: 'hotp', counter: '5' });
  await bind('Acme Bank: counter', 'acme-bank.com');
  await addManually(setup, { secret: 'KRSXG5CTMVRXEZLUKRSXG5CT', issuer: 'GitHub', account: 'octocat' });
  await bind('GitHub: octocat', 'github.com');
  await addManually(setup, { secret: 'ONSWG4TFORXXIZLSONSWG4TF', issuer: 'Microsoft', account: 'mia' });
  await bind('Microsoft: mia', 'microsoft.com');
  await setup.close();
});
afterAll(() => rig?.close());

async function openOn(host: string, path: string): Promise<ActionPopup> {
  await rig.page.goto(rig.server.url(path, host));
  const popup = await openActionPopup(rig.cdp, rig.extensionId, rig.page);
  await waitForText(popup, 'octocat');
  return popup;
}

describe('Fill in the popup', () => {
  it('fills the code on a page of the account\'s site, and an HOTP code without moving its counter', async () => {
    const popup = await openOn('login.acme-bank.com', '/login');
    try {
      expect(await hasButton(popup, 'Fill code for GitHub: octocat')).toBe(false);
      const shown = await codesAround(popup, 'Acme Bank: alice', async () => {
        await clickButton(popup, 'Fill code for Acme Bank: alice');
        await waitForText(popup, 'Filled the code for Acme Bank: alice on acme-bank.com.');
      });
      const code = await rig.page.inputValue('#code');
      expect(code).toMatch(/^\d{6}$/);
      expect(shown).toContain(code);

      await clickButton(popup, 'Fill code for Acme Bank: counter');
      await waitForText(popup, 'Filled the code for Acme Bank: counter on acme-bank.com.');
      const hotp = generateHotp({ secret: HOTP_SECRET, counter: 5 });
      expect(await rig.page.inputValue('#code')).toBe(hotp);
      expect(await readShownCode(popup, 'Acme Bank: counter')).toBe(hotp);
    } finally {
      await popup.close();
    }
  });

  for (const host of ['github.com.evil.example', 'githib.com']) {
    it(`on ${host}, a page titled GitHub, fills nothing until the warning naming the domain is confirmed`, async () => {
      const site = host === 'githib.com' ? 'githib.com' : 'evil.example';
      const popup = await openOn(host, '/github-login');
      try {
        expect(await hasButton(popup, 'Fill code for GitHub: octocat')).toBe(false);
        expect(await hasButton(popup, 'Fill code for Acme Bank: alice')).toBe(false);
        await clickButton(popup, `Fill code for GitHub: octocat on ${site}, not one of its sites`);
        await waitForText(popup, `${site} is not a site of GitHub: octocat. It fills on github.com.`);
        expect(await rig.page.inputValue('#code')).toBe('');
        if (host === 'githib.com') {
          await clickButton(popup, 'Cancel');
          await waitForText(popup, 'Acme Bank');
          expect(await popupText(popup)).not.toContain('Filled');
          expect(await rig.page.inputValue('#code')).toBe('');
          return;
        }
        const shown = await codesAround(popup, 'GitHub: octocat', async () => {
          await clickButton(popup, `Fill on ${site} anyway`);
          await waitForText(popup, `Filled the code for GitHub: octocat on ${site}.`);
        });
        expect(shown).toContain(await rig.page.inputValue('#code'));
      } finally {
        await popup.close();
      }
    });
  }

  it('copies the code and says so when the page has no code field', async () => {
    const popup = await openOn('acme-bank.com', '/nofield');
    try {
      const shown = await codesAround(popup, 'Acme Bank: alice', async () => {
        await clickButton(popup, 'Fill code for Acme Bank: alice');
        await waitForText(popup, 'No code field found on this page: the code for Acme Bank: alice is copied');
      });
      await popup.close();
      expect(shown).toContain(await pasteClipboard(rig.page));
    } finally {
      await popup.close();
    }
  });

  it('names the other site whose frame holds the code field, and neither fills nor copies there', async () => {
    const popup = await openOn('login.acme-bank.com', '/framed');
    try {
      await rig.page.frameLocator('#f').locator('#code').waitFor();
      await clickButton(popup, 'Fill code for Acme Bank: alice');
      await waitForText(popup, 'The code field is in a frame from evil.test, which is not a site of Acme Bank: alice. Nothing was filled.');
      expect(await rig.page.frameLocator('#f').locator('#code').inputValue()).toBe('');
    } finally {
      await popup.close();
    }
  });

  it('puts the page\'s accounts first, and after a confirmed fill on the provider\'s other domain offers to add it', async () => {
    let popup = await openOn('login.microsoftonline.com', '/ms-login');
    try {
      // Microsoft: mia was added last; on a page of no account it is last in the list.
      expect(await popup.evaluate<string | null>(`document.querySelector('li.account')?.getAttribute('aria-label') ?? null`)).toBe('Acme Bank: alice');
      await clickButton(popup, 'Fill code for Microsoft: mia on microsoftonline.com, not one of its sites');
      await clickButton(popup, 'Fill on microsoftonline.com anyway');
      await waitForText(popup, 'Filled the code for Microsoft: mia on microsoftonline.com.');
      await waitForText(popup, 'microsoftonline.com belongs to the same provider as microsoft.com.');
      await clickButton(popup, 'Add microsoftonline.com to Microsoft: mia');
      await waitForText(popup, 'Added microsoftonline.com to Microsoft: mia.');
    } finally {
      await popup.close();
    }
    popup = await openOn('login.microsoftonline.com', '/ms-login');
    try {
      // Now bound: first in the list, with a plain Fill.
      await waitForText(popup, 'mia');
      expect(await popup.evaluate<string | null>(`document.querySelector('li.account')?.getAttribute('aria-label') ?? null`)).toBe('Microsoft: mia');
      await clickButton(popup, 'Fill code for Microsoft: mia');
      await waitForText(popup, 'Filled the code for Microsoft: mia on microsoftonline.com.');
      expect(await popupText(popup)).not.toContain('belongs to the same provider');
    } finally {
      await popup.close();
    }
  });

  it('offers no site after a confirmed fill on a look-alike', async () => {
    const popup = await openOn('githib.com', '/github-login');
    try {
      await clickButton(popup, 'Fill code for GitHub: octocat on githib.com, not one of its sites');
      await clickButton(popup, 'Fill on githib.com anyway');
      await waitForText(popup, 'Filled the code for GitHub: octocat on githib.com.');
      expect(await popupText(popup)).not.toContain('belongs to the same provider');
    } finally {
      await popup.close();
    }
  });

  it('shows a notice left by the fill shortcut when it opens, with the code to copy', async () => {
    let popup = await openOn('acme-bank.com', '/nofield');
    const described = await popup.evaluate<string>(`document.querySelector('[aria-label="Copy code for Acme Bank: alice"]').getAttribute('aria-describedby')`);
    await popup.close();
    // What the background leaves when the shortcut finds no field (headless Chromium cannot press an extension shortcut).
    const notice = { message: 'No code field found on this page: copy the code instead.', accountId: described.replace(/^code-/, '') };
    await rig.worker.evaluate(async (value) => {
      const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      await api.storage.session.set({ pendingNotice: { ...value, at: Date.now() } });
    }, notice);
    popup = await openOn('acme-bank.com', '/nofield');
    try {
      await waitForText(popup, notice.message);
      const shown = await codesAround(popup, 'Acme Bank: alice', async () => {
        await clickButton(popup, 'Copy the code for Acme Bank: alice');
        await waitForText(popup, 'Copied the code for Acme Bank: alice.');
      });
      await popup.close();
      expect(shown).toContain(await pasteClipboard(rig.page));
    } finally {
      await popup.close();
    }
    // Shown once: the next opening has no notice.
    popup = await openOn('acme-bank.com', '/nofield');
    try {
      expect(await popupText(popup)).not.toContain(notice.message);
    } finally {
      await popup.close();
    }
  });
});
