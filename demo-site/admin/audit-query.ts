// The audit log for administrators: newest first, filtered by user and type, in pages.
import type { SiteContext } from '../context';
import type { AuditQuery } from '../storage/repositories';
import type { AuditEntry } from '../storage/rows';

export type { AuditQuery };

export interface AuditPage {
  entries: AuditEntry[];
  page: number;
  pageSize: number;
  total: number;
}

export async function queryAudit(ctx: SiteContext, query: AuditQuery): Promise<AuditPage> {
  const { entries, total } = await ctx.storage.audit.query(query);
  return { entries, page: query.page, pageSize: query.pageSize, total };
}
