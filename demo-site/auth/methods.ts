// Which second factors a user can use at the code step, given how many unused backup codes the account has.
import type { User } from '../storage/rows';

export function signinMethods(user: User, unusedBackupCodes: number): string[] {
  const methods: string[] = [];
  if (user.totp) methods.push('totp');
  if (unusedBackupCodes > 0) methods.push('backup_code');
  return methods;
}
