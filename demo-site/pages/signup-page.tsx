import { Layout } from './layout';
import { Field, FormError, type FieldErrors } from './form-parts';

export function SignupPage({ values = {}, errors = {} }: { values?: Record<string, string>; errors?: FieldErrors }) {
  return (
    <Layout title="Create an account">
      <form method="post" action="/signup" class="card" data-testid="signup-form">
        <FormError errors={errors} />
        <Field label="Email" name="email" type="email" autocomplete="username" value={values.email} errors={errors} autofocus />
        <Field label="Display name" name="displayName" autocomplete="name" value={values.displayName} errors={errors} />
        <Field label="Password" name="password" type="password" autocomplete="new-password" errors={errors}
          hint="8 to 128 characters; very common passwords are refused." />
        <button type="submit">Create account</button>
      </form>
      <p>Already have an account? <a href="/signin">Sign in</a>.</p>
    </Layout>
  );
}
