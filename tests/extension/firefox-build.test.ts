// The Firefox build (Firefox itself cannot run here): the same Manifest V3 as Chromium's, so the toolbar `action` (which
// shortcut and context-menu results open), per-site automatic filling (optional host permissions) and the WebAssembly
// policy all exist there too. WXT's default Firefox target, MV2, would rename or drop each of them.
import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const manifestPath = resolve(root, '.output/firefox-mv3/manifest.json');

describe('the Firefox build', () => {
  it('builds a Manifest V3 extension with the action, optional host permissions and the WebAssembly policy', async () => {
    rmSync(manifestPath, { force: true }); // a manifest left from an earlier build must not pass for this one
    await promisify(execFile)(resolve(root, 'node_modules/.bin/wxt'), ['build', '-b', 'firefox'], { cwd: root, timeout: 60_000 });
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.action?.default_popup).toBe('popup.html');
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.host_permissions).toBeUndefined();
    expect(manifest.content_security_policy?.extension_pages).toContain("'wasm-unsafe-eval'");
    expect(manifest.background?.scripts).toEqual(['background.js']);
    // Firefox has no offscreen documents and warns about a permission it does not know.
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting', 'alarms', 'contextMenus', 'clipboardWrite']);
  }, 90_000);
});
