// "Scan from an image": a QR code saved as a picture (file picker, drag and drop, paste), read in the page itself.
import { decodeQrCodes } from '#shared/qr/index.ts';
import { ensureDecoder } from './decoder-setup';
import { buildScanResult } from './findings';
import { pixelsFromImage } from './pixels-from-image';
import type { ScanResult } from './types';
import type { KeyValueArea } from '../storage/area';

export interface ImageScanOptions {
  /** Where export progress is kept: the session area in the extension. */
  progress: KeyValueArea;
}

/** Throws CaptureError ('unreadable_image', 'image_too_large') for a file that is not a usable picture. */
export async function decodeImageBlob(blob: Blob, options: ImageScanOptions): Promise<ScanResult> {
  await ensureDecoder().catch(() => undefined);
  const image = await pixelsFromImage(blob);
  const decoded = await decodeQrCodes(image);
  return buildScanResult(decoded, { tabUrl: null, progress: options.progress }, ({ unreadable }) =>
    unreadable > 0
      ? 'The QR code in this picture is too small or blurred to read: use a sharper or larger image of it.'
      : 'No QR code found in this picture: use a sharper or larger image, with the whole code in it.');
}
