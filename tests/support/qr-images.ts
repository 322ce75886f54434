// Screen-like test frames with QR codes painted at chosen module sizes, colours and positions.
// Shared by the decoder's tests, its benchmark and the extension's capture tests.
import QRCode from 'qrcode';
import type { RgbaImage } from '#shared/qr/index.ts';

export type Rgb = readonly [number, number, number];
export type Background = Rgb | 'noise' | 'busy' | 'text';

export interface QrPaint {
  text: string;
  x: number; // left edge of the quiet zone, in pixels
  y: number;
  moduleSize: number; // pixels per module; fractional sizes are drawn the way a scaled screenshot looks
  errorCorrection?: 'L' | 'M' | 'Q' | 'H';
  dark?: Rgb;
  light?: Rgb;
  quietZone?: number; // modules of light margin, 4 by default
  antialias?: boolean; // blend edge pixels by coverage (as browsers scale images); true by default
  rotate?: number; // degrees clockwise about the code's centre (a photo, a CSS transform)
}

export interface PaintedQr { x: number; y: number; size: number; modules: number }

/** A seeded generator so every frame is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFrame(width: number, height: number, background: Background = [255, 255, 255], seed = 1): RgbaImage {
  const image: RgbaImage = { data: new Uint8ClampedArray(width * height * 4), width, height };
  if (background === 'noise') paintNoise(image, seededRandom(seed));
  else if (background === 'busy') paintBusy(image, seededRandom(seed));
  else if (background === 'text') paintText(image, seededRandom(seed));
  else fillRect(image, 0, 0, width, height, background);
  return image;
}

export function fillRect(image: RgbaImage, x: number, y: number, w: number, h: number, colour: Rgb): void {
  const x0 = Math.max(0, Math.round(x)), y0 = Math.max(0, Math.round(y));
  const x1 = Math.min(image.width, Math.round(x + w)), y1 = Math.min(image.height, Math.round(y + h));
  for (let py = y0; py < y1; py++) {
    for (let px = x0; px < x1; px++) setPixel(image, px, py, colour);
  }
}

/** The module matrix `qrcode` would print for this text. */
export function qrMatrix(text: string, errorCorrection: QrPaint['errorCorrection'] = 'M'): { size: number; isDark(row: number, col: number): boolean } {
  const code = QRCode.create(text, { errorCorrectionLevel: errorCorrection });
  const { size, data } = code.modules;
  return { size, isDark: (row, col) => data[row * size + col] === 1 };
}

/** Paints a code (quiet zone included) into the frame; returns where it landed. */
export function paintQr(image: RgbaImage, paint: QrPaint): PaintedQr {
  const matrix = qrMatrix(paint.text, paint.errorCorrection);
  const quiet = paint.quietZone ?? 4;
  const dark = paint.dark ?? [0, 0, 0];
  const light = paint.light ?? [255, 255, 255];
  const modules = matrix.size + 2 * quiet;
  const size = modules * paint.moduleSize;
  const samples = paint.antialias === false ? 1 : 4;
  const darkAt = (mx: number, my: number): boolean => {
    const col = Math.floor(mx) - quiet, row = Math.floor(my) - quiet;
    return col >= 0 && row >= 0 && col < matrix.size && row < matrix.size && matrix.isDark(row, col);
  };
  const angle = ((paint.rotate ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const centre = { x: paint.x + size / 2, y: paint.y + size / 2 };
  const reach = (size / 2) * (Math.abs(cos) + Math.abs(sin)); // half the turned square's bounding box
  for (let py = Math.floor(centre.y - reach); py < Math.ceil(centre.y + reach); py++) {
    for (let px = Math.floor(centre.x - reach); px < Math.ceil(centre.x + reach); px++) {
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      let coverage = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          // The sample point turned back into the code's own, upright coordinates.
          const ux = px + (sx + 0.5) / samples - centre.x, uy = py + (sy + 0.5) / samples - centre.y;
          const mx = (ux * cos + uy * sin + size / 2) / paint.moduleSize;
          const my = (-ux * sin + uy * cos + size / 2) / paint.moduleSize;
          if (mx < 0 || my < 0 || mx >= modules || my >= modules) continue;
          coverage += darkAt(mx, my) ? 1 : 0;
        }
      }
      const t = coverage / (samples * samples);
      setPixel(image, px, py, [mix(light[0], dark[0], t), mix(light[1], dark[1], t), mix(light[2], dark[2], t)]);
    }
  }
  return { x: paint.x, y: paint.y, size, modules };
}

/** A frame of the given size holding one code, centred unless told where. */
export function frameWithQr(width: number, height: number, paint: Omit<QrPaint, 'x' | 'y'> & { x?: number; y?: number }, background: Background = [255, 255, 255]): RgbaImage {
  const image = createFrame(width, height, background);
  const modules = qrMatrix(paint.text, paint.errorCorrection).size + 2 * (paint.quietZone ?? 4);
  const size = modules * paint.moduleSize;
  paintQr(image, { ...paint, x: paint.x ?? Math.round((width - size) / 2), y: paint.y ?? Math.round((height - size) / 2) });
  return image;
}

/** Light-on-dark copy of a frame. */
export function invertImage(image: RgbaImage): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = 255 - data[i]; data[i + 1] = 255 - data[i + 1]; data[i + 2] = 255 - data[i + 2];
  }
  return { data, width: image.width, height: image.height };
}

function paintNoise(image: RgbaImage, random: () => number): void {
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = random() * 256; image.data[i + 1] = random() * 256; image.data[i + 2] = random() * 256; image.data[i + 3] = 255;
  }
}

// Photo-like clutter: a gradient, many overlapping blocks, and rows of small dark marks that look like text.
function paintBusy(image: RgbaImage, random: () => number): void {
  const { width, height } = image;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) setPixel(image, x, y, [(x * 255) / width, (y * 255) / height, 160]);
  }
  for (let i = 0; i < 400; i++) {
    const colour: Rgb = [random() * 256, random() * 256, random() * 256];
    fillRect(image, random() * width, random() * height, 8 + random() * 120, 8 + random() * 90, colour);
  }
  for (let line = 0; line < height / 14; line++) {
    for (let x = 4; x < width - 8; x += 4 + Math.floor(random() * 7)) {
      if (random() < 0.3) continue;
      fillRect(image, x, line * 14 + 3, 2 + random() * 4, 6 + random() * 3, [20, 20, 20]);
    }
  }
}

// A page of text: lines of words whose letters are stems, bowls (rings like o, e, a) and arches, in dark grey on
// white, the shapes a finder-pattern search could mistake for the nested squares of a code.
function paintText(image: RgbaImage, random: () => number): void {
  fillRect(image, 0, 0, image.width, image.height, [255, 255, 255]);
  const ink: Rgb = [34, 34, 34];
  for (let top = 24, size = 9; top + 2 * size < image.height; top += Math.round(size * 1.9)) {
    if (random() < 0.1) size = 7 + Math.floor(random() * 8); // a heading or a smaller line now and then
    for (let x = 24; x + size < image.width - 24; ) {
      const letters = 2 + Math.floor(random() * 8);
      for (let i = 0; i < letters && x + size < image.width - 24; i++, x += Math.round(size * 0.7)) paintLetter(image, x, top, size, random(), ink);
      x += size;
    }
  }
}

function paintLetter(image: RgbaImage, x: number, top: number, size: number, pick: number, ink: Rgb): void {
  const stroke = Math.max(1, Math.round(size / 8));
  const width = Math.round(size * 0.55);
  const xHeight = Math.round(size * 0.6);
  const base = top + size;
  if (pick < 0.45) { // a bowl: o, e, a, c
    fillRect(image, x, base - xHeight, width, stroke, ink);
    fillRect(image, x, base - stroke, width, stroke, ink);
    fillRect(image, x, base - xHeight, stroke, xHeight, ink);
    if (pick < 0.3) fillRect(image, x + width - stroke, base - xHeight, stroke, xHeight, ink);
    if (pick < 0.12) fillRect(image, x, base - Math.round(xHeight / 2), width, stroke, ink);
  } else if (pick < 0.7) { // an arch: n, m, h
    fillRect(image, x, base - xHeight, stroke, xHeight, ink);
    fillRect(image, x, base - xHeight, width, stroke, ink);
    fillRect(image, x + width - stroke, base - xHeight, stroke, xHeight, ink);
    if (pick > 0.6) fillRect(image, x, top, stroke, size, ink);
  } else { // a stem: l, i, t, with a dot or a bar
    fillRect(image, x + Math.round(width / 3), pick < 0.85 ? top : base - xHeight, stroke, pick < 0.85 ? size : xHeight, ink);
    if (pick > 0.92) fillRect(image, x, base - xHeight, width, stroke, ink);
  }
}

function setPixel(image: RgbaImage, x: number, y: number, colour: Rgb): void {
  const i = (y * image.width + x) * 4;
  image.data[i] = colour[0]; image.data[i + 1] = colour[1]; image.data[i + 2] = colour[2]; image.data[i + 3] = 255;
}

function mix(from: number, to: number, t: number): number {
  return Math.round(from + (to - from) * t);
}
