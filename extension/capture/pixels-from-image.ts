// A picture (a tab capture's data URL, or a file the user picked, dropped or pasted) as RGBA pixels.
// createImageBitmap and OffscreenCanvas exist in the service worker and in pages alike.
import type { RgbaImage } from '#shared/qr/index.ts';
import { decodeBase64 } from '#shared/bytes.ts';
import { CaptureError } from './errors';

/** Bigger pictures are refused before their pixels are copied out for decoding (50 megapixels are 200 MB of RGBA). */
export const MAX_IMAGE_PIXELS = 50_000_000;

export async function pixelsFromImage(source: string | Blob): Promise<RgbaImage> {
  const blob = typeof source === 'string' ? blobFromDataUrl(source) : source;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob);
  } catch (error) {
    throw new CaptureError('unreadable_image', 'This file is not a picture Tessera can read: use a PNG, JPEG, GIF or WebP image of the QR code.', { cause: error });
  }
  try {
    const { width, height } = bitmap;
    if (width * height > MAX_IMAGE_PIXELS) {
      throw new CaptureError('image_too_large', `The picture is ${width}x${height} pixels, too large to scan: crop it to the QR code.`);
    }
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new CaptureError('unreadable_image', 'The browser could not open the picture: try again.');
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}

function blobFromDataUrl(dataUrl: string): Blob {
  // Captures and the page's pictures both come as Base64 data URLs. Decoded here rather than fetched: fetching a
  // capture's data URL took longer than unpacking its PNG.
  const match = /^data:(image\/[\w.+-]+);base64,/.exec(dataUrl);
  if (match) {
    try {
      return new Blob([decodeBase64(dataUrl.slice(match[0].length))], { type: match[1] });
    } catch {
      // said below
    }
  }
  throw new CaptureError('unreadable_image', 'The capture of the page was not a picture: try the scan again.');
}
