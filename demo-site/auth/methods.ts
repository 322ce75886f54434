// Which second factors a user can use at the code step.
import type { Repositories } from '../storage/repositories';
import type { User } from '../storage/rows';

export async function signinMethods(repos: Repositories, user: User): Promise<string[]> {
  const methods: string[] = [];
  if (user.totp) methods.push('totp');
  if ((await repos.backupCodes.countUnused(user.id)) > 0) methods.push('backup_code');
  return methods;
}
