// Codes too dense for a whole-frame read: the scaled-up crop pass, its tiling, and region decoding.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCodes, decodeQrRegion } from '#shared/qr/index.ts';
import { planTiles } from '#shared/qr/tiles.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { createFrame, paintQr } from '../support/qr-images';

const DENSE = 'otpauth://totp/Bank%20of%20Examples:erin%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Bank%20of%20Examples&period=30';
const OTHER = 'otpauth://totp/Forge:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Forge';
const unhurried = { now: () => 0 };

beforeAll(() => loadZxingForNode());

describe('scaled-up crops', () => {
  // At 1.25 px a module with anti-aliased edges neither ZXing nor jsQR reads the frame; they run and give up first.
  it('reads a dense code at 1.25 px a module, found by the crop pass after the whole-frame passes failed', async () => {
    const frame = createFrame(1280, 800, [255, 255, 255]);
    paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 601.5, y: 361.25 });
    const result = await decodeQrCodes(frame, unhurried);
    expect(result.texts).toEqual([DENSE]);
    expect(result.passes).toEqual(['zxing', 'jsqr', 'crops-2x']);
  });

  it('reads a 1.25 px code near the corner of a 2560x1440 frame on a busy background', async () => {
    const frame = createFrame(2560, 1440, 'busy', 3);
    paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 2380, y: 1290 });
    const result = await decodeQrCodes(frame, unhurried);
    expect(result.texts).toEqual([DENSE]);
    expect(result.passes).toContain('crops-2x');
  });

  it('plans tiles so that any code up to 200 px lies wholly inside one of them', () => {
    fc.assert(fc.property(
      fc.integer({ min: 200, max: 3000 }), fc.integer({ min: 200, max: 2000 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }),
      (width, height, px, py) => {
        const x = px % (width - 199);
        const y = py % (height - 199);
        return planTiles(width, height).some((t) => t.x <= x && t.y <= y && t.x + t.width >= x + 200 && t.y + t.height >= y + 200);
      },
    ));
  });
});

describe('decodeQrRegion', () => {
  it('reads only the code inside the selected rectangle', async () => {
    const frame = createFrame(1280, 800);
    paintQr(frame, { text: OTHER, moduleSize: 3, x: 100, y: 200 });
    const code = paintQr(frame, { text: DENSE, moduleSize: 3, x: 760, y: 200 });
    const result = await decodeQrRegion(frame, { x: code.x - 10, y: code.y - 10, width: code.size + 20, height: code.size + 20 }, unhurried);
    expect(result.texts).toEqual([DENSE]);
  });

  it('reads a small, dense code in a tight selection by scaling it up', async () => {
    const frame = createFrame(1280, 800, 'busy');
    const code = paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 400.5, y: 300.25 });
    const result = await decodeQrRegion(frame, { x: code.x - 4, y: code.y - 4, width: code.size + 8, height: code.size + 8 }, unhurried);
    expect(result.texts).toEqual([DENSE]);
    expect(result.passes.some((pass) => pass.startsWith('crops-'))).toBe(true);
  });

  it('uses the part of a selection that lies inside the frame', async () => {
    const frame = createFrame(640, 400);
    paintQr(frame, { text: OTHER, moduleSize: 3, x: 400, y: 150 });
    const result = await decodeQrRegion(frame, { x: 380, y: 120, width: 900, height: 900 }, unhurried);
    expect(result.texts).toEqual([OTHER]);
  });

  it('refuses a selection outside the frame or with no area, saying so', async () => {
    const frame = createFrame(640, 400);
    await expect(decodeQrRegion(frame, { x: 700, y: 10, width: 50, height: 50 })).rejects.toMatchObject({
      code: 'invalid_region',
      message: expect.stringContaining('does not overlap the 640x400 image'),
    });
    await expect(decodeQrRegion(frame, { x: 10, y: 10, width: 0, height: 50 })).rejects.toMatchObject({ code: 'invalid_region' });
    await expect(decodeQrRegion(frame, { x: Number.NaN, y: 10, width: 50, height: 50 })).rejects.toMatchObject({ code: 'invalid_region' });
  });
});
