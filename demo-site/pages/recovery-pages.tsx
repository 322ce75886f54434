// Recovery pages: the banner every sign-in shows while a recovery waits, the "lost everything" form at the code step,
// and the pages its email links open.
import { describeTime } from '../mail/messages';
import { Layout } from './layout';

/** Shown at the code step and on /account while a recovery waits: whoever is signing in can stop it. */
export function RecoveryBanner({ readyAt, action }: { readyAt: number; action: string }) {
  return (
    <form method="post" action={action} class="card warning" data-testid="recovery-banner">
      <p>A recovery of this account is under way: two-factor authentication goes off at {describeTime(readyAt)}. If you did not ask for it, cancel it now.</p>
      <button type="submit" class="danger">Cancel this recovery</button>
    </form>
  );
}

export function LostEverythingForm() {
  return (
    <details class="card" data-testid="recovery-start">
      <summary>I lost my authenticator and have no backup codes</summary>
      <form method="post" action="/signin/recovery">
        <p>We send a link to your account's email address. Once you open it, two-factor authentication goes off after a waiting
          period, during which you (and anyone signing in) can cancel it. Then sign in and set up a new authenticator.</p>
        <button type="submit">Start a recovery</button>
      </form>
    </details>
  );
}

export function LinkActionPage({ title, text, action, token, button }: { title: string; text: string; action: string; token: string; button: string }) {
  return (
    <Layout title={title}>
      <section class="card" data-testid="link-action">
        <p>{text}</p>
        <form method="post" action={action}>
          <input type="hidden" name="token" value={token} />
          <button type="submit">{button}</button>
        </form>
      </section>
    </Layout>
  );
}

export function MessagePage({ title, message }: { title: string; message: string }) {
  return (
    <Layout title={title}>
      <p class="notice" role="status" data-testid="message">{message}</p>
      <p><a href="/signin">Sign in</a></p>
    </Layout>
  );
}
