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
  const windowLow = spreadColumns(spreadRows(low, columns, true), columns, true);
  const windowHigh = spreadColumns(spreadRows(high, columns, false), columns, false);
  const levels = new Int16Array(columns * rows);
  for (let i = 0; i < levels.length; i++) {
    levels[i] = windowHigh[i] - windowLow[i] < MIN_CONTRAST ? -1 : (windowHigh[i] + windowLow[i] + 1) >> 1;
  }
  return { levels, columns, shift: SHIFT };
}

// Block by block, so each block's darkest and lightest stay in locals and are written once.
function blockExtremes(grey: GreyImage, columns: number, rows: number): { low: Uint8Array; high: Uint8Array } {
  const low = new Uint8Array(columns * rows);
  const high = new Uint8Array(columns * rows);
  const { data, width, height } = grey;
  for (let by = 0; by < rows; by++) {
    const y0 = by * BLOCK, y1 = Math.min(height, y0 + BLOCK);
    for (let bx = 0; bx < columns; bx++) {
      const x0 = bx * BLOCK, x1 = Math.min(width, x0 + BLOCK);
      let darkest = 255, lightest = 0;
      for (let y = y0; y < y1; y++) {
        for (let i = y * width + x0, end = y * width + x1; i < end; i++) {
          const value = data[i];
          if (value < darkest) darkest = value;
          if (value > lightest) lightest = value;
        }
      }
      low[by * columns + bx] = darkest;
      high[by * columns + bx] = lightest;
    }
  }
  return { low, high };
}

// Each block takes the min (or max) of the blocks within RADIUS of it along its row, then along its column.
function spreadRows(values: Uint8Array, columns: number, takeMin: boolean): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const column = i % columns;
    let value = values[i];
    for (let d = Math.max(-RADIUS, -column); d <= RADIUS && column + d < columns; d++) {
      value = takeMin ? Math.min(value, values[i + d]) : Math.max(value, values[i + d]);
    }
    out[i] = value;
  }
  return out;
}

function spreadColumns(values: Uint8Array, columns: number, takeMin: boolean): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let value = values[i];
    for (let d = -RADIUS; d <= RADIUS; d++) {
      const j = i + d * columns;
      if (j >= 0 && j < values.length) value = takeMin ? Math.min(value, values[j]) : Math.max(value, values[j]);
    }
    out[i] = value;
  }
  return out;
}
