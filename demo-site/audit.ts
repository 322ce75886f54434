// The audit log: generic entries (type + details), so new features add types, not tables. An entry is written with
// the change it records: pass the transaction's repositories when there is one.
import type { RequestInfo, SiteContext } from './context';
import { createId } from './crypto/tokens';
import type { Repositories } from './storage/repositories';
import type { AuditEntry } from './storage/rows';

export interface AuditSubject {
  userId?: string | null;
  actorId?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(ctx: SiteContext, type: string, request: RequestInfo, subject: AuditSubject = {}, repos: Repositories = ctx.storage): Promise<AuditEntry> {
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
  await repos.audit.append(entry);
  return entry;
}
