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
  budgetMs?: number;
}

/** Throws CaptureError ('unreadable_image', 'image_too_large') for a file that is not a usable picture. */
export async function decodeImageBlob(blob: Blob, options: ImageScanOptions): Promise<ScanResult> {
  await ensureDecoder().catch(() => undefined);
  const image = await pixelsFromImage(blob);
  // A saved picture has no tab to stand by for: a longer budget than a click, for large photos.
  const decoded = await decodeQrCodes(image, { budgetMs: options.budgetMs ?? 3000 });
  return buildScanResult(decoded, { tabUrl: null, progress: options.progress }, () =>
    'No QR code found in this picture: use a sharper or larger image, with the whole code in it.');
}
