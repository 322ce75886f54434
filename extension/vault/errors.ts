import { CodedError } from '#shared/coded-error.ts';

// One error type for everything the vault refuses; `code` is stable for the UI, `message` says what to do.
export type VaultErrorCode =
  | 'wrong_password'
  | 'wrong_passkey'
  | 'no_passkey'
  | 'locked'
  | 'vault_exists'
  | 'no_vault'
  | 'tampered'
  /** Another page changed the same thing meanwhile: nothing was lost, the change can be made again. */
  | 'changed_elsewhere'
  | 'weak_password'
  | 'not_found'
  | 'invalid_account'
  | 'invalid_settings';

export class VaultError extends CodedError<VaultErrorCode> {
  override readonly name = 'VaultError';
}

export function isVaultError(error: unknown, code?: VaultErrorCode): error is VaultError {
  return error instanceof VaultError && (code === undefined || error.code === code);
}
