import type { AdminUserPage } from '../admin/users';
import { Layout } from './layout';
import { HandOverForm } from './admin-requests-page';

const time = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

export function AdminUsersPage({ result, notice }: { result: AdminUserPage; notice?: string }) {
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const email = result.email ?? '';
  const link = (page: number) => `/admin/users?${new URLSearchParams({ email, page: String(page) })}`;
  return (
    <Layout title="Users" signedIn isAdmin>
      {notice && <p class="notice" role="status">{notice}</p>}
      <form method="get" action="/admin/users" class="card filters">
        <label for="email">Email contains</label> <input id="email" name="email" value={email} />{' '}
        <button type="submit">Search</button>
      </form>
      <table data-testid="users">
        <thead><tr><th>Email</th><th>Role</th><th>MFA</th><th>Locked until (UTC)</th><th>Frozen</th><th>Codes left</th><th>Last sign-in (UTC)</th><th>Actions</th></tr></thead>
        <tbody>
          {result.users.map((user) => (
            <tr key={user.id} data-email={user.email}>
              <td>{user.email}</td>
              <td>{user.role}</td>
              <td>{user.mfaEnabled ? 'on' : 'off'}</td>
              <td>{time(user.lockedUntil)}</td>
              <td>{user.frozenAt !== null ? `since ${time(user.frozenAt)}` : ''}</td>
              <td>{user.codesLeft}</td>
              <td>{time(user.lastSignInAt)}</td>
              <td>
                {user.lockedUntil !== null && (
                  <form method="post" action={`/admin/users/${user.id}/unlock`} class="inline"><button type="submit">Unlock</button></form>
                )}{' '}
                {user.frozenAt === null ? (
                  <form method="post" action={`/admin/users/${user.id}/freeze`} class="inline"><button type="submit" class="danger">Freeze</button></form>
                ) : (
                  <form method="post" action={`/admin/users/${user.id}/unfreeze`} class="inline">
                    <input type="hidden" name="back" value="users" /><button type="submit">Unfreeze</button>
                  </form>
                )}{' '}
                <form method="post" action={`/admin/users/${user.id}/backup-codes`} class="inline"><button type="submit">Email new codes</button></form>{' '}
                {user.codesLeft > 0 && (
                  <form method="post" action={`/admin/users/${user.id}/backup-codes/revoke`} class="inline">
                    <button type="submit" class="danger">Revoke codes</button>
                  </form>
                )}
                <HandOverForm action={`/admin/users/${user.id}/backup-codes/hand-over`} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        Page {result.page} of {pages} ({result.total} users, newest first).{' '}
        {result.page > 1 && <a href={link(result.page - 1)}>Newer</a>} {result.page < pages && <a href={link(result.page + 1)}>Older</a>}
      </p>
    </Layout>
  );
}
