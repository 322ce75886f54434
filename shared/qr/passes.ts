// The decoder's passes. Each returns what it found, in frame coordinates; decode.ts decides which run.
import { scaleUp, type GreyImage } from './pixels';
import type { FoundCode, Rect, RgbaImage } from './types';
import { readWithZxing } from './zxing-engine';

/** ZXing on the whole frame, at full size and downscaled, both ways round (dark on light and light on dark). */
export function readFrame(image: RgbaImage): Promise<FoundCode[]> {
  return readWithZxing(image, 'frame');
}

/** ZXing on one rectangle of the grey frame, scaled up by `scale` (bilinear). */
export async function readScaled(grey: GreyImage, rect: Rect, scale: number): Promise<FoundCode[]> {
  const codes = await readWithZxing(scaleUp(grey, rect, scale), 'region');
  return codes.map((code) => ({
    text: code.text,
    centreX: rect.x + code.centreX / scale,
    centreY: rect.y + code.centreY / scale,
    height: code.height / scale,
  }));
}
