import { Layout } from './layout';
import { CodeField, Field, FormError, type FieldErrors } from './form-parts';
import { RequestForm, RequestStatus, type RequestState } from './backup-parts';
import { LostEverythingForm, RecoveryBanner } from './recovery-pages';

export interface SigninCodePageProps {
  errors?: FieldErrors;
  request?: RequestState;
  hasBackupCodes?: boolean;
  /** Which form to show open: the authenticator code (default) or a backup code. */
  useBackupCode?: boolean;
  notice?: string;
  /** A recovery of the account waits until then: the page offers to cancel it. */
  recoveryReadyAt?: number;
}

export function SigninCodePage({ errors = {}, request, hasBackupCodes = false, useBackupCode = false, notice, recoveryReadyAt }: SigninCodePageProps) {
  return (
    <Layout title="Enter your code">
      {notice && <p class="notice" role="status">{notice}</p>}
      {recoveryReadyAt !== undefined && <RecoveryBanner readyAt={recoveryReadyAt} action="/signin/recovery/cancel" />}
      <RequestStatus request={request} />
      {!useBackupCode && (
        <form method="post" action="/signin/code" class="card" data-testid="code-form">
          <p>Open your authenticator and enter the 6-digit code for Tessera Demo.</p>
          <FormError errors={errors} />
          <CodeField errors={errors} />
          <button type="submit">Sign in</button>
        </form>
      )}
      {hasBackupCodes && (
        <details class="card" open={useBackupCode} data-testid="backup-switch">
          <summary>Use a backup code</summary>
          <form method="post" action="/signin/backup-code" data-testid="backup-form">
            {useBackupCode && <FormError errors={errors} />}
            <Field label="Backup code" name="backupCode" autocomplete="off" errors={errors} hint="Like abcde-12345; case, spaces and dashes do not matter." />
            <button type="submit">Sign in with the backup code</button>
          </form>
          {useBackupCode && <p><a href="/signin/code">Use the authenticator instead</a></p>}
        </details>
      )}
      <details class="card" open={request?.status === 'open'}>
        <summary>Lost your authenticator? Ask the administrator for backup codes</summary>
        <RequestForm action="/signin/backup-codes/request" open={request?.status === 'open'} errors={errors.message ? errors : undefined} />
      </details>
      {recoveryReadyAt === undefined && <LostEverythingForm />}
      <p><a href="/signin">Start again</a></p>
    </Layout>
  );
}
