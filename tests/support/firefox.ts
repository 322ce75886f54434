// Launches the real Firefox (ESR, over WebDriver BiDi with puppeteer-core) with the built extension installed as a
// temporary add-on, and reaches into the browser's own (chrome) scope for what no web API offers: the toolbar button.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFirefox } from './find-firefox.mjs';
import { GECKO_ID } from '../../extension/identity';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv3');
// Firefox gives each install a random moz-extension:// host; a pref fixes it per add-on id, so tests know the pages' URLs.
const EXTENSION_UUID = '7e55e7a0-0e5e-4c4f-9f3b-7e55e7a00001';

export interface LaunchedFirefox {
  browser: Browser;
  /** moz-extension://<uuid> */
  origin: string;
  /** The tab web pages are shown in; the toolbar popup opens over it. */
  page: Page;
  /** Runs a function in the browser window's chrome scope; it gets string arguments and returns JSON-able data. */
  inChrome<T>(functionSource: string, ...args: string[]): Promise<T>;
  /** Opens an extension page (popup.html, options.html) in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** Where downloads land, without asking. */
  downloadDir: string;
  close(): Promise<void>;
}

export function firefoxPath(): string {
  const path = findFirefox();
  if (!path) throw new Error('No Firefox found: run the tests with `npm test`, which installs firefox-esr, or set FIREFOX_PATH.');
  return path;
}

/** `hosts` resolve to 127.0.0.1, so loopback servers can be reached under real-looking names. */
export async function launchFirefox(options: { hosts?: string[] } = {}): Promise<LaunchedFirefox> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The Firefox build is not at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` (npm test does it).`);
  }
  const downloadDir = mkdtempSync(join(tmpdir(), 'tessera-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // The toolbar button and extension pages are only reachable with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'xpinstall.signatures.required': false,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'network.dns.localDomains': (options.hosts ?? []).join(','),
      'dom.security.https_first': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  try {
    await browser.installExtension(FIREFOX_EXTENSION_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const origin = `moz-extension://${EXTENSION_UUID}`;
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  let chromeContext: string | undefined;
  const inChrome = async <T>(functionSource: string, ...args: string[]): Promise<T> => {
    chromeContext ??= (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result.contexts[0].context;
    const { result } = await connection.send('script.callFunction', {
      functionDeclaration: `async (...args) => JSON.stringify(await (${functionSource})(...args)) ?? 'null'`,
      arguments: args.map((value) => ({ type: 'string', value })),
      target: { context: chromeContext },
      awaitPromise: true,
    });
    if (result.type === 'exception') throw new Error(`In Firefox's chrome scope: ${result.exceptionDetails.text}`);
    return JSON.parse(result.result.value) as T;
  };
  return {
    browser, origin, page, inChrome, downloadDir,
    async openExtensionPage(path) {
      const tab = await browser.newPage();
      // page.goto waits for load events BiDi never sends for moz-extension pages: navigate without waiting, then poll.
      const context = (tab.mainFrame() as unknown as { browsingContext: { id: string } }).browsingContext.id;
      await connection.send('browsingContext.navigate', { context, url: `${origin}/${path}`, wait: 'none' });
      await waitUntil(() => tab.evaluate(`location.href.startsWith(${JSON.stringify(origin)}) && document.readyState === 'complete'`), `${path} to load`);
      return tab;
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/** The files downloaded so far. Firefox puts an empty placeholder first and writes into <name>.part: a file counts
 * once it has its content and its .part is gone. */
export function downloadedFiles(firefox: LaunchedFirefox): string[] {
  const names = readdirSync(firefox.downloadDir);
  const done = (name: string) => !name.endsWith('.part') && !names.includes(`${name}.part`) && statSync(join(firefox.downloadDir, name)).size > 0;
  return names.filter(done).sort();
}

interface BidiConnection {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  send(method: string, params: Record<string, unknown>): Promise<{ result: any }>;
}

export async function waitUntil(check: () => Promise<unknown>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Waited ${timeoutMs} ms for ${what}.`);
}
