// "This wasn't me": one confirmation, then the account is frozen.
import { Layout } from './layout';

export function NotMePage({ token }: { token: string }) {
  return (
    <Layout title="This wasn't me">
      <section class="card" data-testid="not-me">
        <p>Freeze your account? Nobody can sign in to it (you neither), every session ends at once, and the administrator is told.
          They check the account with you, then unfreeze it; choose a new password then.</p>
        <form method="post" action="/not-me">
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="danger">Freeze my account</button>
        </form>
      </section>
    </Layout>
  );
}

export function FrozenPage() {
  return (
    <Layout title="Your account is frozen">
      <p class="notice" role="status" data-testid="frozen">Your account is frozen: nobody can sign in to it, and every session was signed out. The administrator has been told.</p>
    </Layout>
  );
}
