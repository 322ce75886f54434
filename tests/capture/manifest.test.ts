// The built manifest: capture needs no host permission at install (activeTab is enough), has its shortcut, and ships the
// region-select script as a file to inject on demand, never as a content script on every page.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../support/browser';

const manifestPath = join(EXTENSION_DIR, 'manifest.json');

describe('capture in the built manifest', () => {
  it('is built (run `npx wxt build` or `npm test` first)', () => {
    expect(existsSync(manifestPath), `${manifestPath} is missing`).toBe(true);
  });

  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : {};

  it('captures with activeTab alone: no host access or tabs permission at install', () => {
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage', 'contextMenus']));
    expect(manifest.permissions).not.toContain('tabs');
    expect(manifest.permissions).not.toContain('<all_urls>');
    expect(manifest.host_permissions).toBeUndefined();
  });

  it('offers the scan as a keyboard shortcut', () => {
    expect(manifest.commands['scan-qr']).toEqual({ suggested_key: { default: 'Alt+Shift+Q' }, description: 'Scan QR code on this page' });
  });

  it('ships region-select.js for injection only', () => {
    expect(existsSync(join(EXTENSION_DIR, 'region-select.js'))).toBe(true);
    const scripts = (manifest.content_scripts ?? []).flatMap((entry: { js?: string[] }) => entry.js ?? []);
    expect(scripts).not.toContain('region-select.js');
  });
});
