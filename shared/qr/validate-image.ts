// Checks a frame's shape before any pass reads it, so bad input fails with a clear message.
import { QrError } from './errors';
import type { Rect, RgbaImage } from './types';

export function assertRgbaImage(image: RgbaImage): void {
  if (!image || !(image.data instanceof Uint8ClampedArray)) {
    throw new QrError('invalid_image', 'The image must be RGBA pixels: { data: Uint8ClampedArray, width, height } (as ImageData gives).');
  }
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new QrError('invalid_image', `The image size must be whole positive numbers of pixels; got ${width}x${height}.`);
  }
  if (data.length !== width * height * 4) {
    throw new QrError('invalid_image', `The image data holds ${data.length} bytes but ${width}x${height} RGBA needs ${width * height * 4}.`);
  }
}

/** The part of `rect` inside the image, in whole pixels; refuses a rectangle that misses it. */
export function clampRegion(image: RgbaImage, rect: Rect): Rect {
  const values = [rect?.x, rect?.y, rect?.width, rect?.height];
  if (values.some((value) => typeof value !== 'number' || !Number.isFinite(value))) {
    throw new QrError('invalid_region', 'The region needs finite numbers for x, y, width and height (in pixels).');
  }
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(image.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(image.height, Math.ceil(rect.y + rect.height));
  if (x1 - x0 < 1 || y1 - y0 < 1) {
    throw new QrError('invalid_region', `The region ${rect.width}x${rect.height} at (${rect.x}, ${rect.y}) does not overlap the ${image.width}x${image.height} image: select an area inside it.`);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
