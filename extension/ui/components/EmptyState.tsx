/** No accounts yet: the ways to add one. */
export function EmptyState({ onAdd, onScan, optionsUrl }: { onAdd(): void; onScan(): void; optionsUrl: string }) {
  return (
    <section class="empty stack" aria-labelledby="empty-title">
      <h2 id="empty-title">No accounts yet</h2>
      <p>Add the two-factor accounts you use. When a site shows a QR code or a setup key:</p>
      <ul class="ways">
        <li><button type="button" class="primary" onClick={onScan}>Scan the page's QR code</button> while the site shows it: one click adds the account, bound to that site.</li>
        <li><button type="button" onClick={onAdd}>Add an account manually</button> with its setup key, or paste its otpauth:// link.</li>
        <li><a href={optionsUrl} target="_blank" rel="noopener">Import accounts</a> from another authenticator (Google Authenticator, Aegis, 2FAS) or a Tessera backup.</li>
      </ul>
    </section>
  );
}
