import { CodedError } from '#shared/coded-error.ts';

// Errors of QR capture: a stable `code` for the popup, a message that says what to do next.
export type CaptureErrorCode =
  | 'invalid_request'
  | 'tab_not_visible'
  | 'capture_refused'
  | 'unreadable_image'
  | 'image_too_large'
  | 'region_unavailable'
  | 'decoder_failed';

export class CaptureError extends CodedError<CaptureErrorCode> {
  override readonly name = 'CaptureError';
}

/** The plain form sent back to the popup; anything unexpected gets a generic message, never its internals. */
export function describeCaptureError(error: unknown): { code: string; message: string } {
  if (error instanceof CaptureError) return { code: error.code, message: error.message };
  return { code: 'decoder_failed', message: 'The scan failed: reload the page and try again, or use "Scan from an image".' };
}
