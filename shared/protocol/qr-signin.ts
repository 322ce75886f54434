// What the site and the extension say to each other in QR sign-in and single-scan pairing (docs/qr-link.md).
// HTTP bodies are JSON; errors are { error: { code, message } } like the rest of the site's API.

/** POST /api/qr/generate (the sign-in page) and POST /api/mfa/totp/pairing (the enrolment page). */
export interface QrIssued {
  qrToken: string;
  /** The text inside the QR: tessera:signin?... or tessera:pair?... */
  qrLink: string;
  qrDataUrl: string;
  /** Unix milliseconds. */
  expiresAt: number;
}

/** POST /api/qr/scan, sent by the extension. `code` and `email` are required for sign-in, absent for pairing. */
export interface QrScanRequest {
  qrToken: string;
  email?: string;
  code?: string;
  /** What the user would recognise, e.g. "Chrome on Linux". */
  device: string;
}

export type QrScanResponse =
  | { kind: 'signin'; pin: string; pinExpiresAt: number; channelToken: string }
  | { kind: 'pair'; otpauthUri: string };

/** POST /api/qr/status {qrToken}: where a QR stands, for the browser that owns it (to anyone else it is `expired`). */
export interface QrStatusAnswer {
  state: 'waiting' | 'scanned' | 'paired' | 'locked' | 'done' | 'expired';
  device?: string;
  attemptsLeft?: number;
}

/** POST /api/pin/verify from the browser session that generated the QR. */
export interface PinVerifyRequest {
  qrToken: string;
  pin: string;
}

/** Server -> sign-in or enrolment page, over the WebSocket at /ws (authenticated by the page's cookie). */
export type PageEvent =
  | { type: 'scanned'; qrToken: string; device: string }
  | { type: 'paired'; qrToken: string; device: string }
  | { type: 'expired'; qrToken: string }
  | { type: 'locked'; qrToken: string }
  /** A second scan of a QR already scanned: it may have been copied, so the sign-in was withdrawn. */
  | { type: 'rescanned'; qrToken: string };

/**
 * The extension's channel is a WebSocket to /ws offering two subprotocols, CHANNEL_PROTOCOL and the channel token
 * (`Sec-WebSocket-Protocol: tessera.channel, <token>`): the token travels in a header, never in a URL, and the server
 * answers with CHANNEL_PROTOCOL alone.
 */
export const CHANNEL_PROTOCOL = 'tessera.channel';

/** Server -> extension, over the channel while it shows the PIN. */
export type ExtensionEvent =
  | { type: 'pin'; pin: string; pinExpiresAt: number; attemptsLeft: number }
  | { type: 'signed-in' }
  | { type: 'locked' }
  | { type: 'expired' };

export const QR_TTL_MS = 2 * 60_000;
export const PIN_TTL_MS = 2 * 60_000;
export const MAX_PIN_ATTEMPTS = 5;
/** A PIN is this many digits, typed on the page the QR was shown on. */
export const PIN_DIGITS = 6;
/** Nothing of a QR sign-in lives longer than this. */
export const QR_SESSION_MAX_MS = 10 * 60_000;
