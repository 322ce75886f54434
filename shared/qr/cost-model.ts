// Rough cost estimates, so the decoder does not start a step it cannot finish inside the budget.
// Costs are scaled from the ZXing frame pass measured a moment before on the same machine and clock.
import type { GreyImage } from './pixels';

/**
 * Share of neighbouring pixel pairs (on every 8th row) whose grey levels differ by more than 48.
 * Screens and documents score a few percent; noise and busy photos far more.
 */
export function edgeDensity(grey: GreyImage): number {
  let edges = 0;
  let pairs = 0;
  for (let y = 0; y < grey.height; y += 8) {
    const row = y * grey.width;
    for (let x = 1; x < grey.width; x++) {
      pairs++;
      if (Math.abs(grey.data[row + x] - grey.data[row + x - 1]) > 48) edges++;
    }
  }
  return pairs === 0 ? 0 : edges / pairs;
}

/**
 * jsQR's time grows with the candidate finder patterns it has to check, i.e. with edges. Measured on
 * 1280x800 frames against ZXing's frame pass: 4-7x on screen-like frames (density < 0.01), about 30x on a
 * busy photo-like frame (0.08), about 130x on noise (0.5, i.e. 2.5 s).
 */
export function estimateJsqrMs(zxingFrameMs: number, density: number): number {
  return zxingFrameMs * (8 + 250 * density);
}

/** A crop pass step costs about what ZXing took per pixel on the frame, times the step's pixels. */
export function estimateCropMs(zxingMsPerPixel: number, pixels: number): number {
  return zxingMsPerPixel * pixels * 1.5;
}
