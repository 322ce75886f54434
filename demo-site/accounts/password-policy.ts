// Length limits and the common-password list (NIST SP 800-63B): no composition rules.
import { ValidationError } from '../errors';
import { isCommonPassword } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;

export function assertAcceptablePassword(password: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError('password', `Use at least ${MIN_PASSWORD_LENGTH} characters.`, 'password_too_short');
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new ValidationError('password', `Use at most ${MAX_PASSWORD_LENGTH} characters.`, 'password_too_long');
  }
  if (isCommonPassword(password)) {
    throw new ValidationError('password', 'This password is one of the most commonly used ones: choose another.', 'password_common');
  }
}
