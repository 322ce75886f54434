// "Forgot your password?" and the page a reset link opens (no cookies needed: the token is in the link).
import { Layout } from './layout';
import { Field, FormError, type FieldErrors } from './form-parts';

export function ForgotPage({ email, errors = {}, notice }: { email?: string; errors?: FieldErrors; notice?: string }) {
  return (
    <Layout title="Forgot your password?">
      {notice && <p class="notice" role="status" data-testid="forgot-answer">{notice}</p>}
      <form method="post" action="/forgot" class="card" data-testid="forgot-form">
        <p>Enter your account's email address: we send it a link to choose a new password.</p>
        <FormError errors={errors} />
        <Field label="Email" name="email" type="email" autocomplete="username" value={email} errors={errors} autofocus />
        <button type="submit">Send me a link</button>
      </form>
      <p><a href="/signin">Back to sign-in</a></p>
    </Layout>
  );
}

export function NewPasswordFields({ errors, current = false }: { errors: FieldErrors; current?: boolean }) {
  return (
    <>
      {current && <Field label="Current password" name="currentPassword" type="password" autocomplete="current-password" errors={errors} />}
      <Field label="New password" name="newPassword" type="password" autocomplete="new-password" errors={errors} hint="8 to 128 characters; very common passwords are refused." />
      <Field label="New password again" name="confirmPassword" type="password" autocomplete="new-password" errors={errors} />
    </>
  );
}

export function ResetPasswordPage({ token, errors = {} }: { token: string; errors?: FieldErrors }) {
  return (
    <Layout title="Choose a new password">
      <form method="post" action="/reset-password" class="card" data-testid="reset-form">
        <FormError errors={errors} />
        <input type="hidden" name="token" value={token} />
        <NewPasswordFields errors={errors} />
        <button type="submit">Set my new password</button>
      </form>
    </Layout>
  );
}

export function PasswordResetDonePage() {
  return (
    <Layout title="Your password is changed">
      <p class="notice" role="status" data-testid="reset-done">Your password is changed and every session was signed out. Sign in with it: your two-factor code is still needed.</p>
      <p><a href="/signin">Sign in</a></p>
    </Layout>
  );
}
