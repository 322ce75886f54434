// Node only: PNG and JPEG files to RGBA pixels, for the command line and tests.
import { readFile } from 'node:fs/promises';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { QrError } from './errors';
import type { RgbaImage } from './types';

// Screenshots of even very large screens stay far below this; it stops a crafted file from exhausting memory.
const MAX_MEGAPIXELS = 50;

type Format = 'png' | 'jpeg';

function detectFormat(bytes: Uint8Array): Format | undefined {
  if (bytes.length >= 8 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  return undefined;
}

export async function readImageFile(path: string): Promise<RgbaImage> {
  const bytes = await readBytes(path);
  const format = detectFormat(bytes);
  if (!format) {
    throw new QrError('unsupported_image', `${path} is not a PNG or JPEG image: save the screenshot or photo as .png or .jpg and try again.`);
  }
  try {
    return format === 'png' ? decodePng(bytes) : decodeJpeg(bytes);
  } catch (error) {
    const kind = format === 'png' ? 'PNG' : 'JPEG';
    throw new QrError('unreadable_image', `${path} starts like a ${kind} but could not be decoded (damaged, cut short, or over ${MAX_MEGAPIXELS} megapixels): export it again.`, { cause: error });
  }
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : 'it could not be read';
    throw new QrError('unreadable_image', `Cannot open the image ${path}: ${reason}. Check the path.`, { cause: error });
  }
}

function decodePng(bytes: Buffer): RgbaImage {
  // Width and height sit in the IHDR chunk right after the signature: refuse huge images before inflating them.
  if (bytes.length < 24 || bytes.readUInt32BE(16) * bytes.readUInt32BE(20) > MAX_MEGAPIXELS * 1_000_000) throw new Error('bad or huge header');
  const png = PNG.sync.read(bytes);
  return { data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), width: png.width, height: png.height };
}

function decodeJpeg(bytes: Buffer): RgbaImage {
  const image = jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024 });
  return { data: new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), width: image.width, height: image.height };
}
