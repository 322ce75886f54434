// How much the decoder does, decided by the frame's size and what it holds, counted in regions and pixels, never in
// time: the same frame gets the same passes, and so the same answer, however busy the machine is.

/**
 * A frame of at least this many pixels (a high-DPI capture: 2560x1440 is 3.7 million) is read whole at half size
 * only, where its codes, drawn with 2x2 pixels, are still plain, for about a third of a full-size read. It is never
 * read whole at full size: a code too fine for the half-size read has modules of at most 6 px, which the finder scan
 * outlines at full resolution, and its region is then read on its own.
 */
export const HALF_SIZE_PIXELS = 2_500_000;

/** Regions that look like QR codes, read at most per frame, most code-like first (ZXing's own reader caps at 8 too). */
export const MAX_REGIONS = 8;

/**
 * A region is scaled up by a whole factor so that a module spans at least this many pixels. Measured on 1.25 px codes
 * (drawn anti-aliased, and as browsers draw SVG codes, snapped to whole pixels): whole factors of 3 and 4 read all of
 * them; fractional ones missed some of the pixel-snapped codes, and 2x (2.5 px a module) missed some anti-aliased ones.
 */
export const TARGET_MODULE_PX = 3.5;

/** Largest scale-up: a module estimated at under 0.75 px is not in the pixels anyway. */
export const MAX_SCALE = 4;

/** Pixels of one scaled region at most (about 10 ms of ZXing on a laptop core): a larger one is read at a smaller scale. */
export const MAX_REGION_PIXELS = 1_000_000;

/** Pixels of all scaled regions of a frame together; regions beyond it are left unread and counted as such. */
export const MAX_TOTAL_REGION_PIXELS = 4_000_000;

/**
 * A selected box no larger than this (800x800) is also read whole, scaled up by each of BOX_SCALES in turn, when
 * nothing inside it was found: at most about 6 megapixels for ZXing, and only when the user has drawn the box.
 */
export const MAX_BOX_PIXELS = 640_000;
export const BOX_SCALES = [2, 3] as const;

/** The scale a region is read at, and the pixels that costs. */
export function planScale(width: number, height: number, module: number): { scale: number; pixels: number } {
  const wanted = Math.min(MAX_SCALE, Math.max(1, Math.ceil(TARGET_MODULE_PX / module)));
  const affordable = Math.sqrt(MAX_REGION_PIXELS / (width * height));
  const scale = Math.max(1, Math.min(wanted, affordable));
  return { scale, pixels: Math.round(width * scale) * Math.round(height * scale) };
}
