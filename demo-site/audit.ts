// The audit log lives in the store: generic entries (type + details) so new features add types, not tables.
import type { RequestInfo, SiteContext } from './context';
import { createId } from './crypto/tokens';
import type { AuditEntry } from './store/schema';

const MAX_ENTRIES = 50_000;

export function recordAudit(
  ctx: SiteContext,
  type: string,
  request: RequestInfo,
  subject: { userId?: string | null; actorId?: string | null; details?: Record<string, unknown> } = {},
): AuditEntry {
  const entry: AuditEntry = {
    id: createId(),
    type,
    at: ctx.now(),
    userId: subject.userId ?? null,
    actorId: subject.actorId ?? subject.userId ?? null,
    ip: request.ip,
    userAgent: request.userAgent.slice(0, 300),
    details: subject.details ?? {},
  };
  const log = ctx.store.data.audit;
  log.push(entry);
  if (log.length > MAX_ENTRIES) log.splice(0, log.length - MAX_ENTRIES);
  return entry;
}
