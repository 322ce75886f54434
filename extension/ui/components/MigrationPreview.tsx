import { useId } from 'preact/hooks';
import type { MigrationFinding } from '../../capture/index';
import { formatAccountLabel } from '../text/format-code';

interface Props { finding: MigrationFinding; isTwin(secret: string): boolean; onImport(): void; onCancel(): void }

/** A QR code of an authenticator export: its accounts, the ones already here, the refused ones, and the batch's progress. */
export function MigrationPreview({ finding, isTwin, onImport, onCancel }: Props) {
  // A page may hold several codes: each preview needs its own heading id.
  const titleId = useId();
  const fresh = finding.accounts.filter((account) => !isTwin(account.secret)).length;
  return (
    <section class="stack finding" aria-labelledby={titleId}>
      <h2 id={titleId}>Accounts exported from another authenticator</h2>
      {finding.progress && <p class="progress">{finding.progress.message}</p>}
      <ul class="preview-list">
        {finding.accounts.map((account, i) => (
          <li key={i} class={isTwin(account.secret) ? 'duplicate' : undefined}>
            {formatAccountLabel(account)}{isTwin(account.secret) && ' (already in Tessera, left as it is)'}
          </li>
        ))}
      </ul>
      {fresh > 0 && <p class="hint">They fill on no site until you add theirs in Edit: this page is not theirs.</p>}
      {finding.refused.length > 0 && (
        <ul class="preview-list refused" aria-label="Not imported">
          {finding.refused.map((item) => <li key={item.index}>{item.name || `Entry ${item.index + 1}`}: {item.reason}</li>)}
        </ul>
      )}
      <div class="buttons">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="button" class="primary" disabled={fresh === 0} onClick={onImport}>
          {fresh === 0 ? 'Nothing new to import' : `Import ${fresh} account${fresh === 1 ? '' : 's'}`}
        </button>
      </div>
    </section>
  );
}
