import type { ComponentChildren } from 'preact';
import type { PublicUser } from '../accounts/users';
import { Layout } from './layout';
import { CodeField, Field, FormError, type FieldErrors } from './form-parts';

export function AccountPage({ user, errors = {}, extra }: { user: PublicUser; errors?: FieldErrors; extra?: ComponentChildren }) {
  return (
    <Layout title="Your account" signedIn>
      <section class="card">
        <p>Signed in as <strong data-testid="display-name">{user.displayName}</strong> ({user.email}).</p>
        <p data-testid="mfa-status">Two-factor authentication: <strong>{user.mfaEnabled ? 'on' : 'off'}</strong></p>
        {!user.mfaEnabled && <p><a href="/mfa">Turn on two-factor authentication</a></p>}
      </section>
      {user.mfaEnabled && (
        <section class="card">
          <h2>Turn off two-factor authentication</h2>
          <form method="post" action="/account/disable-mfa" data-testid="disable-form">
            <FormError errors={errors} />
            <Field label="Password" name="password" type="password" autocomplete="current-password" errors={errors} />
            <CodeField errors={errors} />
            <button type="submit" class="danger">Turn off</button>
          </form>
        </section>
      )}
      {extra}
    </Layout>
  );
}
