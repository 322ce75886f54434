// Setting up the decoder: it never reaches for the network, and says what to do when it is not set up.
// This file starts with the decoder unconfigured (vitest gives each test file its own modules).
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeQrCodes, useZxingWasmUrl } from '#shared/qr/index.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { frameWithQr } from '../support/qr-images';

const TEXT = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
// A frame with a code in it: a flat frame is refused before the decoder is ever asked.
const withCode = () => frameWithQr(640, 480, { text: TEXT, moduleSize: 4 });

describe('decoder set-up', () => {
  it('refuses to decode before the WebAssembly is configured, naming the call that fixes it', async () => {
    await expect(decodeQrCodes(withCode())).rejects.toMatchObject({
      name: 'QrError',
      code: 'decoder_not_ready',
      message: expect.stringContaining('loadZxingForNode()'),
    });
  });

  it('refuses images that are not RGBA pixels of the stated size', async () => {
    const wrongLength = { data: new Uint8ClampedArray(10), width: 4, height: 4 };
    await expect(decodeQrCodes(wrongLength)).rejects.toMatchObject({ code: 'invalid_image', message: expect.stringContaining('4x4 RGBA needs 64') });
    const zeroSized = { data: new Uint8ClampedArray(0), width: 0, height: 0 };
    await expect(decodeQrCodes(zeroSized)).rejects.toMatchObject({ code: 'invalid_image' });
    const notPixels = { data: [0, 0, 0, 255] as unknown as Uint8ClampedArray, width: 1, height: 1 };
    await expect(decodeQrCodes(notPixels)).rejects.toMatchObject({ code: 'invalid_image' });
  });

  it('reports a .wasm that is not where it was said to be as unavailable, with the place to check', async () => {
    const missing = pathToFileURL('/nonexistent/zxing_reader.wasm').href;
    await expect(useZxingWasmUrl(missing)).rejects.toBeDefined();
    await expect(decodeQrCodes(withCode())).rejects.toMatchObject({
      code: 'decoder_unavailable',
      message: expect.stringContaining(missing),
    });
  });

  it('decodes once loaded from the installed package, with no network involved', async () => {
    await loadZxingForNode();
    const result = await decodeQrCodes(withCode());
    expect(result.texts).toEqual([TEXT]);
  });
});
