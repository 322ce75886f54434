// Which second factors a user can use at the code step.
import type { SiteContext } from '../context';
import type { User } from '../storage/rows';

export async function signinMethods(ctx: SiteContext, user: User): Promise<string[]> {
  const methods: string[] = [];
  if (user.totp) methods.push('totp');
  if ((await ctx.storage.backupCodes.countUnused(user.id)) > 0) methods.push('backup_code');
  return methods;
}
