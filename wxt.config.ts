import { defineConfig } from 'wxt';
import { createRequire } from 'node:module';
import preact from '@preact/preset-vite';
import { join } from 'node:path';
import { manifestCommands } from './extension/messaging/commands';
import { iconSet } from './extension/icon/icon-files';
import { renderIcons } from './extension/icon/render-icons';
import { CHROME_KEY, FIREFOX_MIN_VERSION, GECKO_ID } from './extension/identity';
import { readFileSync, writeFileSync } from 'node:fs';

// The QR decoder's WebAssembly ships inside the extension (zxing-wasm would otherwise fetch it from a CDN).
const zxingWasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

// The extension's sources live in extension/; the build lands in .output/<browser>-mv3/.
export default defineConfig({
  srcDir: 'extension',
  imports: false,
  // Manifest V3 for Firefox too: the code uses `action`, optional host permissions and storage.session, which WXT's
  // default Firefox target (MV2) lacks or renames.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  // `npm run zip`: the Chrome Web Store package, the Firefox add-on package, and the sources AMO asks for, which hold
  // all that builds the extension (docs/store.md says how) and nothing of the demo site or the tests.
  zip: {
    name: 'tessera-authenticator',
    includeSources: ['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'extension/**', 'shared/**', 'README.md', 'docs/store.md'],
  },
  hooks: {
    'build:publicAssets': (wxt, files) => {
      files.push({ absoluteSrc: zxingWasm, relativeDest: 'zxing_reader.wasm' });
      // The icons are drawn once, as SVG (extension/icon/), and rendered to PNG at every build.
      files.push(...renderIcons(join(wxt.config.wxtDir, 'icons')));
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('/zxing_reader.wasm');
    },
    // The store refuses a manifest `key` (see extension/identity.ts): out of the package, back in the build after.
    'zip:extension:start': (wxt) => setManifestKey(wxt.config.outDir, undefined),
    'zip:extension:done': (wxt) => setManifestKey(wxt.config.outDir, wxt.config.browser === 'firefox' ? undefined : CHROME_KEY),
  },
  manifest: ({ browser }) => ({
    name: 'Tessera Authenticator',
    icons: iconSet('unlocked'),
    // The browser starts with the vault locked; the background switches the icon as it unlocks and locks.
    action: { default_icon: iconSet('locked') },
    description: 'Two-factor codes (TOTP/HOTP) kept in an encrypted vault, captured from QR codes and filled only on the right site.',
    // Firefox has no offscreen documents (there the background page clears the clipboard itself) and warns on the name.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen']), 'clipboardWrite'],
    // Asked for one site at a time, only when the user turns on automatic filling there.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: manifestCommands(),
    // WebAssembly (QR decoding, Argon2) needs wasm-unsafe-eval; nothing is ever loaded from elsewhere.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION } } }
      : { key: CHROME_KEY }),
  }),
});

function setManifestKey(outDir: string, key: string | undefined): void {
  const path = join(outDir, 'manifest.json');
  const { key: _old, ...manifest } = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, JSON.stringify(key ? { ...manifest, key } : manifest));
}
