// The Firefox build as `npm test` made it (tests/run.mjs): the same Manifest V3 as Chromium's, so the toolbar `action`
// (which shortcut and context-menu results open), per-site automatic filling (optional host permissions) and the
// WebAssembly policy all exist there too; WXT's default Firefox target, MV2, would rename or drop each of them. The
// build runs in the real Firefox in tests/e2e/key-journeys.firefox.test.ts and extension-firefox.test.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const manifest = () => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../.output/firefox-mv3/manifest.json'), 'utf8'));

describe('the Firefox build', () => {
  it('is a Manifest V3 extension with the action, optional host permissions and the WebAssembly policy', () => {
    const built = manifest();
    expect(built.manifest_version).toBe(3);
    expect(built.action?.default_popup).toBe('popup.html');
    expect(built.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(built.host_permissions).toBeUndefined();
    expect(built.content_security_policy?.extension_pages).toContain("'wasm-unsafe-eval'");
    expect(built.background?.scripts).toEqual(['background.js']);
    // Firefox has no offscreen documents and warns about a permission it does not know.
    expect(built.permissions).toEqual(['storage', 'activeTab', 'scripting', 'alarms', 'contextMenus', 'clipboardWrite']);
  });

  it('has a fixed add-on id, so updates and the store listing stay with one add-on, and says which Firefox it needs', () => {
    expect(manifest().browser_specific_settings).toEqual({ gecko: { id: 'authenticator@tessera.dev', strict_min_version: '128.0' } });
    expect(manifest().key).toBeUndefined(); // Chromium's way to fix the id; Firefox warns about it
  });
});
