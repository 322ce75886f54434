// What the background answers a scan request (messaging/messages.ts) with.
import type { ScanResult } from './types';

export type CaptureFailure = { error: { code: string; message: string } };
export type ScanTabResponse = ScanResult | CaptureFailure;
/** `cancelled` when the user pressed Esc (or the box could not be drawn on that page). */
export type ScanRegionResponse = ScanResult | { cancelled: true } | CaptureFailure;

export function isCaptureFailure(response: unknown): response is CaptureFailure {
  return typeof response === 'object' && response !== null && 'error' in response;
}
