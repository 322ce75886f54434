// Typed errors of the OTP core. `code` is stable (APIs and UIs key on it); `message` tells a person what to fix.
export class OtpError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The secret is missing, too short or too long. */
export class SecretError extends OtpError {}

/** The secret is not valid Base32. */
export class Base32Error extends SecretError {}

/** An algorithm, digit count, period or counter out of range. */
export class ParameterError extends OtpError {}

/** An otpauth:// URI that cannot be read as an account. */
export class UriError extends OtpError {}

/** An otpauth-migration:// (Google Authenticator export) payload that cannot be read or written. */
export class MigrationError extends OtpError {}
