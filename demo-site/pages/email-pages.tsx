// Pages about email: "check your mail" after signup, what a verification link did, and any link that cannot be used.
import { Layout } from './layout';
import { Field, FormError, type FieldErrors } from './form-parts';

/** The same words whether or not an account waits at the address typed (nobody learns who has an account). */
export const RESEND_ANSWER = 'If an account is waiting for confirmation at this address, a new link is on its way (at most one a minute).';

export function ResendForm({ email, errors }: { email?: string; errors?: FieldErrors }) {
  return (
    <form method="post" action="/verify/resend" class="card" data-testid="resend-form">
      <FormError errors={errors} />
      <Field label="Email" name="email" type="email" autocomplete="username" value={email} errors={errors} />
      <button type="submit">Send the link again</button>
    </form>
  );
}

export function CheckEmailPage({ email, notice }: { email: string; notice?: string }) {
  return (
    <Layout title="Check your email">
      {notice && <p class="notice" role="status">{notice}</p>}
      <section class="card" data-testid="check-email">
        <p>We sent a link to <strong>{email}</strong>. Open it to confirm the address, then sign in.</p>
        <p class="hint">The link works once, for 24 hours. Nothing there? Look in the spam folder, or send it again:</p>
      </section>
      <ResendForm email={email} />
    </Layout>
  );
}

export function VerifiedPage({ kind, email, signedIn }: { kind: 'verified' | 'changed'; email: string; signedIn: boolean }) {
  return (
    <Layout title={kind === 'verified' ? 'Email address confirmed' : 'Email address changed'} signedIn={signedIn}>
      <section class="card" data-testid="email-verified">
        <p class="notice" role="status">
          {kind === 'verified' ? `Your email address ${email} is confirmed.` : `Your account now uses ${email}.`}
        </p>
        <p>{signedIn ? <a href="/account">Back to your account</a> : <a href="/signin">Sign in</a>}</p>
      </section>
    </Layout>
  );
}

/** A link from an email that cannot be used (unknown, used, expired), with the way to a new one when there is one. */
export function LinkProblemPage({ message, again }: { message: string; again?: { href: string; label: string } }) {
  return (
    <Layout title="This link cannot be used">
      <p class="form-error" role="alert" data-testid="link-problem">{message}</p>
      {again && <p><a href={again.href}>{again.label}</a></p>}
      <p><a href="/signin">Sign in</a></p>
    </Layout>
  );
}
