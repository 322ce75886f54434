import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// The extension's sources live in extension/; the build lands in .output/<browser>-mv<N>/.
export default defineConfig({
  srcDir: 'extension',
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Tessera Authenticator',
    description: 'Two-factor codes (TOTP/HOTP) kept in an encrypted vault, captured from QR codes and filled only on the right site.',
    permissions: ['storage', 'activeTab', 'scripting', 'alarms', 'contextMenus'],
    // WebAssembly (QR decoding, Argon2) needs wasm-unsafe-eval; nothing is ever loaded from elsewhere.
    content_security_policy: {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
    },
  },
});
