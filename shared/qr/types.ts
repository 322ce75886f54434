// Plain data the decoder takes and gives: an ImageData-shaped frame in, texts out.
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface QrDecodeOptions {
  /** Time the decoder may spend, in milliseconds of `now`; 1500 by default. */
  budgetMs?: number;
  /** Clock in milliseconds; `performance.now` by default. Tests inject their own. */
  now?: () => number;
}

export interface QrDecodeResult {
  /** Every distinct QR text found, in reading order (rows top to bottom, left to right within a row). */
  texts: string[];
  /** True when the budget ran out before every useful pass had run. */
  timedOut: boolean;
  /** The passes that ran, in order, e.g. ['zxing', 'jsqr', 'crops-2x']. */
  passes: string[];
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A code found by a pass, with its centre and height in the coordinates of the frame. */
export interface FoundCode {
  text: string;
  centreX: number;
  centreY: number;
  height: number;
}
