import { Layout } from './layout';

/** Codes shown once: to their user (fetched from a link or /account), or to an administrator who chose the hand-over. */
export function IssuedCodesPage({ email, codes, forUser = false }: { email: string; codes: string[]; forUser?: boolean }) {
  const text = codesText(email, codes);
  return (
    <Layout title={forUser ? 'Your backup codes' : 'Backup codes issued'} signedIn={!forUser} isAdmin={!forUser}>
      <section class="card">
        <p class="warning" role="alert">
          {forUser ? 'These codes will not be shown again: save them now, somewhere other than your authenticator.' : `These codes will not be shown again. Hand them to ${email} now.`}
        </p>
        <ol class="codes" id="issued-codes" data-testid="issued-codes" data-copy-text={codes.join('\n')}>
          {codes.map((code) => <li key={code}><code>{code}</code></li>)}
        </ol>
        <p>
          <button type="button" class="js-only" data-copy="#issued-codes">Copy</button>{' '}
          <a class="button" download="tessera-backup-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}>Download .txt</a>
        </p>
        <p>{forUser ? <a href="/account">Your account</a> : <a href="/admin">Back to the requests</a>}</p>
      </section>
    </Layout>
  );
}

export function codesText(email: string, codes: string[]): string {
  return `Tessera Demo backup codes for ${email}\nEach code works once.\n\n${codes.join('\n')}\n`;
}

/** What a codes link opens: the codes are not shown until a button is pressed (mail scanners open links too). */
export function FetchCodesPage({ token }: { token?: string }) {
  const base = token === undefined ? '/account/backup-codes' : '/backup-codes';
  return (
    <Layout title="Your new backup codes" signedIn={token === undefined}>
      <section class="card" data-testid="fetch-codes">
        <p>Your new backup codes are ready. They are shown once: have somewhere safe to keep them before you open them.</p>
        <form method="post" action={`${base}/show`} class="inline">
          {token !== undefined && <input type="hidden" name="token" value={token} />}
          <button type="submit">Show my codes</button>
        </form>{' '}
        <form method="post" action={`${base}/download`} class="inline">
          {token !== undefined && <input type="hidden" name="token" value={token} />}
          <button type="submit">Download them as .txt</button>
        </form>
      </section>
    </Layout>
  );
}
