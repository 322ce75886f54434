// Backup codes reach their user, not the administrator: an approval seals the new codes until their user fetches
// them, once, by a single-use link in an email (or on /account while signed in), viewed or downloaded as .txt; then
// only their hashes remain. The administrator sees whether they were fetched, never the codes. For a user without a
// working mailbox, an administrator may instead choose, explicitly and audited, to be shown them to hand over.
import { recordAudit } from '../audit';
import type { RequestInfo, SiteContext } from '../context';
import { createId } from '../crypto/tokens';
import { openSecret, sealSecret } from '../crypto/secret-box';
import { GoneError } from '../errors';
import { checkLink, createLink, useLink } from '../mail/links';
import { sendNotice } from '../notices/notices';
import type { Repositories } from '../storage/repositories';
import type { BackupDelivery, User } from '../storage/rows';
import { issueBackupCodes } from './issue';

export const DELIVERY_DAYS = 7;
const DAY = 24 * 60 * 60_000;
const boxPurpose = (deliveryId: string) => `backup-delivery:${deliveryId}`;

export const alreadyShown = () =>
  new GoneError('codes_already_shown', 'These backup codes were already shown once, and are not kept to show again. If you did not save them, ask the administrator for new ones.');

/** Issues new codes and sends their user the link to fetch them; returns the delivery (its codes sealed). */
export async function deliverBackupCodes(ctx: SiteContext, user: User, admin: User, request: RequestInfo, requestId: string | null, tx: Repositories): Promise<BackupDelivery> {
  const codes = await issueBackupCodes(ctx, user, admin.id, request, { requestId: requestId ?? undefined, method: 'mail' }, tx);
  const id = createId();
  const now = ctx.now();
  const delivery: BackupDelivery = {
    id, userId: user.id, requestId, method: 'mail', codesBox: sealSecret(ctx.key, codes.join('\n'), boxPurpose(id)), createdAt: now, expiresAt: now + DELIVERY_DAYS * DAY, fetchedAt: null,
  };
  await tx.backupDeliveries.insert(delivery);
  const link = await createLink(ctx, { purpose: 'backup_codes', userId: user.id, subject: id, lifetimeMs: DELIVERY_DAYS * DAY }, tx);
  await sendNotice(ctx, user, 'backup_codes_issued', tx, {
    extra: [{ link, label: 'Show my backup codes (once)' }, `They are shown once: save them somewhere safe when you open them. The link works for ${DELIVERY_DAYS} days; when signed in, your account page offers them too, until they are shown.`],
  });
  return delivery;
}

/** The explicit, audited choice for a user without a working mailbox: the administrator is shown the codes. */
export async function handOverBackupCodes(ctx: SiteContext, user: User, admin: User, request: RequestInfo, requestId: string | null, tx: Repositories): Promise<string[]> {
  const codes = await issueBackupCodes(ctx, user, admin.id, request, { requestId: requestId ?? undefined, method: 'hand_over' }, tx);
  const now = ctx.now();
  await tx.backupDeliveries.insert({ id: createId(), userId: user.id, requestId, method: 'hand_over', codesBox: null, createdAt: now, expiresAt: now, fetchedAt: now });
  await recordAudit(ctx, 'backup_codes_handed_over', request, { userId: user.id, actorId: admin.id, details: { requestId, count: codes.length } }, tx);
  await sendNotice(ctx, user, 'backup_codes_issued', tx, { extra: ['The administrator was shown them, to hand them to you in person.'] });
  return codes;
}

async function take(ctx: SiteContext, delivery: BackupDelivery | null, via: 'email' | 'account', request: RequestInfo, tx: Repositories): Promise<string[]> {
  const box = delivery && (await tx.backupDeliveries.take(delivery.id, ctx.now()));
  if (!delivery || !box) throw alreadyShown();
  await recordAudit(ctx, 'backup_codes_fetched', request, { userId: delivery.userId, details: { deliveryId: delivery.id, via } }, tx);
  return openSecret(ctx.key, box, boxPurpose(delivery.id)).split('\n');
}

/** The page the link opens, before its button is pressed. */
export function checkCodesLink(ctx: SiteContext, token: string) {
  return checkLink(ctx, token, ['backup_codes']);
}

export function fetchCodesByLink(ctx: SiteContext, token: string, request: RequestInfo): Promise<string[]> {
  return ctx.storage.transaction(async (tx) => {
    const link = await useLink(ctx, token, 'backup_codes', tx);
    return take(ctx, await tx.backupDeliveries.find(link.subject ?? ''), 'email', request, tx);
  });
}

/** Codes waiting for a signed-in user (shown on /account until fetched). */
export async function waitingDelivery(ctx: SiteContext, userId: string): Promise<BackupDelivery | null> {
  const latest = await ctx.storage.backupDeliveries.latestForUser(userId);
  return latest && latest.codesBox !== null && latest.expiresAt > ctx.now() ? latest : null;
}

export async function fetchCodesSignedIn(ctx: SiteContext, user: User, request: RequestInfo): Promise<string[]> {
  const delivery = await waitingDelivery(ctx, user.id);
  return ctx.storage.transaction(async (tx) => {
    const codes = await take(ctx, delivery, 'account', request, tx);
    await tx.linkTokens.deleteUnused(user.id, 'backup_codes');
    return codes;
  });
}

export type DeliveryState = 'waiting' | 'fetched' | 'expired' | 'handed_over';

export function describeDelivery(ctx: SiteContext, delivery: BackupDelivery): { state: DeliveryState; fetchedAt: number | null } {
  if (delivery.method === 'hand_over') return { state: 'handed_over', fetchedAt: delivery.fetchedAt };
  if (delivery.fetchedAt !== null) return { state: 'fetched', fetchedAt: delivery.fetchedAt };
  return { state: delivery.codesBox !== null && delivery.expiresAt > ctx.now() ? 'waiting' : 'expired', fetchedAt: null };
}
