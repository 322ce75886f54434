// The QR flow's failures, each with a stable code and words a person can act on.
import { AuthenticationError, ConflictError, ForbiddenError, GoneError, LockedError, UnavailableError } from '../errors';

export class QrExpiredError extends GoneError {
  constructor() {
    super('qr_expired', 'This QR code has expired or was replaced: use the QR code the page shows now, or generate a new one.');
  }
}

export class QrAlreadyScannedError extends ConflictError {
  constructor() {
    super('qr_already_scanned', 'This QR code was already scanned: it works only once. Scan the new QR code the page shows.');
  }
}

export class QrNotScannedError extends ConflictError {
  constructor() {
    super('qr_not_scanned', 'Scan the QR code with Tessera first: the PIN appears there.');
  }
}

export class QrLockedError extends LockedError {
  constructor() {
    super('qr_locked', 'Too many wrong PINs: this QR sign-in is locked. Generate a new QR code to try again.');
  }
}

export class QrOtherBrowserError extends ForbiddenError {
  constructor() {
    super('qr_other_browser', 'This QR sign-in was started in another browser: enter the PIN in the browser that showed the QR code.');
  }
}

export class QrBusyError extends UnavailableError {
  constructor() {
    super('qr_busy', 'Too many QR sign-ins are under way right now: try again in a minute.');
  }
}

/** Wrong or replayed code, or an account unknown here: one answer, so it tells nothing about which emails exist. */
export class InvalidProofError extends AuthenticationError {
  constructor() {
    super('invalid_code', 'The account or its code is not right: check the account chosen in Tessera and scan again.');
  }
}

export class PinExpiredError extends AuthenticationError {
  constructor() {
    super('pin_expired', 'That PIN expired: Tessera now shows a new one. Enter that one.');
  }
}

export class WrongPinError extends AuthenticationError {
  constructor(readonly attemptsLeft: number) {
    const tries = `${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left`;
    super('invalid_pin', `That PIN is not right (${tries}): Tessera now shows a new one. Enter that one.`, { attemptsLeft });
  }
}
