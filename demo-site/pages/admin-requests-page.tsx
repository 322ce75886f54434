import type { RequestView } from '../admin/backup-actions';
import { Layout } from './layout';

const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

export function AdminRequestsPage({ requests, status }: { requests: RequestView[]; status: RequestView['status'] }) {
  return (
    <Layout title="Backup-code requests" signedIn isAdmin>
      <p>
        Show: <a href="/admin?status=open">open</a> · <a href="/admin?status=issued">issued</a> · <a href="/admin?status=denied">denied</a>
      </p>
      {requests.length === 0 ? (
        <p data-testid="no-requests">No {status} requests.</p>
      ) : (
        <table data-testid="requests">
          <thead><tr><th>User</th><th>Message</th><th>Sent (UTC)</th><th>IP</th><th>{status === 'open' ? 'Action' : 'Reason'}</th></tr></thead>
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
                        <button type="submit" data-action="issue">Issue codes</button>
                      </form>
                      <form method="post" action={`/admin/requests/${request.id}/deny`}>
                        <input name="reason" aria-label="Reason for denying" placeholder="Reason" maxLength={500} />
                        <button type="submit" class="danger" data-action="deny">Deny</button>
                      </form>
                    </>
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
