// How `npm test` finds the browser for the browser tests.
import { describe, it, expect, afterEach } from 'vitest';
import { accessSync, constants, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../support/find-chromium.mjs';

const saved = process.env.CHROME_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROME_PATH;
  else process.env.CHROME_PATH = saved;
});

describe('findChromium', () => {
  it('prefers the browser named by CHROME_PATH', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tessera-chrome-'));
    const binary = join(dir, 'my-chrome');
    writeFileSync(binary, '');
    try {
      process.env.CHROME_PATH = binary;
      expect(findChromium()).toBe(binary);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes over a CHROME_PATH that does not exist and finds an installed one', () => {
    process.env.CHROME_PATH = join(tmpdir(), 'no-such-browser-here');
    const found = findChromium();
    expect(found).not.toBe(process.env.CHROME_PATH);
    // A browser the tests can start: a file that is there and may be run.
    expect(() => accessSync(found!, constants.X_OK)).not.toThrow();
  });
});
