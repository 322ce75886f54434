// Finds a Chromium for the browser tests; installs Debian's where it may, and otherwise says what to install.
import { existsSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';

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

function canInstallWithApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  if (!existsSync('/usr/bin/apt-get') || !existsSync('/etc/os-release')) return false;
  try {
    const release = execFileSync('sh', ['-c', '. /etc/os-release && echo "$ID $ID_LIKE"'], { encoding: 'utf8' });
    return /debian|ubuntu/.test(release);
  } catch {
    return false;
  }
}

/** Returns the path of a Chromium binary, installing Debian's package when none is there and this machine allows it. */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  if (!canInstallWithApt()) {
    throw new Error(
      'No Chromium found for the browser tests. Install one (Debian/Ubuntu: apt-get install chromium) ' +
        'or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  console.log('No Chromium found: installing Debian\'s chromium package with apt-get (needed by the browser tests)...');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium but no binary was found at /usr/lib/chromium/chromium.');
  return installed;
}
