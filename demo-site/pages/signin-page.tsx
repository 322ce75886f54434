import { Layout } from './layout';
import { Field, FormError, type FieldErrors } from './form-parts';
import { QrSigninPanel } from './qr-signin-panel';
import { ResendForm } from './email-pages';

/** `resend`: the address is not confirmed yet, so the page offers the link again. */
export function SigninPage({ email, errors = {}, resend = false }: { email?: string; errors?: FieldErrors; resend?: boolean }) {
  return (
    <Layout title="Sign in" scripts={['/static/qr-signin.js']}>
      <form method="post" action="/signin" class="card" data-testid="signin-form">
        <FormError errors={errors} />
        <Field label="Email" name="email" type="email" autocomplete="username" value={email} errors={errors} autofocus />
        <Field label="Password" name="password" type="password" autocomplete="current-password" errors={errors} />
        <button type="submit">Continue</button>
        <p><a href="/forgot">Forgot your password?</a></p>
      </form>
      {resend && <ResendForm email={email} />}
      <QrSigninPanel />
      <p>No account yet? <a href="/signup">Create one</a>.</p>
    </Layout>
  );
}
