// The baseline every QR figure is measured against, in the same run: the pipeline of the most used QR-scanning
// extension, qrcode-reader on the frame, then one jsQR pass over the whole frame if it read nothing.
import jsQR from 'jsqr';
import QrCode from 'qrcode-reader';

interface Frame { data: Uint8ClampedArray; width: number; height: number }

export function popularPipeline(image: Frame): string[] {
  const reader = new QrCode();
  let text: string | undefined;
  try {
    const result = reader.decode(image) as { result?: string } | string | undefined;
    text = typeof result === 'string' ? result : result?.result;
  } catch {
    text = undefined;
  }
  if (text) return [text];
  const found = jsQR(image.data, image.width, image.height);
  return found ? [found.data] : [];
}
