// What a scan found, as plain data the popup can show: one finding per QR text, in reading order.
import type { OtpAccount } from '#shared/otp/index.ts';

/** An account read from a QR code, with the site it was captured on (empty for images and exports). */
export type CapturedAccount = OtpAccount & { sites: string[] };

/** An otpauth:// code: preview it (the popup says if its key is already in Tessera), add it on confirm. */
export interface AccountFinding {
  kind: 'account';
  account: CapturedAccount;
}

/** Where an export split over several QR codes stands after this one. */
export interface BatchProgress {
  batchId: number;
  size: number;
  /** 0-based indices of the QR codes read so far, sorted. */
  read: number[];
}

/** A Google Authenticator export (otpauth-migration://): its accounts, and its place in a batch. */
export interface MigrationFinding {
  kind: 'migration';
  accounts: CapturedAccount[];
  refused: { index: number; name: string; reason: string }[];
  batchIndex: number;
  batchSize: number;
  batchId: number;
  /** Filled in once the progress has been recorded, e.g. "QR 2 of 3 read". */
  progress?: BatchProgress & { message: string };
}

/** A Tessera site link: handed to its own flow, nothing more is read here. */
export interface TesseraLinkFinding {
  kind: 'tessera-link';
  text: string;
}

/** A QR code that holds something else (a web link, Wi-Fi settings, text): the message says what. */
export interface NotAuthenticatorFinding {
  kind: 'not-authenticator';
  message: string;
}

/** An otpauth:// URI the parser refused: its message says what is wrong. */
export interface InvalidOtpauthFinding {
  kind: 'invalid-otpauth';
  code: string;
  message: string;
}

export type ScanFinding =
  | AccountFinding
  | MigrationFinding
  | TesseraLinkFinding
  | NotAuthenticatorFinding
  | InvalidOtpauthFinding;

/** The answer to a scan of a tab (or of a region of it, or of an image). */
export interface ScanResult {
  findings: ScanFinding[];
  /** The decoder's safety time limit stopped it early (a machine far slower than intended): a code may have been missed. */
  timedOut: boolean;
  /** Registrable domain of the tab, or null (extension pages, files, images). */
  site: string | null;
  tabUrl: string | null;
  /** Shown when nothing was found, e.g. "No QR code found on this page." */
  message?: string;
}
