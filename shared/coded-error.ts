/**
 * The base of every area's error type (OTP core, QR decoder, vault, backup, capture, site): a stable `code` that APIs
 * and UIs key on, and a message a person can act on. Each area names its class explicitly, so the name survives
 * minified builds.
 */
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}
