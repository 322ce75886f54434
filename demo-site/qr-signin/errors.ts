// The QR flow's failures, each with a stable code and words a person can act on.
import { SiteError } from '../errors';

export class QrError extends SiteError {}

export class QrExpiredError extends QrError {
  constructor() {
    super('qr_expired', 'This QR code has expired or was replaced: use the QR code the page shows now, or generate a new one.', 410);
  }
}

export class QrAlreadyScannedError extends QrError {
  constructor() {
    super('qr_already_scanned', 'This QR code was already scanned: it works only once. Scan the new QR code the page shows.', 409);
  }
}

export class QrNotScannedError extends QrError {
  constructor() {
    super('qr_not_scanned', 'Scan the QR code with Tessera first: the PIN appears there.', 409);
  }
}

export class QrLockedError extends QrError {
  constructor() {
    super('qr_locked', 'Too many wrong PINs: this QR sign-in is locked. Generate a new QR code to try again.', 423);
  }
}

export class QrOtherBrowserError extends QrError {
  constructor() {
    super('qr_other_browser', 'This QR sign-in was started in another browser: enter the PIN in the browser that showed the QR code.', 403);
  }
}

export class QrBusyError extends QrError {
  constructor() {
    super('qr_busy', 'Too many QR sign-ins are under way right now: try again in a minute.', 503);
  }
}

/** Wrong or replayed code, or an account unknown here: one answer, so it tells nothing about which emails exist. */
export class InvalidProofError extends QrError {
  constructor() {
    super('invalid_code', 'The account or its code is not right: check the account chosen in Tessera and scan again.', 401);
  }
}

export class PinExpiredError extends QrError {
  constructor() {
    super('pin_expired', 'That PIN expired: Tessera now shows a new one. Enter that one.', 401);
  }
}

export class WrongPinError extends QrError {
  constructor(readonly attemptsLeft: number) {
    const tries = `${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left`;
    super('invalid_pin', `That PIN is not right (${tries}): Tessera now shows a new one. Enter that one.`, 401, { attemptsLeft });
  }
}
