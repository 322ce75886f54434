// What QR sign-in and pairing refusals are called and say, for the site that raises them, its pages that show them and
// the extension that reports them. The extension has words of its own (naming the site) for the failures of its scan.

export type QrErrorCode =
  | 'qr_expired'
  | 'qr_already_scanned'
  | 'qr_not_scanned'
  | 'qr_locked'
  | 'qr_other_browser'
  | 'qr_busy'
  | 'invalid_code'
  | 'pin_expired'
  | 'invalid_pin';

export const QR_MESSAGES: Record<Exclude<QrErrorCode, 'invalid_pin'>, string> = {
  qr_expired: 'This QR code has expired or was replaced: use the QR code the page shows now, or generate a new one.',
  qr_already_scanned: 'This QR code was already scanned: it works only once. Scan the new QR code the page shows.',
  qr_not_scanned: 'Scan the QR code with Tessera first: the PIN appears there.',
  qr_locked: 'Too many wrong PINs: this QR sign-in is locked. Generate a new QR code to try again.',
  qr_other_browser: 'This QR sign-in was started in another browser: enter the PIN in the browser that showed the QR code.',
  qr_busy: 'Too many QR sign-ins are under way right now: try again in a minute.',
  // Wrong or replayed code, or an account unknown here: one answer, so it tells nothing about which emails exist.
  invalid_code: 'The account or its code is not right: check the account chosen in Tessera and scan again.',
  pin_expired: 'That PIN expired: Tessera now shows a new one. Enter that one.',
};

/** "4 attempts left", "1 attempt left". */
export function describeAttemptsLeft(attemptsLeft: number): string {
  return `${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left`;
}

export function describeWrongPin(attemptsLeft: number): string {
  return `That PIN is not right (${describeAttemptsLeft(attemptsLeft)}): Tessera now shows a new one. Enter that one.`;
}
