import type { AuditPage } from '../admin/audit-query';
import { Layout } from './layout';

export function AdminAuditPage({ result, userId = '', type = '' }: { result: AuditPage; userId?: string; type?: string }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = (page: number) => `/admin/audit?${new URLSearchParams({ userId, type, page: String(page) })}`;
  return (
    <Layout title="Audit log" signedIn isAdmin>
      <form method="get" action="/admin/audit" class="card filters">
        <label for="userId">User id</label> <input id="userId" name="userId" value={userId} />{' '}
        <label for="type">Type</label> <input id="type" name="type" value={type} placeholder="e.g. signin_failure" />{' '}
        <button type="submit">Filter</button>
      </form>
      <table data-testid="audit">
        <thead><tr><th>Time (UTC)</th><th>Type</th><th>User</th><th>By</th><th>IP</th><th>User agent</th><th>Details</th></tr></thead>
        <tbody>
          {result.entries.map((entry) => (
            <tr key={entry.id} data-type={entry.type}>
              <td>{new Date(entry.at).toISOString().replace('T', ' ').slice(0, 19)}</td>
              <td>{entry.type}</td>
              <td>{entry.userId ?? ''}</td>
              <td>{entry.actorId && entry.actorId !== entry.userId ? entry.actorId : ''}</td>
              <td>{entry.ip}</td>
              <td>{entry.userAgent}</td>
              <td><code>{JSON.stringify(entry.details)}</code></td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Page {result.page} of {pages} ({result.total} entries).{' '}
        {result.page > 1 && <a href={link(result.page - 1)}>Newer</a>} {result.page < pages && <a href={link(result.page + 1)}>Older</a>}
      </p>
    </Layout>
  );
}
