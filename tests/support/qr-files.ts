// Writes test frames to PNG and JPEG files in a fresh temporary folder.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { RgbaImage } from '#shared/qr/index.ts';

export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png);
}

export function encodeJpeg(image: RgbaImage, quality = 85): Buffer {
  return jpeg.encode({ data: image.data, width: image.width, height: image.height }, quality).data;
}

export interface ImageFolder {
  dir: string;
  write(name: string, bytes: Uint8Array | string): string;
  remove(): void;
}

export function createImageFolder(): ImageFolder {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-qr-'));
  return {
    dir,
    write(name, bytes) {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
