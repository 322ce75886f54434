import type { RecoveryView } from '../recovery/finish';
import { Layout } from './layout';

const time = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString().slice(0, 16).replace('T', ' '));

/** Recoveries under way: waiting for their email link, or for their delay. Approve early only after checking with the owner. */
export function AdminRecoveriesPage({ recoveries, now }: { recoveries: RecoveryView[]; now: number }) {
  return (
    <Layout title="Account recoveries" signedIn isAdmin>
      {recoveries.length === 0 ? (
        <p data-testid="no-recoveries">No recovery is under way.</p>
      ) : (
        <table data-testid="recoveries">
          <thead><tr><th>User</th><th>Started (UTC)</th><th>State</th><th>IP</th><th>Action</th></tr></thead>
          <tbody>
            {recoveries.map((recovery) => (
              <tr key={recovery.id} data-recovery-id={recovery.id} data-email={recovery.user.email} data-state={recovery.state}>
                <td>{recovery.user.email}</td>
                <td>{time(recovery.createdAt)}</td>
                <td>
                  {recovery.state === 'awaiting_email' ? 'waiting for the email link to be opened'
                    : recovery.readyAt! <= now ? `ready since ${time(recovery.readyAt)} (applies at the next sign-in)` : `MFA goes off at ${time(recovery.readyAt)}`}
                </td>
                <td>{recovery.ip}</td>
                <td>
                  {recovery.state === 'waiting' && (
                    <form method="post" action={`/admin/recoveries/${recovery.id}/approve`} class="inline"><button type="submit" data-action="approve">Approve now</button></form>
                  )}{' '}
                  <form method="post" action={`/admin/recoveries/${recovery.id}/cancel`} class="inline"><button type="submit" class="danger" data-action="cancel">Cancel</button></form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
