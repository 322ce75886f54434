// The fixed Chromium id is the one the manifest key names (how Chromium derives it), so a passkey survives rebuilds.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID, CHROME_KEY } from '../../extension/identity';

describe('the extension id', () => {
  it('is derived from the manifest key: SHA-256 of the key, its first 16 bytes as letters a-p', () => {
    const digest = createHash('sha256').update(Buffer.from(CHROME_KEY, 'base64')).digest().subarray(0, 16);
    const id = [...digest].map((byte) => String.fromCharCode(97 + (byte >> 4), 97 + (byte & 15))).join('');
    expect(id).toBe(CHROME_EXTENSION_ID);
  });
});
