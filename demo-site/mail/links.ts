// Single-use links sent by email: a random token in the link, only its hash in the storage. Each purpose has its
// page and its lifetime; opening a link that was used, has expired or never existed gets words saying which.
import type { SiteContext } from '../context';
import { createToken, hashToken } from '../crypto/tokens';
import { GoneError } from '../errors';
import type { Repositories } from '../storage/repositories';
import type { LinkPurpose, LinkToken } from '../storage/rows';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

export const LINKS: Record<LinkPurpose, { path: string; lifetimeMs: number }> = {
  verify_email: { path: '/verify', lifetimeMs: DAY },
  change_email: { path: '/verify', lifetimeMs: DAY },
  reset_password: { path: '/reset-password', lifetimeMs: HOUR },
  not_me: { path: '/not-me', lifetimeMs: 7 * DAY },
  recovery_confirm: { path: '/recovery/confirm', lifetimeMs: HOUR },
  recovery_cancel: { path: '/recovery/cancel', lifetimeMs: 30 * DAY },
  backup_codes: { path: '/backup-codes', lifetimeMs: 7 * DAY },
};

export class LinkError extends GoneError {}

const WORDS: Record<'link_invalid' | 'link_used' | 'link_expired', string> = {
  link_invalid: 'This link is not valid: copy the whole link from the email, or use the newest email we sent (a newer one replaces older ones).',
  link_used: 'This link was already used: each link works once.',
  link_expired: 'This link has expired: ask for a new one.',
};

/** A new link for `purpose`, valid for its lifetime (or `lifetimeMs`); returns the absolute URL to put in the mail. */
export async function createLink(
  ctx: SiteContext, input: { purpose: LinkPurpose; userId: string; subject?: string; lifetimeMs?: number }, repos: Repositories = ctx.storage,
): Promise<string> {
  const token = createToken();
  const { path, lifetimeMs } = LINKS[input.purpose];
  const now = ctx.now();
  await repos.linkTokens.insert({
    idHash: hashToken(token), purpose: input.purpose, userId: input.userId, createdAt: now, expiresAt: now + (input.lifetimeMs ?? lifetimeMs), usedAt: null,
    subject: input.subject ?? null,
  });
  return `${ctx.origin()}${path}?${new URLSearchParams({ token })}`;
}

function refusal(ctx: SiteContext, found: LinkToken | null, purposes: LinkPurpose[]): LinkError {
  if (!found || !purposes.includes(found.purpose)) return new LinkError('link_invalid', WORDS.link_invalid);
  if (found.usedAt !== null) return new LinkError('link_used', WORDS.link_used);
  if (found.expiresAt <= ctx.now()) return new LinkError('link_expired', WORDS.link_expired);
  return new LinkError('link_invalid', WORDS.link_invalid);
}

/** The link as it stands, without using it (the page a link opens, before its button is pressed). */
export async function checkLink(ctx: SiteContext, token: string, purposes: LinkPurpose[]): Promise<LinkToken> {
  const found = await ctx.storage.linkTokens.find(hashToken(token));
  if (found && purposes.includes(found.purpose) && found.usedAt === null && found.expiresAt > ctx.now()) return found;
  throw refusal(ctx, found, purposes);
}

/** Uses the link: it works for exactly one caller; anyone else hears why not. */
export async function useLink(ctx: SiteContext, token: string, purpose: LinkPurpose, repos: Repositories = ctx.storage): Promise<LinkToken> {
  const idHash = hashToken(token);
  const used = await repos.linkTokens.use(idHash, purpose, ctx.now());
  if (used) return used;
  throw refusal(ctx, await repos.linkTokens.find(idHash), [purpose]);
}
