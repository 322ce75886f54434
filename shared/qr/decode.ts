// decodeQrCodes: ZXing on the frame, then jsQR, then scaled-up crops, inside a time budget.
import { startBudget, type Budget } from './budget';
import { edgeDensity, estimateJsqrMs } from './cost-model';
import { QrError } from './errors';
import { CROP_SCALES, readFrameWithJsqr, readFrameWithZxing, readScaledTiles } from './passes';
import { cropImage, toGrey, type GreyImage } from './pixels';
import { orderTexts } from './reading-order';
import type { FoundCode, QrDecodeOptions, QrDecodeResult, Rect, RgbaImage } from './types';
import { assertRgbaImage, clampRegion } from './validate-image';

export const DEFAULT_BUDGET_MS = 1500;

/**
 * Every distinct QR text in the frame. The ZXing frame pass always runs (it reads most frames in tens of
 * milliseconds); each later pass or tile starts only if its estimated cost still fits in the budget.
 */
export async function decodeQrCodes(image: RgbaImage, options: QrDecodeOptions = {}): Promise<QrDecodeResult> {
  assertRgbaImage(image);
  const budget = startBudget(readBudgetMs(options), options.now ?? (() => performance.now()));
  const passes: string[] = [];
  const first = await budget.time(() => readFrameWithZxing(image));
  passes.push('zxing');
  if (first.value.length > 0) return { texts: orderTexts(first.value), timedOut: false, passes };

  const grey = toGrey(image);
  let timedOut = false;
  if (budget.affords(estimateJsqrMs(first.ms, edgeDensity(grey)))) {
    const found = readFrameWithJsqr(image);
    passes.push('jsqr');
    if (found.length > 0) return { texts: orderTexts(found), timedOut: false, passes };
  } else {
    timedOut = true;
  }
  const crops = await readCrops(grey, budget, first.ms / (image.width * image.height), passes);
  return { texts: orderTexts(crops.found), timedOut: timedOut || crops.timedOut, passes };
}

/** Decodes only the given rectangle (e.g. one the user selected), at full resolution and scaled up if need be. */
export async function decodeQrRegion(image: RgbaImage, rect: Rect, options: QrDecodeOptions = {}): Promise<QrDecodeResult> {
  assertRgbaImage(image);
  return decodeQrCodes(cropImage(image, clampRegion(image, rect)), options);
}

// Scale by scale, every tile; stops after the scale that found something, or when the budget runs out.
async function readCrops(grey: GreyImage, budget: Budget, msPerPixel: number, passes: string[]): Promise<{ found: FoundCode[]; timedOut: boolean }> {
  const found: FoundCode[] = [];
  for (const scale of CROP_SCALES) {
    const round = await readScaledTiles(grey, scale, budget, msPerPixel);
    if (round.tilesRead > 0) passes.push(`crops-${scale}x`);
    found.push(...round.found);
    if (!round.complete) return { found, timedOut: true };
    if (found.length > 0) break;
  }
  return { found, timedOut: false };
}

function readBudgetMs(options: QrDecodeOptions): number {
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  if (typeof budgetMs !== 'number' || !Number.isFinite(budgetMs) || budgetMs < 0) {
    throw new QrError('invalid_options', `budgetMs must be a number of milliseconds, 0 or more; got ${String(budgetMs)}.`);
  }
  return budgetMs;
}
