// The audit log for administrators: newest first, filtered by user and type, in pages.
import type { SiteContext } from '../context';
import type { AuditEntry } from '../store/schema';

export interface AuditQuery {
  userId?: string;
  type?: string;
  page: number;
  pageSize: number;
}

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
}

export function queryAudit(ctx: SiteContext, query: AuditQuery): AuditPage {
  const matching = ctx.store.data.audit.filter(
    (entry) => (!query.userId || entry.userId === query.userId || entry.actorId === query.userId) && (!query.type || entry.type === query.type),
  );
  const newestFirst = matching.slice().reverse();
  const start = (query.page - 1) * query.pageSize;
  return { entries: newestFirst.slice(start, start + query.pageSize), page: query.page, pageSize: query.pageSize, total: matching.length };
}
