// Administrators see the keys that sign access tokens (public halves only) and rotate them: a new key signs from
// then on, and the old one stays published until every token it signed has expired.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import type { User } from '../storage/rows';

export interface SigningKeyView { id: string; createdAt: number; retiredAt: number | null; current: boolean }

export async function listSigningKeys(ctx: SiteContext): Promise<SigningKeyView[]> {
  await ctx.keyring.signingKey();
  const keys = await ctx.storage.signingKeys.list();
  return keys.map((key) => ({ id: key.id, createdAt: key.createdAt, retiredAt: key.retiredAt, current: key.retiredAt === null }));
}

export async function rotateSigningKey(ctx: SiteContext, admin: User, request: RequestInfo): Promise<{ keyId: string; retiredKeyId: string }> {
  const { id, retiredId } = await ctx.keyring.rotate();
  await recordAudit(ctx, 'signing_key_rotated', request, { actorId: admin.id, details: { keyId: id, retiredKeyId: retiredId } });
  return { keyId: id, retiredKeyId: retiredId };
}
