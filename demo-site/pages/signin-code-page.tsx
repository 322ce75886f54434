import type { ComponentChildren } from 'preact';
import { Layout } from './layout';
import { CodeField, FormError, type FieldErrors } from './form-parts';

export function SigninCodePage({ errors = {}, extra }: { errors?: FieldErrors; extra?: ComponentChildren }) {
  return (
    <Layout title="Enter your code">
      <form method="post" action="/signin/code" class="card" data-testid="code-form">
        <p>Open your authenticator and enter the 6-digit code for Tessera Demo.</p>
        <FormError errors={errors} />
        <CodeField errors={errors} />
        <button type="submit">Sign in</button>
      </form>
      {extra}
      <p><a href="/signin">Start again</a></p>
    </Layout>
  );
}
