// The project's errors (OtpError, VaultError, BackupError) carry a stable code and a message written for people;
// anything else is unexpected and is not shown as is (it could be a stack trace or carry data).
interface CodedError extends Error { code: string }

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

export function errorCode(error: unknown): string | undefined {
  return isCodedError(error) ? error.code : undefined;
}

export function describeError(error: unknown): string {
  if (isCodedError(error) && error.message) return error.message;
  return 'Something went wrong. Nothing was changed; try again.';
}

export function isLockedError(error: unknown): boolean {
  return errorCode(error) === 'locked';
}
