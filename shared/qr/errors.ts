import { CodedError } from '../coded-error';

// Errors of the QR decoder: a stable `code` for callers, a message a person can act on.
export type QrErrorCode =
  | 'invalid_image'
  | 'invalid_region'
  | 'invalid_options'
  | 'unsupported_image'
  | 'unreadable_image'
  | 'decoder_not_ready'
  | 'decoder_unavailable';

export class QrError extends CodedError<QrErrorCode> {
  override readonly name = 'QrError';
}
