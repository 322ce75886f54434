import type { AdminUserView } from '../admin/users';
import { Layout } from './layout';

const time = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

export function AdminUsersPage({ users, notice }: { users: AdminUserView[]; notice?: string }) {
  return (
    <Layout title="Users" signedIn isAdmin>
      {notice && <p class="notice" role="status">{notice}</p>}
      <table data-testid="users">
        <thead><tr><th>Email</th><th>Role</th><th>MFA</th><th>Locked until (UTC)</th><th>Codes left</th><th>Last sign-in (UTC)</th><th>Actions</th></tr></thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-email={user.email}>
              <td>{user.email}</td>
              <td>{user.role}</td>
              <td>{user.mfaEnabled ? 'on' : 'off'}</td>
              <td>{time(user.lockedUntil)}</td>
              <td>{user.codesLeft}</td>
              <td>{time(user.lastSignInAt)}</td>
              <td>
                {user.lockedUntil !== null && (
                  <form method="post" action={`/admin/users/${user.id}/unlock`} class="inline"><button type="submit">Unlock</button></form>
                )}{' '}
                <form method="post" action={`/admin/users/${user.id}/backup-codes`} class="inline"><button type="submit">Issue codes</button></form>{' '}
                {user.codesLeft > 0 && (
                  <form method="post" action={`/admin/users/${user.id}/backup-codes/revoke`} class="inline">
                    <button type="submit" class="danger">Revoke codes</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
