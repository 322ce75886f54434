import { Layout } from './layout';
import { Field, FormError, type FieldErrors } from './form-parts';
import { QrSigninPanel } from './qr-signin-panel';

export function SigninPage({ email, errors = {} }: { email?: string; errors?: FieldErrors }) {
  return (
    <Layout title="Sign in" scripts={['/static/qr-signin.js']}>
      <form method="post" action="/signin" class="card" data-testid="signin-form">
        <FormError errors={errors} />
        <Field label="Email" name="email" type="email" autocomplete="username" value={email} errors={errors} autofocus />
        <Field label="Password" name="password" type="password" autocomplete="current-password" errors={errors} />
        <button type="submit">Continue</button>
      </form>
      <QrSigninPanel />
      <p>No account yet? <a href="/signup">Create one</a>.</p>
    </Layout>
  );
}
