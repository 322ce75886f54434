// decodeQrCodes: ZXing on the whole frame; if it reads nothing, only the regions that look like QR codes, scaled up.
import { startDeadline, type Deadline } from './budget';
import { planRegions, type CodeRegion } from './code-regions';
import { QrError } from './errors';
import { findFinderPatterns } from './finder-patterns';
import { readFrame, readHalved, readScaled } from './passes';
import { cropImage, isFlat, toGrey, type GreyImage } from './pixels';
import { orderTexts } from './reading-order';
import type { FoundCode, QrDecodeOptions, QrDecodeResult, Rect, RgbaImage } from './types';
import { assertRgbaImage, clampRegion } from './validate-image';
import { BOX_SCALES, HALF_SIZE_PIXELS, MAX_BOX_PIXELS, MAX_REGIONS, MAX_TOTAL_REGION_PIXELS, planScale } from './work-limits';

/**
 * The safety net's time limit, the same for the extension and the command line. The work itself is bounded (a
 * 2560x1600 frame takes about 0.1 s on a laptop core), so only a machine many times slower than that reaches it.
 */
export const DEFAULT_BUDGET_MS = 10_000;

/**
 * Every distinct QR text in the frame. A flat frame (a blank tab) ends at once. Otherwise the whole-frame pass reads
 * most frames (a large one at half size); when it reads nothing, a scan for finder patterns decides where a code can
 * be, and only those regions are read again, scaled to their module size. A frame with no such region ends there.
 */
export async function decodeQrCodes(image: RgbaImage, options: QrDecodeOptions = {}): Promise<QrDecodeResult> {
  assertRgbaImage(image);
  return resultOf(await searchFrame(image, startDeadlineFor(options)));
}

/**
 * Decodes only the given rectangle (e.g. one the user selected). When nothing is found in a small one, the whole
 * box is also read scaled up: the user has said a code is there.
 */
export async function decodeQrRegion(image: RgbaImage, rect: Rect, options: QrDecodeOptions = {}): Promise<QrDecodeResult> {
  assertRgbaImage(image);
  const deadline = startDeadlineFor(options);
  const box = cropImage(image, clampRegion(image, rect));
  const search = await searchFrame(box, deadline);
  const worthScaling = search.found.length === 0 && !search.timedOut && search.passes[0] !== 'flat';
  if (worthScaling && box.width * box.height <= MAX_BOX_PIXELS) await readBox(box, search, deadline);
  return resultOf(search);
}

// The whole box at each of BOX_SCALES until one reads something; what it reads supersedes any "too small" verdict.
async function readBox(box: RgbaImage, search: Search, deadline: Deadline): Promise<void> {
  const grey = search.grey ?? toGrey(box);
  search.passes.push('box');
  for (const scale of BOX_SCALES) {
    if (deadline.passed()) {
      search.timedOut = true;
      return;
    }
    search.found.push(...(await readScaled(grey, { x: 0, y: 0, width: box.width, height: box.height }, scale)));
    if (search.found.length > 0) {
      search.unreadable = 0;
      return;
    }
  }
}

function resultOf(search: Search): QrDecodeResult {
  return { texts: orderTexts(search.found), passes: search.passes, unreadable: search.unreadable, timedOut: search.timedOut };
}

interface Search { found: FoundCode[]; passes: string[]; unreadable: number; timedOut: boolean; grey?: GreyImage }

async function searchFrame(image: RgbaImage, deadline: Deadline): Promise<Search> {
  if (isFlat(image)) return { found: [], passes: ['flat'], unreadable: 0, timedOut: false };
  const passes: string[] = [];
  if (image.width * image.height >= HALF_SIZE_PIXELS) {
    passes.push('zxing-half');
    const codes = await readHalved(image);
    if (codes.length > 0) return { found: codes, passes, unreadable: 0, timedOut: false };
  } else {
    passes.push('zxing');
    const codes = await readFrame(image);
    if (codes.length > 0) return { found: codes, passes, unreadable: 0, timedOut: false };
  }
  const grey = toGrey(image);
  passes.push('finders');
  const regions = planRegions(findFinderPatterns(grey), image);
  const { read, ...outcome } = await readRegions(grey, regions, deadline);
  if (read > 0) passes.push('regions');
  return { ...outcome, passes, grey };
}

// Most code-like first, within the region and pixel limits. `unreadable` counts whole-code outlines read in vain or
// left unread: the page shows something very like a QR code that could not be read.
async function readRegions(grey: GreyImage, regions: CodeRegion[], deadline: Deadline): Promise<RegionsRead> {
  const outcome: RegionsRead = { found: [], unreadable: 0, timedOut: false, read: 0 };
  let spent = 0;
  for (const region of regions) {
    const { scale, pixels } = planScale(region.rect.width, region.rect.height, region.module);
    if (outcome.read >= MAX_REGIONS || spent + pixels > MAX_TOTAL_REGION_PIXELS) {
      outcome.unreadable += region.complete ? 1 : 0;
      continue;
    }
    if (deadline.passed()) return { ...outcome, timedOut: true };
    spent += pixels;
    outcome.read++;
    const codes = await readScaled(grey, region.rect, scale);
    outcome.found.push(...codes);
    if (codes.length === 0 && region.complete) outcome.unreadable++;
  }
  return outcome;
}

interface RegionsRead { found: FoundCode[]; unreadable: number; timedOut: boolean; read: number }

function startDeadlineFor(options: QrDecodeOptions): Deadline {
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  if (typeof budgetMs !== 'number' || !Number.isFinite(budgetMs) || budgetMs < 0) {
    throw new QrError('invalid_options', `budgetMs must be a number of milliseconds, 0 or more; got ${String(budgetMs)}.`);
  }
  return startDeadline(budgetMs, options.now ?? (() => performance.now()));
}
