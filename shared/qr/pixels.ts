// Pixel work around ZXing: a large frame halved for its first read; grey levels for the finder scan, then regions
// scaled up (bilinear).
import type { Rect, RgbaImage } from './types';

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Luma with the same weights ZXing uses, so the scaled regions look to it like the frame did. */
export function toGrey(image: RgbaImage): GreyImage {
  const { data, width, height } = image;
  const grey = new Uint8Array(width * height);
  if (data.byteOffset % 4 === 0 && LITTLE_ENDIAN) {
    // One load a pixel instead of three: about a third faster on a 2560x1440 frame.
    const words = new Uint32Array(data.buffer, data.byteOffset, grey.length);
    for (let i = 0; i < grey.length; i++) {
      const rgba = words[i];
      grey[i] = (306 * (rgba & 255) + 601 * ((rgba >>> 8) & 255) + 117 * ((rgba >>> 16) & 255) + 512) >> 10;
    }
  } else {
    for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = (306 * data[p] + 601 * data[p + 1] + 117 * data[p + 2] + 512) >> 10;
  }
  return { data: grey, width, height };
}

/**
 * Under this many grey levels between its darkest and lightest pixel, a frame holds nothing readable. Measured, ZXing
 * reads codes of 23 levels of contrast and none of 20 (its binarizer takes blocks of under 24 for background).
 */
export const MIN_FRAME_CONTRAST = 16;

/** True for a frame of one flat colour (a blank tab, a page still white): no pass can read anything in it. */
export function isFlat(image: RgbaImage): boolean {
  const { data } = image;
  let darkest = 255, lightest = 0;
  let previous = -1; // the last pixel's colour as a word: runs of one colour (most of a flat frame) cost a compare
  const words = data.byteOffset % 4 === 0 ? new Uint32Array(data.buffer, data.byteOffset, data.length >> 2) : undefined;
  for (let i = 0, p = 0; p < data.length; i++, p += 4) {
    if (words) {
      if (words[i] === previous) continue;
      previous = words[i];
    }
    const value = (306 * data[p] + 601 * data[p + 1] + 117 * data[p + 2] + 512) >> 10;
    if (value < darkest) darkest = value;
    if (value > lightest) lightest = value;
    if (lightest - darkest >= MIN_FRAME_CONTRAST) return false;
  }
  return true;
}

/**
 * The rectangle scaled up by `factor` with bilinear interpolation, as RGBA.
 * Bilinear rather than nearest-neighbour: at 1.25-1.5 px a module, anti-aliased edges are half-grey and
 * nearest-neighbour turns them into uneven module widths; measured, bilinear read every case nearest read and more.
 */
export function scaleUp(grey: GreyImage, rect: Rect, factor: number): RgbaImage {
  const outWidth = Math.round(rect.width * factor);
  const outHeight = Math.round(rect.height * factor);
  const out = new Uint8ClampedArray(outWidth * outHeight * 4);
  const pixels = new Uint32Array(out.buffer); // one store a pixel
  const columns = sampleAxis(outWidth, rect.width, factor);
  const rows = sampleAxis(outHeight, rect.height, factor);
  const { data, width } = grey;
  for (let oy = 0; oy < outHeight; oy++) {
    const row0 = (rect.y + rows.near[oy]) * width + rect.x;
    const row1 = (rect.y + rows.far[oy]) * width + rect.x;
    const fy = rows.weight[oy];
    let o = oy * outWidth;
    for (let ox = 0; ox < outWidth; ox++, o++) {
      const x0 = columns.near[ox], x1 = columns.far[ox], fx = columns.weight[ox];
      const top = data[row0 + x0] + (data[row0 + x1] - data[row0 + x0]) * fx;
      const bottom = data[row1 + x0] + (data[row1 + x1] - data[row1 + x0]) * fx;
      const value = (top + (bottom - top) * fy + 0.5) | 0;
      pixels[o] = greyPixel(value);
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}

// For each output position along one axis: the two source pixels either side and the weight of the far one.
function sampleAxis(outLength: number, inLength: number, factor: number): { near: Int32Array; far: Int32Array; weight: Float32Array } {
  const near = new Int32Array(outLength), far = new Int32Array(outLength), weight = new Float32Array(outLength);
  const last = inLength - 1;
  for (let o = 0; o < outLength; o++) {
    const source = Math.min(last, Math.max(0, (o + 0.5) / factor - 0.5));
    near[o] = Math.floor(source);
    far[o] = Math.min(last, near[o] + 1);
    weight[o] = source - near[o];
  }
  return { near, far, weight };
}

/**
 * The frame at half size, in grey, as RGBA for ZXing: each pixel the luma of a 2x2 block's mean colour. Made from the
 * colours directly, so a frame read at half size never needs its full-size grey levels.
 */
export function halve(image: RgbaImage): RgbaImage {
  const width = image.width >> 1, height = image.height >> 1;
  const out = new Uint8ClampedArray(width * height * 4);
  const pixels = new Uint32Array(out.buffer);
  const { data } = image;
  const stride = image.width * 4;
  for (let y = 0; y < height; y++) {
    let top = 2 * y * stride;
    for (let x = 0, o = y * width; x < width; x++, o++, top += 8) {
      const bottom = top + stride;
      const r = data[top] + data[top + 4] + data[bottom] + data[bottom + 4];
      const g = data[top + 1] + data[top + 5] + data[bottom + 1] + data[bottom + 5];
      const b = data[top + 2] + data[top + 6] + data[bottom + 2] + data[bottom + 6];
      pixels[o] = greyPixel((306 * r + 601 * g + 117 * b + 2048) >> 12);
    }
  }
  return { data: out, width, height };
}

// One opaque pixel with this grey in R, G and B, as a 32-bit word in the platform's byte order.
function greyPixel(value: number): number {
  return LITTLE_ENDIAN ? (0xff000000 | (value << 16) | (value << 8) | value) >>> 0 : ((value << 24) | (value << 16) | (value << 8) | 0xff) >>> 0;
}

/** A copy of the rectangle at full resolution. */
export function cropImage(image: RgbaImage, rect: Rect): RgbaImage {
  const out = new Uint8ClampedArray(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++) {
    const start = ((rect.y + y) * image.width + rect.x) * 4;
    out.set(image.data.subarray(start, start + rect.width * 4), y * rect.width * 4);
  }
  return { data: out, width: rect.width, height: rect.height };
}
