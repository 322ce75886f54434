// The real demo site and the built extension in headless Chromium, for QR sign-in and pairing end to end: a vault
// created through the extension's own code, the toolbar popup opened on the site's tab (a real activeTab grant), the
// popup's own Scan button.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { CDPSession, Page } from 'playwright-core';
import type { NewAccount, VaultAccount } from '../../../extension/vault/index';
import { bundleModule } from '../../capture/bundle-module';
import { extensionWorker, launchBrowser, type LaunchedBrowser } from '../../support/browser';
import { browserSession, openActionPopup, type ActionPopup } from '../../support/extension-action';
import { TestClock, type TestSite } from '../../site/support/site';
import { clickPopupButton } from './popup-view';
import { CHANNEL_PROTOCOL } from '#shared/protocol/qr-signin.ts';
import { startQrSite } from './qr-site';

const MASTER_PASSWORD = 'amber tiger ladder 42';

/** The site's clock is the real one: the extension computes its codes from the browser's own time. */
export function createLiveClock(): TestClock {
  const clock = new TestClock();
  Object.defineProperty(clock, 'ms', { get: () => Date.now(), set: () => undefined });
  clock.now = () => Date.now();
  clock.advance = () => { throw new Error('The live clock cannot be moved: the browser follows real time.'); };
  return clock;
}

export interface ExtensionRig {
  site: TestSite;
  browser: LaunchedBrowser;
  extensionId: string;
  cdp: CDPSession;
  /** Requests that reached POST/OPTIONS /api/qr/scan on the site. */
  scanRequests: string[];
  /** Cuts the extension's channel sockets and refuses new ones while `down` (the network lost), or lets them in again. */
  setChannelNetwork(state: 'down' | 'up'): void;
  addAccounts(accounts: NewAccount[]): Promise<VaultAccount[]>;
  listAccounts(): Promise<VaultAccount[]>;
  /** Opens the toolbar popup on the page's tab and clicks its Scan button. */
  scanLink(page: Page): Promise<ActionPopup>;
  /** Opens the toolbar popup on the page's tab (it shows a sign-in left waiting at its PIN step by itself). */
  openPopup(page: Page): Promise<ActionPopup>;
  close(): Promise<void>;
}

export async function startExtensionRig(): Promise<ExtensionRig> {
  const site = await startQrSite({}, createLiveClock());
  const scanRequests: string[] = [];
  // The extension's channel sockets, to cut them as a lost network would (the pages' own sockets are left alone).
  const channels = new Set<Duplex>();
  let channelsDown = false;
  site.site.server.prependListener('upgrade', (req: IncomingMessage, socket: Duplex) => {
    if (!String(req.headers['sec-websocket-protocol'] ?? '').includes(CHANNEL_PROTOCOL)) return;
    if (channelsDown) return void socket.destroy(); // the site's handler then finds the socket gone and drops it
    channels.add(socket);
    socket.once('close', () => channels.delete(socket));
  });
  // First in line: Express rewrites req.url as it routes.
  site.site.server.prependListener('request', (req) => { if (req.url?.startsWith('/api/qr/scan')) scanRequests.push(`${req.method} ${req.url}`); });
  // Any host name reaches loopback, so a page can sit on another origin than the site.
  const browser = await launchBrowser({ args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
  const { extensionId } = await extensionWorker(browser.context);
  const cdp = await browserSession(browser.context);
  const vaultPage = await browser.context.newPage();
  await vaultPage.goto(`chrome-extension://${extensionId}/options.html`);
  await vaultPage.evaluate(await bundleModule('extension/vault/index.ts', 'TesseraVault'));
  const vaultCall = <T>(body: string): Promise<T> => vaultPage.evaluate(`(async () => {
    const api = globalThis.TesseraVault;
    const vault = api.openVault();
    ${body}
  })()`);
  await vaultCall(`await vault.create(${JSON.stringify(MASTER_PASSWORD)});`);

  return {
    site, browser, extensionId, cdp, scanRequests,
    setChannelNetwork(state) {
      channelsDown = state === 'down';
      if (channelsDown) for (const socket of channels) socket.destroy();
    },
    addAccounts: (accounts) => vaultCall(`return vault.add(${JSON.stringify(accounts)});`),
    listAccounts: () => vaultCall('return vault.list();'),
    async scanLink(page) {
      const popup = await openActionPopup(cdp, extensionId, page);
      await clickPopupButton(popup, 'Scan QR code on this page', 'body');
      return popup;
    },
    openPopup: (page) => openActionPopup(cdp, extensionId, page),
    async close() {
      await browser.close();
      await site.close();
    },
  };
}
