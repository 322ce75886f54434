// Local thresholds for telling dark from light: per 8x8 block, the midpoint of the darkest and lightest grey in the
// 5x5 blocks around it. A midpoint (not a mean) keeps one-pixel modules whose edges are half grey; a window with
// too little contrast to hold a code gets no threshold at all, so flat areas are skipped outright.
import type { GreyImage } from './pixels';

export interface Thresholds {
  /** Per block: pixels darker than this are dark; -1 where the window is too flat to hold a code. */
  levels: Int16Array;
  columns: number;
  /** log2 of the block size. */
  shift: number;
}

const SHIFT = 3;
const BLOCK = 1 << SHIFT;
const RADIUS = 2; // blocks each side: a 40x40 px window
/** Less contrast than this (of 255) is paper texture, gradients or JPEG noise, not modules. */
const MIN_CONTRAST = 40;

export function thresholdBlocks(grey: GreyImage): Thresholds {
  const columns = Math.ceil(grey.width / BLOCK);
  const rows = Math.ceil(grey.height / BLOCK);
  const { low, high } = blockExtremes(grey, columns, rows);
  const windowLow = spread(spread(low, columns, rows, 1, Math.min), columns, rows, columns, Math.min);
  const windowHigh = spread(spread(high, columns, rows, 1, Math.max), columns, rows, columns, Math.max);
  const levels = new Int16Array(columns * rows);
  for (let i = 0; i < levels.length; i++) {
    levels[i] = windowHigh[i] - windowLow[i] < MIN_CONTRAST ? -1 : (windowHigh[i] + windowLow[i] + 1) >> 1;
  }
  return { levels, columns, shift: SHIFT };
}

function blockExtremes(grey: GreyImage, columns: number, rows: number): { low: Uint8Array; high: Uint8Array } {
  const low = new Uint8Array(columns * rows).fill(255);
  const high = new Uint8Array(columns * rows);
  const { data, width, height } = grey;
  for (let y = 0; y < height; y++) {
    const blockRow = (y >> SHIFT) * columns;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const value = data[row + x];
      const block = blockRow + (x >> SHIFT);
      if (value < low[block]) low[block] = value;
      if (value > high[block]) high[block] = value;
    }
  }
  return { low, high };
}

// Each block takes the min (or max) of the blocks within RADIUS along one axis (stride 1: rows, stride columns: columns).
function spread(values: Uint8Array, columns: number, rows: number, stride: number, pick: (a: number, b: number) => number): Uint8Array {
  const out = new Uint8Array(values.length);
  const along = stride === 1 ? columns : rows;
  for (let i = 0; i < values.length; i++) {
    const at = stride === 1 ? i % columns : Math.floor(i / columns);
    let value = values[i];
    for (let d = -RADIUS; d <= RADIUS; d++) {
      if (d !== 0 && at + d >= 0 && at + d < along) value = pick(value, values[i + d * stride]);
    }
    out[i] = value;
  }
  return out;
}
