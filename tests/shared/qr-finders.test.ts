// The finder-pattern scan that decides where a code can be: the three corner squares of codes of every module size
// from 1.25 px up, either way round, and nothing on pages without codes; then the regions they outline.
import { describe, expect, it } from 'vitest';
import { planRegions } from '#shared/qr/code-regions.ts';
import { findFinderPatterns, type FinderPattern } from '#shared/qr/finder-patterns.ts';
import { toGrey } from '#shared/qr/pixels.ts';
import type { Rect, RgbaImage } from '#shared/qr/index.ts';
import { createFrame, fillRect, invertImage, paintQr, type PaintedQr } from '../support/qr-images';

const TEXT = 'otpauth://totp/Example%20Corp:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example%20Corp';

/** Centres of a painted code's three finders: 3.5 modules in from its corners, past the 4-module quiet zone. */
function finderCentres(code: PaintedQr, moduleSize: number): { x: number; y: number }[] {
  const near = (4 + 3.5) * moduleSize;
  const far = code.size - near;
  return [{ x: code.x + near, y: code.y + near }, { x: code.x + far, y: code.y + near }, { x: code.x + near, y: code.y + far }];
}

function findsAt(found: FinderPattern[], centre: { x: number; y: number }, moduleSize: number): FinderPattern | undefined {
  return found.find((f) => Math.hypot(f.x - centre.x, f.y - centre.y) <= moduleSize * 1.5);
}

function contains(outer: Rect, inner: Rect): boolean {
  return outer.x <= inner.x && outer.y <= inner.y && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;
}

function codeRect(code: PaintedQr, moduleSize: number): Rect {
  const quiet = 4 * moduleSize; // the code itself, without its quiet zone
  return { x: Math.floor(code.x + quiet), y: Math.floor(code.y + quiet), width: Math.ceil(code.size - 2 * quiet), height: Math.ceil(code.size - 2 * quiet) };
}

describe('findFinderPatterns', () => {
  it.each([1.25, 1.5, 2, 3, 4.5, 6])('finds the three finders of a code at %s px a module, with the module size', (moduleSize) => {
    for (const offset of [0, 0.25, 0.5, 0.75]) {
      const frame = createFrame(640, 480);
      const code = paintQr(frame, { text: TEXT, moduleSize, x: 40 + offset, y: 30 + offset * 1.5 });
      const found = findFinderPatterns(toGrey(frame));
      for (const centre of finderCentres(code, moduleSize)) {
        const finder = findsAt(found, centre, moduleSize);
        expect(finder, `${moduleSize} px, offset ${offset}`).toBeDefined();
        expect(finder!.module).toBeGreaterThan(moduleSize * 0.8);
        expect(finder!.module).toBeLessThan(moduleSize * 1.25);
        expect(finder!.inverted).toBe(false);
      }
    }
  });

  it('finds light-on-dark finders as inverted', () => {
    const frame = createFrame(640, 480);
    const code = paintQr(frame, { text: TEXT, moduleSize: 1.5, x: 200.5, y: 100.25 });
    const found = findFinderPatterns(toGrey(invertImage(frame)));
    for (const centre of finderCentres(code, 1.5)) expect(findsAt(found, centre, 1.5)?.inverted).toBe(true);
  });

  it.each(['text', 'busy', 'noise'] as const)('finds none on a %s page without codes', (background) => {
    expect(findFinderPatterns(toGrey(createFrame(1280, 800, background)))).toEqual([]);
    expect(findFinderPatterns(toGrey(createFrame(1280, 800, background, 9)))).toEqual([]);
  });

  it('finds none on a blank frame', () => {
    expect(findFinderPatterns(toGrey(createFrame(1280, 800, [250, 250, 250])))).toEqual([]);
  });
});

describe('planRegions', () => {
  const regionsOf = (frame: RgbaImage) => planRegions(findFinderPatterns(toGrey(frame)), frame);

  it('outlines each whole code with three finders, around the whole code', () => {
    const frame = createFrame(1280, 800);
    const left = paintQr(frame, { text: TEXT, moduleSize: 1.25, x: 100.5, y: 200.25 });
    const right = paintQr(frame, { text: TEXT, moduleSize: 2, x: 900, y: 500 });
    const regions = regionsOf(frame);
    expect(regions.map((r) => r.complete)).toEqual([true, true]);
    for (const [code, size] of [[left, 1.25], [right, 2]] as const) {
      const region = regions.find((r) => contains(r.rect, codeRect(code, size)));
      expect(region, `the ${size} px code`).toBeDefined();
      expect(region!.module).toBeCloseTo(size, 0);
      expect(region!.rect.width * region!.rect.height).toBeLessThan(4 * code.size * code.size);
    }
  });

  it('still outlines a code whose third finder is hidden, from the two left', () => {
    const frame = createFrame(1280, 800);
    const code = paintQr(frame, { text: TEXT, moduleSize: 1.5, x: 400.5, y: 300.5 });
    const [, topRight] = finderCentres(code, 1.5);
    fillRect(frame, topRight.x - 6, topRight.y - 6, 12, 12, [255, 255, 255]);
    const regions = regionsOf(frame);
    expect(regions).toHaveLength(1);
    expect(regions[0].complete).toBe(false);
    expect(contains(regions[0].rect, codeRect(code, 1.5))).toBe(true);
  });

  it('keeps regions inside the frame for a code in its corner', () => {
    const frame = createFrame(1280, 800);
    paintQr(frame, { text: TEXT, moduleSize: 1.25, x: 1280 - 71, y: 800 - 71 });
    const [region] = regionsOf(frame);
    expect(region.rect.x + region.rect.width).toBeLessThanOrEqual(1280);
    expect(region.rect.y + region.rect.height).toBeLessThanOrEqual(800);
  });
});
