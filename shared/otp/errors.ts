import { CodedError } from '../coded-error';

// Typed errors of the OTP core. `code` is stable (APIs and UIs key on it); `message` tells a person what to fix.
export class OtpError extends CodedError {
  override readonly name: string = 'OtpError';
}

/** The secret is missing, too short or too long. */
export class SecretError extends OtpError {
  override readonly name: string = 'SecretError';
}

/** The secret is not valid Base32. */
export class Base32Error extends SecretError {
  override readonly name: string = 'Base32Error';
}

/** An algorithm, digit count, period or counter out of range. */
export class ParameterError extends OtpError {
  override readonly name: string = 'ParameterError';
}

/** An otpauth:// URI that cannot be read as an account. */
export class UriError extends OtpError {
  override readonly name: string = 'UriError';
}

/** An otpauth-migration:// (Google Authenticator export) payload that cannot be read or written. */
export class MigrationError extends OtpError {
  override readonly name: string = 'MigrationError';
}
