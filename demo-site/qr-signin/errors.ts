// The QR flow's failures: each a stable code, the protocol's words for it (shared/protocol/qr-messages.ts), and the
// kind of failure it is (which http/error-status.ts turns into a status).
import { describeWrongPin, QR_MESSAGES } from '#shared/protocol/qr-messages.ts';
import { AuthenticationError, ConflictError, ForbiddenError, GoneError, LockedError, UnavailableError, type SiteError } from '../errors';

type Kind = new (code: string, message: string) => SiteError;

function qrRefusal(Kind: Kind, code: keyof typeof QR_MESSAGES) {
  return class extends Kind {
    constructor() {
      super(code, QR_MESSAGES[code]);
    }
  };
}

export const QrExpiredError = qrRefusal(GoneError, 'qr_expired');
export const QrAlreadyScannedError = qrRefusal(ConflictError, 'qr_already_scanned');
export const QrNotScannedError = qrRefusal(ConflictError, 'qr_not_scanned');
export const QrLockedError = qrRefusal(LockedError, 'qr_locked');
export const QrOtherBrowserError = qrRefusal(ForbiddenError, 'qr_other_browser');
export const QrBusyError = qrRefusal(UnavailableError, 'qr_busy');
/** Wrong or replayed code, or an account unknown here: one answer, so it tells nothing about which emails exist. */
export const InvalidProofError = qrRefusal(AuthenticationError, 'invalid_code');
export const PinExpiredError = qrRefusal(AuthenticationError, 'pin_expired');

export class WrongPinError extends AuthenticationError {
  constructor(readonly attemptsLeft: number) {
    super('invalid_pin', describeWrongPin(attemptsLeft), { attemptsLeft });
  }
}
