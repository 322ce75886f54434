export type OtpType = 'totp' | 'hotp';
export type Algorithm = 'SHA1' | 'SHA256' | 'SHA512';
export type Digits = 6 | 7 | 8;

/** One authenticator account, as an otpauth:// URI describes it. */
export interface OtpAccount {
  type: OtpType;
  /** Who issued it ("GitHub"); '' when the URI names none. */
  issuer: string;
  /** The account name within the issuer ("alice@example.com"). */
  account: string;
  /** Canonical Base32: upper case, no padding, no separators. */
  secret: string;
  algorithm: Algorithm;
  digits: Digits;
  /** TOTP time step in seconds (30 for HOTP accounts, where it is unused). */
  period: number;
  /** HOTP moving factor (0 for TOTP accounts, where it is unused). */
  counter: number;
}

export const ALGORITHMS: readonly Algorithm[] = ['SHA1', 'SHA256', 'SHA512'];
export const DEFAULT_PERIOD = 30;
export const MIN_PERIOD = 1;
export const MAX_PERIOD = 300;
/** Real sites issue 80-bit secrets; RFC 4226 asks for 128 bits but an authenticator must still read them. */
export const MIN_SECRET_BYTES = 10;
export const MAX_SECRET_BYTES = 128;
