// Launches the real Chromium with the built extension loaded (see docs/testing.md).
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findChromium } from './find-chromium.mjs';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

export function chromiumPath(): string {
  const path = findChromium();
  if (!path) throw new Error('No Chromium found: run the tests with `npm test`, which installs one, or set CHROME_PATH.');
  return path;
}

const BASE_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface LaunchedBrowser {
  context: BrowserContext;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** A headless Chromium with a fresh (or given) profile; loads the built extension unless told not to. */
export interface LaunchOptions {
  extension?: boolean;
  profileDir?: string;
  deviceScaleFactor?: number;
  /** Extra Chromium switches, e.g. `--host-resolver-rules=MAP * 127.0.0.1` to reach loopback under any host name. */
  args?: string[];
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`The extension is not built at ${EXTENSION_DIR}: run \`npm run build\` (npm test does it).`);
  }
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'tessera-profile-'));
  const args = withExtension
    ? [...BASE_ARGS, `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
    : [...BASE_ARGS];
  args.push(...(options.args ?? []));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: options.deviceScaleFactor,
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
    args,
  });
  return {
    context,
    profileDir,
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** The extension's service worker, and from it the extension id. */
export async function extensionWorker(context: BrowserContext): Promise<{ worker: Worker; extensionId: string }> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { worker, extensionId: new URL(worker.url()).host };
}
