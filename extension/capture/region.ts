// The user's box, drawn in CSS pixels on the page, as a rectangle of the captured frame's device pixels.
import type { Rect } from '#shared/qr/index.ts';
import { CaptureError } from './errors';

/** What the region-select script reports: the box and the viewport it was drawn in, in CSS pixels. */
export interface RegionSelection {
  x: number;
  y: number;
  width: number;
  height: number;
  viewportWidth: number;
  viewportHeight: number;
  devicePixelRatio: number;
}

/** Smaller than this (in CSS px) is a click, not a box. */
export const MIN_SELECTION_PX = 8;

/**
 * The box in frame pixels. The scale is the frame's width over the viewport's (it covers browser zoom and the
 * device pixel ratio at once); devicePixelRatio stands in if the viewport width is unknown. Rounded outwards
 * and cut to the frame, so no module at the edge is lost.
 */
export function toCaptureRect(selection: RegionSelection, frame: { width: number; height: number }): Rect {
  if (!isSelection(selection) || selection.width < MIN_SELECTION_PX || selection.height < MIN_SELECTION_PX) {
    throw new CaptureError('region_unavailable', 'The box is too small: drag a box around the whole QR code.');
  }
  const scale = selection.viewportWidth > 0 ? frame.width / selection.viewportWidth : selection.devicePixelRatio || 1;
  const left = Math.max(0, Math.floor(selection.x * scale));
  const top = Math.max(0, Math.floor(selection.y * scale));
  const right = Math.min(frame.width, Math.ceil((selection.x + selection.width) * scale));
  const bottom = Math.min(frame.height, Math.ceil((selection.y + selection.height) * scale));
  if (right - left < 1 || bottom - top < 1) {
    throw new CaptureError('region_unavailable', 'The box is outside the visible page: drag it over the QR code.');
  }
  return { x: left, y: top, width: right - left, height: bottom - top };
}

export function isSelection(value: unknown): value is RegionSelection {
  if (typeof value !== 'object' || value === null) return false;
  const keys = ['x', 'y', 'width', 'height', 'viewportWidth', 'viewportHeight', 'devicePixelRatio'] as const;
  return keys.every((key) => Number.isFinite((value as Record<string, unknown>)[key]));
}
