// The time budget, driven by injected clocks: what runs, what is skipped, and what `timedOut` says.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCodes } from '#shared/qr/index.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { createFrame, frameWithQr } from '../support/qr-images';

const TEXT = 'otpauth://totp/Shop:dana?secret=KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU&issuer=Shop';

/** A clock that moves `step` ms every time it is read, whatever the machine does. */
function steppingClock(step: number): () => number {
  let time = 0;
  return () => (time += step);
}

beforeAll(() => loadZxingForNode());

describe('decodeQrCodes time budget', () => {
  it('on a noise frame with all the time it needs, runs every pass and returns no text, not timed out', async () => {
    const result = await decodeQrCodes(createFrame(480, 320, 'noise'), { now: () => 0 });
    expect(result).toEqual({ texts: [], timedOut: false, passes: ['zxing', 'jsqr', 'crops-2x', 'crops-3x', 'crops-4x'] });
  });

  it('returns [] with timedOut when the first pass has used the whole budget, starting nothing else', async () => {
    const result = await decodeQrCodes(createFrame(1280, 800, 'noise'), { now: steppingClock(2000), budgetMs: 1500 });
    expect(result).toEqual({ texts: [], timedOut: true, passes: ['zxing'] });
  });

  it('always runs the first pass, so a clear code is read even with a budget of 0', async () => {
    const result = await decodeQrCodes(frameWithQr(1280, 800, { text: TEXT, moduleSize: 3 }), { now: steppingClock(50), budgetMs: 0 });
    expect(result).toEqual({ texts: [TEXT], timedOut: false, passes: ['zxing'] });
  });

  it('skips jsQR on a noisy frame, where it would take over a hundred times the first pass, but still reads crops', async () => {
    const result = await decodeQrCodes(createFrame(1280, 800, 'noise'), { now: steppingClock(10), budgetMs: 1000 });
    expect(result.texts).toEqual([]);
    expect(result.timedOut).toBe(true);
    expect(result.passes).not.toContain('jsqr');
    expect(result.passes.slice(0, 2)).toEqual(['zxing', 'crops-2x']);
  });

  it('runs jsQR on a quiet frame under the same clock and budget, where it is cheap', async () => {
    const result = await decodeQrCodes(createFrame(1280, 800, [250, 250, 250]), { now: steppingClock(10), budgetMs: 1000 });
    expect(result.passes.slice(0, 2)).toEqual(['zxing', 'jsqr']);
  });

  it('stops between tiles when the budget runs out part way through the crops', async () => {
    const result = await decodeQrCodes(createFrame(1280, 800, 'busy'), { now: steppingClock(10), budgetMs: 700 });
    expect(result.texts).toEqual([]);
    expect(result.timedOut).toBe(true);
    expect(result.passes).toContain('crops-2x');
    expect(result.passes).not.toContain('crops-4x');
  });

  it('refuses a budget that is not a number of milliseconds, before reading anything', async () => {
    const frame = createFrame(64, 64);
    await expect(decodeQrCodes(frame, { budgetMs: -1 })).rejects.toMatchObject({ code: 'invalid_options' });
    await expect(decodeQrCodes(frame, { budgetMs: Number.NaN })).rejects.toMatchObject({ code: 'invalid_options' });
  });
});
