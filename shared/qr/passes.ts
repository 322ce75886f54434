// The three passes. Each returns what it found, in frame coordinates; the caller decides which run.
import jsQR from 'jsqr';
import type { Budget } from './budget';
import { estimateCropMs } from './cost-model';
import { scaleUp, type GreyImage } from './pixels';
import { planTiles } from './tiles';
import type { FoundCode, RgbaImage } from './types';
import { readWithZxing } from './zxing-engine';

export const CROP_SCALES = [2, 3, 4] as const;

export function readFrameWithZxing(image: RgbaImage): Promise<FoundCode[]> {
  return readWithZxing(image, 'frame');
}

/** jsQR finds at most one code a call; it is a second opinion, not the main reader. */
export function readFrameWithJsqr(image: RgbaImage): FoundCode[] {
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  if (!code || code.data.length === 0) return [];
  const { topLeftCorner, bottomRightCorner, topRightCorner, bottomLeftCorner } = code.location;
  const top = Math.min(topLeftCorner.y, topRightCorner.y);
  const bottom = Math.max(bottomLeftCorner.y, bottomRightCorner.y);
  return [{
    text: code.data,
    centreX: (topLeftCorner.x + topRightCorner.x + bottomLeftCorner.x + bottomRightCorner.x) / 4,
    centreY: (top + bottom) / 2,
    height: bottom - top,
  }];
}

export interface CropRound {
  found: FoundCode[];
  tilesRead: number;
  /** False when the budget ran out before every tile of this scale was read. */
  complete: boolean;
}

/**
 * Reads each tile scaled up by `scale` until the tiles or the budget run out. The estimate for the next
 * tile is the slowest tile so far (or, for the first, ZXing's per-pixel time on the frame).
 */
export async function readScaledTiles(grey: GreyImage, scale: number, budget: Budget, msPerPixel: number): Promise<CropRound> {
  const found: FoundCode[] = [];
  let slowest = 0;
  let tilesRead = 0;
  for (const tile of planTiles(grey.width, grey.height)) {
    const pixels = tile.width * tile.height * scale * scale;
    const estimate = Math.max(slowest, estimateCropMs(msPerPixel, pixels));
    if (!budget.affords(estimate)) return { found, tilesRead, complete: false };
    const { value, ms } = await budget.time(() => readWithZxing(scaleUp(grey, tile, scale), 'crop'));
    slowest = Math.max(slowest, ms);
    tilesRead++;
    for (const code of value) {
      found.push({
        text: code.text,
        centreX: tile.x + code.centreX / scale,
        centreY: tile.y + code.centreY / scale,
        height: code.height / scale,
      });
    }
  }
  return { found, tilesRead, complete: true };
}
