import type { PublicUser } from '../accounts/users';
import { Layout } from './layout';
import { CodeField, Field, FormError, type FieldErrors } from './form-parts';
import { CodesLeft, RequestForm, RequestStatus, type RequestState } from './backup-parts';

export interface AccountPageProps {
  user: PublicUser;
  errors?: FieldErrors;
  codesLeft: number;
  request?: RequestState;
  notice?: string;
}

export function AccountPage({ user, errors = {}, codesLeft, request, notice }: AccountPageProps) {
  return (
    <Layout title="Your account" signedIn isAdmin={user.role === 'admin'}>
      {notice && <p class="notice" role="status">{notice}</p>}
      <section class="card">
        <p>Signed in as <strong data-testid="display-name">{user.displayName}</strong> ({user.email}).</p>
        <p data-testid="mfa-status">Two-factor authentication: <strong>{user.mfaEnabled ? 'on' : 'off'}</strong></p>
        {!user.mfaEnabled && <p><a href="/mfa">Turn on two-factor authentication</a></p>}
      </section>
      <section class="card">
        <h2>Backup codes</h2>
        <CodesLeft count={codesLeft} />
        <RequestStatus request={request} />
        <RequestForm action="/account/backup-codes/request" open={request?.status === 'open'} errors={errors.message ? errors : undefined} />
      </section>
      {user.mfaEnabled && (
        <section class="card">
          <h2>Turn off two-factor authentication</h2>
          <form method="post" action="/account/disable-mfa" data-testid="disable-form">
            <FormError errors={errors} />
            <Field label="Password" name="password" type="password" autocomplete="current-password" errors={errors} />
            <CodeField errors={errors} required={false} autofocus={false} />
            <Field label="Or a backup code" name="backupCode" autocomplete="off" errors={errors} required={false} />
            <button type="submit" class="danger">Turn off</button>
          </form>
        </section>
      )}
    </Layout>
  );
}
