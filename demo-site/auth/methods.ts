// Which second factors a user can use at the code step.
import type { User } from '../store/schema';

export function signinMethods(user: User): string[] {
  const methods: string[] = [];
  if (user.totp) methods.push('totp');
  if (user.backupCodes.some((code) => code.usedAt === null)) methods.push('backup_code');
  return methods;
}
