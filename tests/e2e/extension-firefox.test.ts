// What Firefox does differently from Chromium, each checked in the real Firefox (the journeys both share are in
// key-journeys.ts): its background is an event page, not a service worker, it has no offscreen documents, and its
// extension pages have no WebAuthn identity, so no passkey unlock.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionUnderTest } from '../support/extension-under-test';
import { GECKO_ID } from '../../extension/identity';
import type { LaunchedFirefox } from '../support/firefox';
import { launchFirefoxExtension } from '../support/firefox-under-test';
import { clickButton, fillField, hasButton, readShownCode, waitForText } from '../support/popup-driver';
import { serveStatic, type StaticServer } from '../support/static-server';
import { MASTER_PASSWORD } from './extension-helpers';

const READ_CLIPBOARD = `() => {
  const transfer = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
  transfer.init(null);
  transfer.addDataFlavor('text/plain');
  Services.clipboard.getData(transfer, Ci.nsIClipboard.kGlobalClipboard);
  const data = {};
  try {
    transfer.getTransferData('text/plain', data);
  } catch {
    return '';
  }
  return data.value.QueryInterface(Ci.nsISupportsString).data;
}`;

const TOOLBAR_IMAGE = `(id) => {
  const widget = CustomizableUI.getWidget(id.toLowerCase().replace(/[^a-z0-9_-]/g, '_') + '-browser-action');
  const button = widget.forWindow(window).node.querySelector('toolbarbutton');
  return button.style.getPropertyValue('--webextension-toolbar-image');
}`;

describe('what differs in Firefox', () => {
  let ext: ExtensionUnderTest & { firefox: LaunchedFirefox };
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic({ '/': '<title>A page</title><p>Nothing here.</p>' });
    ext = await launchFirefoxExtension();
    const options = await ext.openExtensionPage('options.html');
    await fillField(options, 'Master password', MASTER_PASSWORD);
    await fillField(options, 'Type it again', MASTER_PASSWORD);
    await clickButton(options, 'Create vault');
    await waitForText(options, 'Auto-lock', 30_000); // after Argon2id, which a loaded machine slows down
    await options.close();
  }, 120_000); // a browser start and Argon2id, both slow when the CPU is shared
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('runs the auto-lock check every minute from its background page', async () => {
    const options = await ext.openExtensionPage('options.html');
    try {
      const alarm = await options.evaluate<{ periodInMinutes?: number } | undefined>(`browser.alarms.get('auto-lock')`);
      expect(alarm?.periodInMinutes).toBe(1);
    } finally {
      await options.close();
    }
  });

  it('has no offscreen documents: its background page itself clears a copied code after the popup has closed', async () => {
    await ext.showPage(server.url('/'));
    const popup = await ext.openToolbarPopup();
    await clickButton(popup, 'Add');
    await fillField(popup, 'Secret key', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'Add with a setup key');
    await fillField(popup, 'Issuer', 'Clipco', 'Add with a setup key');
    await fillField(popup, 'Account name', 'cy@example.com', 'Add with a setup key');
    await clickButton(popup, 'Add account');
    await clickButton(popup, 'Copy code for Clipco: cy@example.com');
    await waitForText(popup, 'Copied the code for Clipco: cy@example.com');
    const code = await readShownCode(popup, 'Clipco: cy@example.com');
    expect(await popup.evaluate(`typeof browser.offscreen`)).toBe('undefined');
    await popup.close();
    expect(await ext.firefox.inChrome<string>(READ_CLIPBOARD)).toBe(code);

    // Bring the background's 30-second alarm forward instead of waiting for it.
    const options = await ext.openExtensionPage('options.html');
    try {
      await options.evaluate(`browser.alarms.create('clear-clipboard', { when: Date.now() + 200 })`);
      await expect.poll(() => ext.firefox.inChrome<string>(READ_CLIPBOARD), { timeout: 10_000 }).toBe('');
    } finally {
      await options.close();
    }
  });

  it('does not offer passkey unlock, and the options page says plainly why', async () => {
    const options = await ext.openExtensionPage('options.html');
    try {
      await waitForText(options, 'Unlocking with a passkey is not available in Firefox: Firefox gives an extension\'s pages no WebAuthn identity of their own');
      expect(await hasButton(options, 'Set up a passkey')).toBe(false);
    } finally {
      await options.close();
    }
  });

  // Chromium has no way to read a toolbar icon back; Firefox draws it as a style of the button, which can be read.
  it('shows the blue icon on its toolbar button while unlocked, and the grey one with a padlock once locked', async () => {
    const image = () => ext.firefox.inChrome<string>(TOOLBAR_IMAGE, GECKO_ID);
    await expect.poll(image, { timeout: 10_000 }).toContain('/icon/16.png');
    const options = await ext.openExtensionPage('options.html');
    try {
      await clickButton(options, 'Lock now');
      await expect.poll(image, { timeout: 10_000 }).toContain('/icon/locked-16.png');
    } finally {
      await options.close();
    }
  });
});
