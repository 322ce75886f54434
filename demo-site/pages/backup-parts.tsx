// Pieces about backup codes shared by the code step and the account page.
import type { BackupCodeRequest } from '../storage/rows';
import { FormError, type FieldErrors } from './form-parts';

export type RequestState = Pick<BackupCodeRequest, 'status' | 'createdAt' | 'reason'>;

export function RequestStatus({ request }: { request?: RequestState }) {
  if (!request) return null;
  const when = new Date(request.createdAt).toISOString().slice(0, 16).replace('T', ' ');
  return (
    <p class="request-status" data-testid="request-status" data-status={request.status}>
      {request.status === 'open' && `Your request for backup codes (sent ${when} UTC) is waiting for the administrator.`}
      {request.status === 'issued' && 'The administrator issued your backup codes: we sent you a link to them by email.'}
      {request.status === 'denied' && `The administrator declined your request${request.reason ? `: ${request.reason}` : '.'}`}
    </p>
  );
}

export function RequestForm({ action, errors = {}, open }: { action: string; errors?: FieldErrors; open: boolean }) {
  return (
    <form method="post" action={action} data-testid="request-form">
      <FormError errors={errors} />
      <div class={errors.message ? 'field invalid' : 'field'}>
        <label for="message">Message for the administrator</label>
        <textarea id="message" name="message" rows={3} maxLength={500} />
        {errors.message && <p class="field-error" id="message-error" role="alert">{errors.message}</p>}
      </div>
      <button type="submit">{open ? 'Update my request' : 'Ask for backup codes'}</button>
    </form>
  );
}

export function CodesLeft({ count }: { count: number }) {
  if (count === 0) return <p data-testid="codes-left">You have no backup codes. If you lose your authenticator, ask the administrator for some.</p>;
  return (
    <p data-testid="codes-left" class={count <= 2 ? 'warning' : undefined} data-warning={count <= 2 ? 'true' : undefined}>
      Backup codes left: {count}.{count <= 2 && ' You are running out: ask the administrator for new ones.'}
    </p>
  );
}
