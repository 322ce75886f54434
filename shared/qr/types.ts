// Plain data the decoder takes and gives: an ImageData-shaped frame in, texts out.
export interface RgbaImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface QrDecodeOptions {
  /**
   * Safety net, in milliseconds of `now` (10,000 by default): no region is started after it. What the decoder reads
   * is decided by the frame, not the clock; only a machine far slower than intended ever reaches this.
   */
  budgetMs?: number;
  /** Clock in milliseconds; `performance.now` by default. Tests inject their own. */
  now?: () => number;
}

export interface QrDecodeResult {
  /** Every distinct QR text found, in reading order (rows top to bottom, left to right within a row). */
  texts: string[];
  /**
   * The passes that ran, in order: 'zxing-half' (a large frame, whole, at half size) or 'zxing' (a smaller one, whole),
   * then 'finders', 'regions', and for a selected box 'box'; only 'flat' for a frame of one flat colour.
   */
  passes: string[];
  /** Whole codes outlined by three finder patterns that nothing could read: too small, blurred or damaged. */
  unreadable: number;
  /** The safety net's time limit stopped the search before every planned region was read. */
  timedOut: boolean;
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
