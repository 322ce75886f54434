// The decoder's passes. Each returns what it found, in frame coordinates; decode.ts decides which run.
import { halve, scaleUp, type GreyImage } from './pixels';
import type { FoundCode, Rect, RgbaImage } from './types';
import { readWithZxing } from './zxing-engine';

/** ZXing on the whole frame, both ways round (dark on light and light on dark), and downscaled. */
export function readFrame(image: RgbaImage): Promise<FoundCode[]> {
  return readWithZxing(image, { downscale: true });
}

/** ZXing on the frame at half size (and its own downscaled reads): a high-DPI capture draws codes with 2x2 pixels. */
export async function readHalved(image: RgbaImage): Promise<FoundCode[]> {
  const codes = await readWithZxing(halve(image), { downscale: true });
  return codes.map((code) => rescale(code, { x: 0, y: 0 }, 0.5));
}

/** ZXing on one rectangle of the grey frame, scaled up by `scale` (bilinear). */
export async function readScaled(grey: GreyImage, rect: Rect, scale: number): Promise<FoundCode[]> {
  const codes = await readWithZxing(scaleUp(grey, rect, scale), { downscale: false });
  return codes.map((code) => rescale(code, rect, scale));
}

// From the coordinates of an image scaled by `scale` whose origin is `at` in the frame, back to the frame's.
function rescale(code: FoundCode, at: { x: number; y: number }, scale: number): FoundCode {
  return { text: code.text, centreX: at.x + code.centreX / scale, centreY: at.y + code.centreY / scale, height: code.height / scale };
}
