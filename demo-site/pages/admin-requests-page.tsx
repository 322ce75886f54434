import type { RequestView } from '../admin/backup-actions';
import type { FrozenView } from '../notices/freeze';
import { Layout } from './layout';

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** Accounts frozen by "This wasn't me": check with the owner, then unfreeze (they are told to choose a new password). */
function FrozenQueue({ frozen }: { frozen: FrozenView[] }) {
  if (frozen.length === 0) return null;
  return (
    <section class="card" data-testid="frozen-queue">
      <h2>Frozen accounts</h2>
      <table>
        <thead><tr><th>User</th><th>Frozen (UTC)</th><th>Action</th></tr></thead>
        <tbody>
          {frozen.map((user) => (
            <tr key={user.id} data-email={user.email}>
              <td>{user.email}</td>
              <td>{time(user.frozenAt)}</td>
              <td>
                <form method="post" action={`/admin/users/${user.id}/unfreeze`} class="inline"><button type="submit" data-action="unfreeze">Unfreeze</button></form>{' '}
                <a href={`/admin/audit?userId=${user.id}`}>Audit log</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const DELIVERY_WORDS = { waiting: 'sent by email, not fetched yet', expired: 'sent by email, never fetched (expired)', handed_over: 'handed over in person' } as const;

function DeliveryState({ delivery }: { delivery?: RequestView['delivery'] }) {
  if (!delivery) return null;
  const words = delivery.state === 'fetched' ? `fetched by the user ${time(delivery.fetchedAt!)}` : DELIVERY_WORDS[delivery.state];
  return <span data-delivery={delivery.state}>{words}</span>;
}

/** The explicit choice for a user without a working mailbox: the administrator is shown the codes (audited). */
export function HandOverForm({ action }: { action: string }) {
  return (
    <form method="post" action={action} class="hand-over">
      <label><input type="checkbox" name="confirm" required /> No working mailbox: show me the codes to hand over in person (audited)</label>{' '}
      <button type="submit" data-action="hand-over">Show codes</button>
    </form>
  );
}

export function AdminRequestsPage({ requests, status, frozen = [], notice }: { requests: RequestView[]; status: RequestView['status']; frozen?: FrozenView[]; notice?: string }) {
  return (
    <Layout title="Backup-code requests" signedIn isAdmin>
      {notice && <p class="notice" role="status">{notice}</p>}
      <FrozenQueue frozen={frozen} />
      <p>
        Show: <a href="/admin?status=open">open</a> · <a href="/admin?status=issued">issued</a> · <a href="/admin?status=denied">denied</a>
      </p>
      {requests.length === 0 ? (
        <p data-testid="no-requests">No {status} requests.</p>
      ) : (
        <table data-testid="requests">
          <thead><tr><th>User</th><th>Message</th><th>Sent (UTC)</th><th>IP</th><th>{status === 'open' ? 'Action' : status === 'issued' ? 'Codes' : 'Reason'}</th></tr></thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id} data-request-id={request.id} data-email={request.user.email}>
                <td>{request.user.email}</td>
                <td>{request.message}</td>
                <td>{time(request.createdAt)}</td>
                <td>{request.ip}</td>
                <td>
                  {status === 'open' ? (
                    <>
                      <form method="post" action={`/admin/requests/${request.id}/issue`} class="inline">
                        <button type="submit" data-action="issue">Approve: email the codes</button>
                      </form>
                      <HandOverForm action={`/admin/requests/${request.id}/hand-over`} />
                      <form method="post" action={`/admin/requests/${request.id}/deny`}>
                        <input name="reason" aria-label="Reason for denying" placeholder="Reason" maxLength={500} />
                        <button type="submit" class="danger" data-action="deny">Deny</button>
                      </form>
                    </>
                  ) : status === 'issued' ? (
                    <DeliveryState delivery={request.delivery} />
                  ) : (
                    request.reason ?? ''
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
