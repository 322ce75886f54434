// Codes too dense for the whole-frame pass: read from the regions the finder scan outlines, scaled to their module
// size; a code too small to read is reported as such; and a selected box.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCodes, decodeQrRegion } from '#shared/qr/index.ts';
import { MAX_REGIONS } from '#shared/qr/work-limits.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { createFrame, invertImage, paintQr } from '../support/qr-images';
import { corpusUri } from '../support/qr-pages';

const DENSE = 'otpauth://totp/Bank%20of%20Examples:erin%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Bank%20of%20Examples&period=30';
const OTHER = 'otpauth://totp/Forge:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Forge';

// The safety net's clock must never decide a test, however loaded the machine running it: a clock that stands still.
// (What is read never depends on the clock: qr-decisions.test.ts runs the same frames under several.)
const unhurried = { now: () => 0 };

beforeAll(() => loadZxingForNode());

describe('dense codes', () => {
  // At 1.25 px a module with anti-aliased edges, ZXing cannot read the whole frame; the region pass can.
  it('reads a code at 1.25 px a module from the region its finders outline', async () => {
    const frame = createFrame(1280, 800);
    paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 601.5, y: 361.25 });
    expect(await decodeQrCodes(frame, unhurried)).toEqual({ texts: [DENSE], passes: ['zxing', 'finders', 'regions'], unreadable: 0, timedOut: false });
  });

  it('reads a 1.25 px code in the corner of a 2560x1600 frame (a high-DPI screen at device pixel ratio 2)', async () => {
    const frame = createFrame(2560, 1600, 'text', 4);
    paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 2560 - 16 - 71.25, y: 1600 - 16 - 71.25 });
    expect(await decodeQrCodes(frame, unhurried)).toEqual({ texts: [DENSE], passes: ['zxing-half', 'finders', 'regions'], unreadable: 0, timedOut: false });
  });

  it('reads 1.5 and 2.5 px light-on-dark codes on a 2560x1440 frame (device pixel ratio 1), too fine for the half-size read', async () => {
    const frame = createFrame(2560, 1440, 'text', 3);
    paintQr(frame, { text: DENSE, moduleSize: 1.5, x: 200.3, y: 1000.6 });
    paintQr(frame, { text: OTHER, moduleSize: 2.5, x: 2000.3, y: 100.6 });
    expect(await decodeQrCodes(invertImage(frame), unhurried)).toEqual({ texts: [OTHER, DENSE], passes: ['zxing-half', 'finders', 'regions'], unreadable: 0, timedOut: false });
  });

  it('reads a clear code on a 2560x1600 frame at half size, without a full-size read', async () => {
    const frame = createFrame(2560, 1600, 'text', 5);
    paintQr(frame, { text: DENSE, moduleSize: 6, x: 1400, y: 300 });
    expect(await decodeQrCodes(frame, unhurried)).toEqual({ texts: [DENSE], passes: ['zxing-half'], unreadable: 0, timedOut: false });
  });

  it('reads a 1.25 px code near the corner of a 2560x1440 frame on a busy background', async () => {
    const frame = createFrame(2560, 1440, 'busy', 3);
    paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 2380, y: 1290 });
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([DENSE]);
  });

  it('reads a dense light-on-dark code', async () => {
    const frame = createFrame(1280, 800);
    paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 300.5, y: 200.75 });
    expect((await decodeQrCodes(invertImage(frame), unhurried)).texts).toEqual([DENSE]);
  });

  it('reads two dense codes of one frame, in reading order', async () => {
    const frame = createFrame(1280, 800);
    paintQr(frame, { text: OTHER, moduleSize: 1.25, x: 900.25, y: 100.5 });
    paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 100.5, y: 110.25 });
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([DENSE, OTHER]);
  });

  it(`reads at most ${MAX_REGIONS} regions of a frame, and counts the rest as unread`, async () => {
    const frame = createFrame(1280, 800);
    for (let i = 0; i < 10; i++) {
      paintQr(frame, { text: corpusUri(100 + i), moduleSize: 1.25, x: 20 + (i % 5) * 240 + 0.3 * i, y: 100 + Math.floor(i / 5) * 300 + 0.4 * i });
    }
    const result = await decodeQrCodes(frame, unhurried);
    expect(result.texts).toHaveLength(MAX_REGIONS);
    expect(result.unreadable).toBe(10 - MAX_REGIONS);
  });

  it('says a code is there but too small to read, when its modules are barely a pixel', async () => {
    const frame = createFrame(1280, 800);
    paintQr(frame, { text: DENSE, moduleSize: 1.15, x: 601.3, y: 361.7 });
    expect(await decodeQrCodes(frame, unhurried)).toEqual({ texts: [], passes: ['zxing', 'finders', 'regions'], unreadable: 1, timedOut: false });
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
  });

  // Turned 20 degrees, a dense code's finders no longer pass the upright checks, so no region outlines it; the user's
  // box says where it is.
  it('reads a dense code turned 20 degrees (a photo of a screen) by scaling up the whole box', async () => {
    const frame = createFrame(1280, 800);
    const code = paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 400.5, y: 300.25, rotate: 20 });
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([]);
    const result = await decodeQrRegion(frame, { x: code.x - 20, y: code.y - 20, width: code.size + 40, height: code.size + 40 }, unhurried);
    expect(result).toEqual({ texts: [DENSE], passes: ['zxing', 'finders', 'box'], unreadable: 0, timedOut: false });
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
