// The TOTP accounts the demo site issues: what its enrolment QR code and pairing hand to an authenticator, and what
// its code step accepts. Standard settings, so any authenticator app works with it.
import type { Algorithm, Digits } from '../otp/types';

export const SITE_TOTP = {
  issuer: 'Tessera Demo',
  algorithm: 'SHA1' as Algorithm,
  digits: 6 as Digits,
  period: 30,
  /** 160 bits, as RFC 4226 recommends for HMAC-SHA1. */
  secretBytes: 20,
  /** Codes of this many steps before or after the current one are accepted too (clock drift). */
  driftSteps: 1,
} as const;
