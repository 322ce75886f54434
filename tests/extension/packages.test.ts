// The store packages `npm run zip` made (npm test makes them): what each store takes, and the sources AMO asks for.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CHROME_KEY } from '../../extension/identity';

const root = resolve(import.meta.dirname, '../..');
const version = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version;
const open = (kind: string) => unzipSync(readFileSync(resolve(root, `.output/tessera-authenticator-${version}-${kind}.zip`)));
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

describe('npm run zip', () => {
  for (const kind of ['chrome', 'firefox']) {
    it(`packages the ${kind} build: the manifest at the top, every file it names, icons at 16, 32, 48 and 128 px`, () => {
      const files = open(kind);
      const manifest = JSON.parse(strFromU8(files['manifest.json']));
      const named = [manifest.action.default_popup, manifest.options_ui.page, ...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)] as string[];
      for (const path of named) expect(files[path], path).toBeDefined();
      expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '128']);
      for (const [size, path] of Object.entries(manifest.icons as Record<string, string>)) {
        const png = files[path];
        expect([...png.subarray(0, 4)]).toEqual(PNG_SIGNATURE);
        // Width and height, big-endian in the IHDR chunk.
        const header = new DataView(png.buffer, png.byteOffset);
        expect([header.getUint32(16), header.getUint32(20)]).toEqual([Number(size), Number(size)]);
      }
      expect(Object.keys(files).some((path) => /\.map$/.test(path))).toBe(false);
    });
  }

  it('leaves the manifest key, which fixes the id of unpacked builds, out of the Chrome package: the store refuses it', () => {
    const built = JSON.parse(readFileSync(resolve(root, '.output/chrome-mv3/manifest.json'), 'utf8'));
    expect(built.key).toBe(CHROME_KEY);
    expect(JSON.parse(strFromU8(open('chrome')['manifest.json'])).key).toBeUndefined();
  });

  it('packages the sources AMO asks for: all that builds the extension, and no demo site or tests', () => {
    const paths = Object.keys(open('sources'));
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'extension/entrypoints/background.ts', 'extension/icon/icon.svg', 'shared/otp/index.ts', 'docs/store.md']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((path) => /^(demo-site|tests|bench|node_modules|\.output)\//.test(path))).toEqual([]);
  });
});
