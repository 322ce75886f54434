import { CodedError } from '#shared/coded-error.ts';

// Why a whole import or export was refused. Single bad entries are not errors: the preview lists them with a reason.
export type BackupErrorCode =
  | 'unknown_format'
  | 'password_required'
  | 'wrong_password'
  | 'corrupt'
  | 'unsupported'
  | 'weak_password'
  | 'too_large'
  | 'not_text';

export class BackupError extends CodedError<BackupErrorCode> {
  override readonly name = 'BackupError';
}
