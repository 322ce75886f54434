// What the QR link flow says at each turn. Words of our own for every known case, so a person always learns what
// happened and what to do; a site's own message is shown only for a refusal this version does not know.
import { describeAttemptsLeft, QR_MESSAGES } from '#shared/protocol/qr-messages.ts';
import { QrSignInError } from './scan-api';

export const VAULT_LOCKED_MESSAGE = 'Tessera is locked: unlock it, then scan the QR code again.';

export function describeFreshPin(previousAttemptsLeft: number, attemptsLeft: number): string {
  if (attemptsLeft < previousAttemptsLeft) {
    return `The PIN typed on the page was wrong (${describeAttemptsLeft(attemptsLeft)}). Enter this new PIN.`;
  }
  return 'The last PIN expired. Enter this new PIN.';
}

export function describeChannelEnd(kind: 'signed-in' | 'locked' | 'expired' | 'lost' | 'gone', origin: string): string {
  switch (kind) {
    case 'signed-in':
      return `Signed in to ${origin}. You can close this.`;
    case 'locked':
      return `Too many wrong PINs: this sign-in to ${origin} is locked. Generate a new QR code on the page to try again.`;
    case 'expired':
      return `This sign-in to ${origin} expired or was withdrawn. Generate a new QR code on the page and scan it again.`;
    case 'lost':
      return `The connection to ${origin} was lost and this sign-in has ended. Check the network, then scan a new QR code.`;
    case 'gone':
      return `The sign-in to ${origin} is over: it was completed, expired or withdrawn (or the site cannot be reached). If the page is not signed in, generate a new QR code there and scan it.`;
  }
}

const SCAN_MESSAGES: Record<string, (origin: string) => string> = {
  network: (origin) => `Could not reach ${origin}: the network may be down. Check the connection and scan again.`,
  qr_expired: () => QR_MESSAGES.qr_expired,
  qr_already_scanned: () => QR_MESSAGES.qr_already_scanned,
  invalid_code: (origin) => `${origin} did not accept this account or its code. Check that you chose the right account, then scan a new QR code.`,
  account_locked: (origin) => `${origin} has locked this account after too many failed attempts. Try again later.`,
  rate_limited: (origin) => `${origin} is receiving too many requests. Wait a minute, then scan again.`,
  qr_busy: (origin) => `${origin} is busy with other QR sign-ins. Wait a minute, then scan again.`,
};

/** Raised by the extension itself (not the site): their messages are already written for the screen. */
const OWN_CODES = new Set(['invalid_origin', 'invalid_pairing', 'unexpected_answer']);

/** Words for a failed POST /api/qr/scan, or a pairing that could not be saved. */
export function describeScanError(error: unknown, origin: string): string {
  if (!(error instanceof QrSignInError)) return `Something went wrong while talking to ${origin}. Nothing was saved; scan again.`;
  const known = SCAN_MESSAGES[error.code];
  if (known) return known(origin);
  if (OWN_CODES.has(error.code)) return error.message;
  return `${origin} refused the scan: ${clip(error.message)}`;
}

export function describePaired(site: string, label: string, updated: boolean): string {
  const where = updated ? `${label}, already in Tessera, now fills there too` : `${label} is now in your list`;
  return `Paired with ${site}: enter the code Tessera shows (${where}; its Fill button fills it on the page).`;
}

function clip(text: string): string {
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
