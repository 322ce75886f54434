// `npm run screenshots` keeps working with the current build: the README's pictures can always be made again.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { makeScreenshots, SCREENSHOTS } from './make-screenshots';

describe('the README screenshots', () => {
  it('are made from the real build: the popup alone, and the scan and the fill over their pages', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-screenshots-'));
    try {
      await makeScreenshots(dir);
      const sizes = Object.fromEntries(SCREENSHOTS.map((name) => {
        const png = PNG.sync.read(readFileSync(join(dir, name)));
        return [name, [png.width, png.height]];
      }));
      expect(sizes['scan.png']).toEqual([1280, 800]);
      expect(sizes['fill.png']).toEqual([1280, 800]);
      expect(sizes['popup.png'][0]).toBeGreaterThanOrEqual(300);
      expect(sizes['popup.png'][0]).toBeLessThanOrEqual(800);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
