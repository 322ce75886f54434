// Pixel work for the crop passes: grey levels once per frame, then bilinear crops scaled up.
import type { Rect, RgbaImage } from './types';

export interface GreyImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Luma with the same weights ZXing uses, so the scaled crops look to it like the frame did. */
export function toGrey(image: RgbaImage): GreyImage {
  const { data, width, height } = image;
  const grey = new Uint8Array(width * height);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) {
    grey[i] = (306 * data[p] + 601 * data[p + 1] + 117 * data[p + 2] + 512) >> 10;
  }
  return { data: grey, width, height };
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
  const { data, width } = grey;
  const lastX = rect.width - 1;
  const lastY = rect.height - 1;
  for (let oy = 0; oy < outHeight; oy++) {
    const sy = Math.min(lastY, Math.max(0, (oy + 0.5) / factor - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(lastY, y0 + 1);
    const fy = sy - y0;
    const row0 = (rect.y + y0) * width + rect.x;
    const row1 = (rect.y + y1) * width + rect.x;
    for (let ox = 0; ox < outWidth; ox++) {
      const sx = Math.min(lastX, Math.max(0, (ox + 0.5) / factor - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(lastX, x0 + 1);
      const fx = sx - x0;
      const top = data[row0 + x0] + (data[row0 + x1] - data[row0 + x0]) * fx;
      const bottom = data[row1 + x0] + (data[row1 + x1] - data[row1 + x0]) * fx;
      const value = top + (bottom - top) * fy;
      const o = (oy * outWidth + ox) * 4;
      out[o] = value;
      out[o + 1] = value;
      out[o + 2] = value;
      out[o + 3] = 255;
    }
  }
  return { data: out, width: outWidth, height: outHeight };
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
