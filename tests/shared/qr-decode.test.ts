// What the decoder reads in screen-like frames: sizes, colours, inversion, logos, several codes.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCodes } from '#shared/qr/index.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { createFrame, fillRect, frameWithQr, invertImage, paintQr } from '../support/qr-images';

const ALICE = 'otpauth://totp/Example%20Corp:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example%20Corp';
const BOB = 'otpauth://totp/Forge:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Forge&digits=8';
const CAROL = 'otpauth://hotp/Mail:carol?secret=MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U&issuer=Mail&counter=7';

// The safety net's clock must never decide a test, however loaded the machine running it: a clock that stands still.
// (What is read never depends on the clock: qr-decisions.test.ts runs the same frames under several.)
const unhurried = { now: () => 0 };

beforeAll(() => loadZxingForNode());

describe('decodeQrCodes on screen-like frames', () => {
  it.each([1.5, 2, 3, 5])('reads a code drawn at %s px a module in a 1280x800 frame', async (moduleSize) => {
    const frame = frameWithQr(1280, 800, { text: ALICE, moduleSize, x: 301.5, y: 187.25 });
    const result = await decodeQrCodes(frame, unhurried);
    expect(result.texts).toEqual([ALICE]);
  });

  it('reads a clear code in the whole-frame pass alone', async () => {
    const result = await decodeQrCodes(frameWithQr(1280, 800, { text: ALICE, moduleSize: 4 }), unhurried);
    expect(result).toEqual({ texts: [ALICE], passes: ['zxing'], unreadable: 0, timedOut: false });
  });

  it.each([1.5, 3])('reads a light-on-dark (inverted) code at %s px a module', async (moduleSize) => {
    const frame = invertImage(frameWithQr(1280, 800, { text: BOB, moduleSize }));
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([BOB]);
  });

  it('reads a low-contrast code in brand colours on a tinted page', async () => {
    const tint = [214, 226, 240] as const;
    const frame = frameWithQr(1280, 800, { text: ALICE, moduleSize: 2, dark: [150, 165, 200], light: tint }, tint);
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([ALICE]);
  });

  // A logo this size (a third of the side) defeats codes made with error correction L or M.
  it('reads a code with a logo over its centre when it was made with error correction H', async () => {
    const frame = createFrame(1280, 800);
    const code = paintQr(frame, { text: ALICE, moduleSize: 3, x: 480, y: 220, errorCorrection: 'H' });
    const logo = code.size * 0.35;
    fillRect(frame, code.x + (code.size - logo) / 2, code.y + (code.size - logo) / 2, logo, logo, [230, 60, 40]);
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([ALICE]);
  });

  it('returns both codes of a frame, left one first', async () => {
    const frame = createFrame(1280, 800);
    paintQr(frame, { text: BOB, moduleSize: 3, x: 760, y: 240 });
    paintQr(frame, { text: ALICE, moduleSize: 3, x: 120, y: 260 });
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([ALICE, BOB]);
  });

  it('returns three codes in reading order: the top row left to right, then the next row', async () => {
    const frame = createFrame(1280, 800, [246, 246, 246]);
    paintQr(frame, { text: CAROL, moduleSize: 3, x: 140, y: 460 });
    paintQr(frame, { text: BOB, moduleSize: 3, x: 700, y: 40 });
    paintQr(frame, { text: ALICE, moduleSize: 3, x: 120, y: 60 });
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([ALICE, BOB, CAROL]);
  });

  it('reports a code shown twice once', async () => {
    const frame = createFrame(1280, 800);
    paintQr(frame, { text: ALICE, moduleSize: 3, x: 100, y: 200 });
    paintQr(frame, { text: ALICE, moduleSize: 3, x: 700, y: 200 });
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([ALICE]);
  });

  it('reads a code on a busy, photo-like background', async () => {
    const frame = createFrame(1280, 800, 'busy');
    paintQr(frame, { text: CAROL, moduleSize: 2.5, x: 830, y: 410 });
    expect((await decodeQrCodes(frame, unhurried)).texts).toEqual([CAROL]);
  });

  it('finds nothing in a busy frame without a code', async () => {
    const result = await decodeQrCodes(createFrame(640, 400, 'busy', 7), unhurried);
    expect(result).toEqual({ texts: [], passes: ['zxing', 'finders'], unreadable: 0, timedOut: false });
  });
});
