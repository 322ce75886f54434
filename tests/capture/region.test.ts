// The box the user drew in CSS pixels becomes the right rectangle of the captured frame.
import { describe, expect, it } from 'vitest';
import { toCaptureRect, type RegionSelection } from '../../extension/capture/region';
import { CaptureError } from '../../extension/capture/errors';

const view = { viewportWidth: 1280, viewportHeight: 800, devicePixelRatio: 1 };
const box = (x: number, y: number, width: number, height: number, extra: Partial<RegionSelection> = {}): RegionSelection =>
  ({ x, y, width, height, ...view, ...extra });

describe('toCaptureRect', () => {
  it('keeps CSS pixels when the frame is as wide as the viewport', () => {
    expect(toCaptureRect(box(100, 50, 200, 150), { width: 1280, height: 800 })).toEqual({ x: 100, y: 50, width: 200, height: 150 });
  });

  it('scales by the device pixel ratio (a frame twice as wide)', () => {
    expect(toCaptureRect(box(100, 50, 200, 150, { devicePixelRatio: 2 }), { width: 2560, height: 1600 })).toEqual({ x: 200, y: 100, width: 400, height: 300 });
  });

  it('rounds outwards at fractional ratios, so no edge module is lost (125 % zoom)', () => {
    const rect = toCaptureRect(box(10.3, 10.3, 100.2, 100.2, { viewportWidth: 1024, devicePixelRatio: 1.25 }), { width: 1280, height: 800 });
    expect(rect).toEqual({ x: 12, y: 12, width: 127, height: 127 });
  });

  it('cuts a box reaching past the viewport to the frame', () => {
    expect(toCaptureRect(box(1200, 700, 200, 200), { width: 1280, height: 800 })).toEqual({ x: 1200, y: 700, width: 80, height: 100 });
  });

  it('uses the device pixel ratio when the viewport width is unknown', () => {
    expect(toCaptureRect(box(10, 10, 20, 20, { viewportWidth: 0, devicePixelRatio: 1.5 }), { width: 1920, height: 1200 })).toEqual({ x: 15, y: 15, width: 30, height: 30 });
  });

  it('refuses a click without a box, and a box off the page, with a message saying what to do', () => {
    expect(() => toCaptureRect(box(10, 10, 3, 3), { width: 1280, height: 800 })).toThrow(CaptureError);
    expect(() => toCaptureRect(box(10, 10, 3, 3), { width: 1280, height: 800 })).toThrow(/drag a box around the whole QR code/);
    expect(() => toCaptureRect(box(2000, 10, 50, 50), { width: 1280, height: 800 })).toThrow(/outside the visible page/);
  });
});
