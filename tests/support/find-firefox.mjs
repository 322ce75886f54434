// Finds a Firefox for the Firefox browser tests; installs Debian's firefox-esr where it may, and otherwise says what to install.
import { existsSync } from 'node:fs';
import { ensureBrowser } from './apt-install.mjs';

export function findFirefox() {
  const candidates = [
    process.env.FIREFOX_PATH,
    '/usr/bin/firefox-esr',
    '/usr/lib/firefox-esr/firefox-esr',
    '/usr/bin/firefox',
    '/usr/lib/firefox/firefox',
    '/opt/firefox/firefox',
  ].filter(Boolean);
  return candidates.find((path) => existsSync(path));
}

/** Returns the path of a Firefox binary, installing Debian's firefox-esr when none is there and this machine allows it. */
export function ensureFirefox() {
  return ensureBrowser({
    find: findFirefox,
    aptPackage: 'firefox-esr',
    missing: 'No Firefox found for the browser tests. Install one (Debian/Ubuntu: apt-get install firefox-esr) ' +
      'or set FIREFOX_PATH to a Firefox binary (ESR 128 or newer).',
  });
}
