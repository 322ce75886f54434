// Installs a browser the tests need from Debian's packages, where this machine allows it (root on Debian/Ubuntu).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

export function canInstallWithApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  if (!existsSync('/usr/bin/apt-get') || !existsSync('/etc/os-release')) return false;
  try {
    const release = execFileSync('sh', ['-c', '. /etc/os-release && echo "$ID $ID_LIKE"'], { encoding: 'utf8' });
    return /debian|ubuntu/.test(release);
  } catch {
    return false;
  }
}

/** Finds the browser with `find`, or installs Debian's `aptPackage` and finds it then; throws `missing` when it cannot. */
export function ensureBrowser({ find, aptPackage, missing }) {
  const found = find();
  if (found) return found;
  if (!canInstallWithApt()) throw new Error(missing);
  console.log(`No ${aptPackage} found: installing Debian's ${aptPackage} package with apt-get (needed by the browser tests)...`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', aptPackage], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = find();
  if (!installed) throw new Error(`apt-get installed ${aptPackage} but no binary was found where it puts it.`);
  return installed;
}
