// Finds a Chromium for the browser tests; installs Debian's where it may, and otherwise says what to install.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ensureBrowser } from './apt-install.mjs';

function playwrightCacheCandidates() {
  const cache = process.env.PLAYWRIGHT_BROWSERS_PATH || join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(cache)) return [];
  return readdirSync(cache)
    .filter((name) => name.startsWith('chromium'))
    .flatMap((name) => [join(cache, name, 'chrome-linux', 'chrome'), join(cache, name, 'chrome-linux64', 'chrome')]);
}

export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    ...playwrightCacheCandidates(),
  ].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

/** Returns the path of a Chromium binary, installing Debian's package when none is there and this machine allows it. */
export function ensureChromium() {
  return ensureBrowser({
    find: findChromium,
    aptPackage: 'chromium',
    missing: 'No Chromium found for the browser tests. Install one (Debian/Ubuntu: apt-get install chromium) ' +
      'or set CHROME_PATH to a Chromium or Chrome binary.',
  });
}
