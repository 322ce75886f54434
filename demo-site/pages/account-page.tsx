import type { PublicUser } from '../accounts/users';
import { Layout } from './layout';
import { CodeField, Field, FormError, type FieldErrors } from './form-parts';
import { CodesLeft, RequestForm, RequestStatus, type RequestState } from './backup-parts';
import { NewPasswordFields } from './password-pages';
import { RecoveryBanner } from './recovery-pages';

export interface AccountPageProps {
  user: PublicUser;
  /** Whether the site proves addresses at all (EMAIL_VERIFICATION is not `off`). */
  verifiesEmail?: boolean;
  errors?: FieldErrors;
  /** The password form's own errors (its field names are not the other forms'). */
  passwordErrors?: FieldErrors;
  codesLeft: number;
  request?: RequestState;
  notice?: string;
  recoveryReadyAt?: number;
  /** New backup codes wait to be fetched. */
  codesWaiting?: boolean;
  /** The move-to-a-new-device form's own errors. */
  moveErrors?: FieldErrors;
  /** When the move to a new device under way runs out, if there is one. */
  moveUntil?: number;
  /** When the authenticator last moved to a new device. */
  movedAt?: number;
}

const time = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function AccountPage({
  user, verifiesEmail = true, errors = {}, passwordErrors = {}, codesLeft, request, notice, recoveryReadyAt, codesWaiting = false, moveErrors = {}, moveUntil, movedAt,
}: AccountPageProps) {
  return (
    <Layout title="Your account" signedIn isAdmin={user.role === 'admin'}>
      {notice && <p class="notice" role="status">{notice}</p>}
      {recoveryReadyAt !== undefined && <RecoveryBanner readyAt={recoveryReadyAt} action="/account/recovery/cancel" />}
      <section class="card">
        <p>Signed in as <strong data-testid="display-name">{user.displayName}</strong> ({user.email}).</p>
        <p data-testid="mfa-status">Two-factor authentication: <strong>{user.mfaEnabled ? 'on' : 'off'}</strong></p>
        {!user.mfaEnabled && <p><a href="/mfa">Turn on two-factor authentication</a></p>}
        {verifiesEmail && !user.emailVerified && (
          <form method="post" action="/verify/resend" class="inline" data-testid="email-unverified">
            <p class="warning">Your email address is not confirmed yet: open the link we sent to it.</p>
            <input type="hidden" name="email" value={user.email} />
            <button type="submit">Send the link again</button>
          </form>
        )}
      </section>
      <section class="card">
        <h2>Password</h2>
        <form method="post" action="/account/password" data-testid="password-form">
          <FormError errors={passwordErrors} />
          <NewPasswordFields errors={passwordErrors} current />
          <p class="hint">Every other session of your account is signed out.</p>
          <button type="submit">Change my password</button>
        </form>
      </section>
      <section class="card">
        <h2>Email address</h2>
        <form method="post" action="/account/email" data-testid="email-form">
          <Field label="New email address" name="newEmail" type="email" autocomplete="email" errors={errors} />
          <Field label="Your password" name="emailPassword" type="password" autocomplete="current-password" errors={errors} />
          <p class="hint">We send a link to the new address; your address changes once it is opened. The current address is told.</p>
          <button type="submit">Change my email address</button>
        </form>
      </section>
      <section class="card">
        <h2>Backup codes</h2>
        {codesWaiting && (
          <div class="notice" data-testid="codes-waiting">
            <p>Your new backup codes are ready. They are shown once: have somewhere safe to keep them.</p>
            <form method="post" action="/account/backup-codes/show" class="inline"><button type="submit">Show my codes</button></form>{' '}
            <form method="post" action="/account/backup-codes/download" class="inline"><button type="submit">Download them as .txt</button></form>
          </div>
        )}
        <CodesLeft count={codesLeft} />
        <RequestStatus request={request} />
        <RequestForm action="/account/backup-codes/request" open={request?.status === 'open'} errors={errors.message ? errors : undefined} />
      </section>
      {user.mfaEnabled && (
        <section class="card" data-testid="move-section">
          <h2>Move your authenticator to a new device</h2>
          {movedAt !== undefined && <p data-testid="moved-at">Your authenticator last moved to a new device on {time(movedAt)}.</p>}
          {moveUntil !== undefined && (
            <p class="notice" data-testid="move-under-way">
              A move to a new device is under way until {time(moveUntil)}: your current authenticator works until you enter a
              code from the new one. <a href="/account/move">Continue the move</a>
            </p>
          )}
          <p class="hint">Lost your authenticator's data, or setting up another device? Get a new key for it here: the current one keeps working until the new one is confirmed.</p>
          <form method="post" action="/account/move" data-testid="move-form">
            <FormError errors={moveErrors} />
            <Field label="Password" name="movePassword" type="password" autocomplete="current-password" errors={moveErrors} />
            <CodeField errors={moveErrors} name="moveCode" required={false} autofocus={false} label="Code from your current authenticator" />
            <Field label="Or a backup code" name="moveBackupCode" autocomplete="off" errors={moveErrors} required={false} />
            <button type="submit">Set up a new device</button>
          </form>
        </section>
      )}
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
