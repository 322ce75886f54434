import { defineConfig } from 'wxt';
import { createRequire } from 'node:module';
import preact from '@preact/preset-vite';
import { manifestCommands } from './extension/messaging/commands';

// The QR decoder's WebAssembly ships inside the extension (zxing-wasm would otherwise fetch it from a CDN).
const zxingWasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');

// Firefox's add-on id: fixed, so updates, storage and the add-on store listing all stay with one add-on.
const GECKO_ID = 'authenticator@tessera.dev';

// The extension's sources live in extension/; the build lands in .output/<browser>-mv3/.
export default defineConfig({
  srcDir: 'extension',
  imports: false,
  // Manifest V3 for Firefox too: the code uses `action`, optional host permissions and storage.session, which WXT's
  // default Firefox target (MV2) lacks or renames.
  manifestVersion: 3,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ absoluteSrc: zxingWasm, relativeDest: 'zxing_reader.wasm' });
    },
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push('/zxing_reader.wasm');
    },
  },
  manifest: ({ browser }) => ({
    name: 'Tessera Authenticator',
    description: 'Two-factor codes (TOTP/HOTP) kept in an encrypted vault, captured from QR codes and filled only on the right site.',
    // Firefox has no offscreen documents (there the popup clears the clipboard while it is open) and warns on the name.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen']), 'clipboardWrite'],
    // Asked for one site at a time, only when the user turns on automatic filling there.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: manifestCommands(),
    // WebAssembly (QR decoding, Argon2) needs wasm-unsafe-eval; nothing is ever loaded from elsewhere.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } } : {}),
  }),
});
