// What the decoder decides to read after its whole-frame pass: only regions that look like QR codes, chosen by the
// frame alone, so a frame gets the same answer however fast or slow the clock runs. Time is only a safety net.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCodes, decodeQrRegion, DEFAULT_BUDGET_MS, type QrDecodeOptions, type QrDecodeResult, type RgbaImage } from '#shared/qr/index.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { createFrame, fillRect, frameWithQr, paintQr, seededRandom } from '../support/qr-images';

const DENSE = 'otpauth://totp/Bank%20of%20Examples:erin%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Bank%20of%20Examples&period=30';
const CLEAR = 'otpauth://totp/Shop:dana?secret=KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU&issuer=Shop';

/** A clock that moves `step` ms every time it is read, whatever the machine does. */
function steppingClock(step: number): () => number {
  let time = 0;
  return () => (time += step);
}

/** A clock that moves by a random 0-200 ms at every reading: a machine busy with other work. */
function jitteryClock(seed: number): () => number {
  const random = seededRandom(seed);
  let time = 0;
  return () => (time += random() * 200);
}

function denseFrame(background: 'busy' | [number, number, number] = [255, 255, 255]): RgbaImage {
  const frame = createFrame(1280, 800, background, 5);
  paintQr(frame, { text: DENSE, moduleSize: 1.25, x: 601.5, y: 361.25 });
  return frame;
}

beforeAll(() => loadZxingForNode());

describe('a frame without a QR code', () => {
  const onlyFirstPasses = ['zxing', 'finders'];
  // A high-DPI capture is read at half size, where its codes (drawn with 2x2 pixels) are plain and cheap to read; finer
  // codes are the finder scan's, so there is no full-size read.
  const largeFirstPasses = ['zxing-half', 'finders'];
  it.each([
    ['a page of text', () => createFrame(1280, 800, 'text'), onlyFirstPasses],
    ['a busy, photo-like page', () => createFrame(1280, 800, 'busy'), onlyFirstPasses],
    ['noise', () => createFrame(1280, 800, 'noise'), onlyFirstPasses],
    ['a 2560x1440 page of text', () => createFrame(2560, 1440, 'text', 2), largeFirstPasses],
    ['a page in two greys 20 levels apart, too faint for any code', () => createFrame(1280, 800, [140, 140, 140]), onlyFirstPasses, (f: RgbaImage) => fillRect(f, 0, 400, 1280, 400, [120, 120, 120])],
  ])('%s ends after the finder scan, with no region read and nothing said to be there', async (_name, frame, passes, paint?: (f: RgbaImage) => void) => {
    const image = frame();
    paint?.(image);
    expect(await decodeQrCodes(image, { now: () => 0 })).toEqual({ texts: [], passes, unreadable: 0, timedOut: false });
  });

  it.each([
    ['a blank 1280x800 tab', () => createFrame(1280, 800)],
    ['a blank 2560x1600 tab', () => createFrame(2560, 1600)],
    ['a dark page of one colour', () => createFrame(1280, 800, [18, 18, 18])],
  ])('%s ends at once: a frame of one flat colour holds nothing to read', async (_name, frame) => {
    expect(await decodeQrCodes(frame(), { now: () => 0 })).toEqual({ texts: [], passes: ['flat'], unreadable: 0, timedOut: false });
  });

  it('a flat box drawn by the user is not read again scaled up', async () => {
    expect(await decodeQrRegion(createFrame(1280, 800), { x: 100, y: 100, width: 400, height: 400 }, { now: () => 0 }))
      .toEqual({ texts: [], passes: ['flat'], unreadable: 0, timedOut: false });
  });

  it('a faint code, 24 grey levels from its background, is still looked for and read', async () => {
    const frame = createFrame(1280, 800, [140, 140, 140]);
    paintQr(frame, { text: CLEAR, moduleSize: 4, x: 300, y: 200, dark: [116, 116, 116], light: [140, 140, 140] });
    expect(await decodeQrCodes(frame, { now: () => 0 })).toEqual({ texts: [CLEAR], passes: ['zxing'], unreadable: 0, timedOut: false });
  });
});

describe('one frame, one answer', () => {
  const clocks: [string, QrDecodeOptions][] = [
    ['a clock that stands still', { now: () => 0 }],
    ['a clock 20 ms a step', { now: steppingClock(20) }],
    ['a jittery clock', { now: jitteryClock(7) }],
  ];

  it.each([
    ['a dense code on white', () => denseFrame(), [DENSE]],
    ['a dense code on a busy page', () => denseFrame('busy'), [DENSE]],
    ['noise', () => createFrame(1280, 800, 'noise'), []],
    ['a page of text', () => createFrame(1280, 800, 'text', 3), []],
  ])('%s gives the same texts, passes and verdict under every clock, run after run', async (_name, frame, texts) => {
    const image = frame();
    const results: QrDecodeResult[] = [];
    for (const [, options] of [...clocks, ...clocks]) results.push(await decodeQrCodes(image, options));
    expect(results.map((result) => JSON.stringify(result))).toEqual(results.map(() => JSON.stringify(results[0])));
    expect(results[0]).toMatchObject({ texts, unreadable: 0, timedOut: false });
  });
});

describe('the safety net', () => {
  it('starts no region once the clock says the budget is spent, and says it stopped early', async () => {
    const result = await decodeQrCodes(denseFrame(), { now: steppingClock(2000), budgetMs: 1500 });
    expect(result).toEqual({ texts: [], passes: ['zxing', 'finders'], unreadable: 0, timedOut: true });
  });

  it('always runs the whole-frame pass, so a clear code is read even with a budget of 0', async () => {
    const result = await decodeQrCodes(frameWithQr(1280, 800, { text: CLEAR, moduleSize: 3 }), { now: steppingClock(50), budgetMs: 0 });
    expect(result).toEqual({ texts: [CLEAR], passes: ['zxing'], unreadable: 0, timedOut: false });
  });

  it('is generous: a clock at 200 ms a reading (a machine far slower than intended) still reads the dense code', async () => {
    expect(DEFAULT_BUDGET_MS).toBeGreaterThanOrEqual(5000);
    expect((await decodeQrCodes(denseFrame(), { now: steppingClock(200) })).texts).toEqual([DENSE]);
  });

  it('refuses a budget that is not a number of milliseconds, before reading anything', async () => {
    const frame = createFrame(64, 64);
    await expect(decodeQrCodes(frame, { budgetMs: -1 })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(decodeQrCodes(frame, { budgetMs: Number.NaN })).rejects.toMatchObject({ code: 'invalid_options' });
  });
});
