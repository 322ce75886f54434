import { Layout } from './layout';

/** The only time codes are ever shown: with Copy (script) and Download .txt (a plain link, works without script). */
export function IssuedCodesPage({ email, codes }: { email: string; codes: string[] }) {
  const text = `Tessera Demo backup codes for ${email}\nEach code works once.\n\n${codes.join('\n')}\n`;
  return (
    <Layout title="Backup codes issued" signedIn isAdmin>
      <section class="card">
        <p class="warning" role="alert">These codes will not be shown again. Hand them to {email} now.</p>
        <ol class="codes" id="issued-codes" data-testid="issued-codes" data-copy-text={codes.join('\n')}>
          {codes.map((code) => <li key={code}><code>{code}</code></li>)}
        </ol>
        <p>
          <button type="button" class="js-only" data-copy="#issued-codes">Copy</button>{' '}
          <a class="button" download="tessera-backup-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}>Download .txt</a>
        </p>
        <p><a href="/admin">Back to the requests</a></p>
      </section>
    </Layout>
  );
}
