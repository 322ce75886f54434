// Overlapping tiles for the crop passes. Half-tile overlap means any code up to half a tile wide
// lies wholly inside at least one tile. Tiles near the centre come first: when the budget runs
// out part way, the likeliest places (a code in the middle of a page or a dialog) have been read.
import type { Rect } from './types';

export const TILE_SIZE = 400;

function starts(length: number, tile: number): number[] {
  if (length <= tile) return [0];
  const stride = tile / 2;
  const result: number[] = [];
  for (let at = 0; at + tile < length; at += stride) result.push(at);
  result.push(length - tile);
  return result;
}

export function planTiles(width: number, height: number, tileSize = TILE_SIZE): Rect[] {
  const tileWidth = Math.min(tileSize, width);
  const tileHeight = Math.min(tileSize, height);
  const tiles: Rect[] = [];
  for (const y of starts(height, tileHeight)) {
    for (const x of starts(width, tileWidth)) tiles.push({ x, y, width: tileWidth, height: tileHeight });
  }
  const distance = (tile: Rect) => Math.hypot(tile.x + tile.width / 2 - width / 2, tile.y + tile.height / 2 - height / 2);
  return tiles.sort((a, b) => distance(a) - distance(b));
}
