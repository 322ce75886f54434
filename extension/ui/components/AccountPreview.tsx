import { useId } from 'preact/hooks';
import type { AccountFinding, AddChoice } from '../../capture/index';
import { formatAccountLabel } from '../text/format-code';
import { listPreviewRows } from '../text/describe-scan';

interface Props { finding: AccountFinding; twin: { issuer: string; account: string } | null; onAdd(choice: AddChoice): void; onCancel(): void }

/** An otpauth:// code, before it is added: what it is, and whether the vault already holds its key. */
export function AccountPreview({ finding, twin, onAdd, onCancel }: Props) {
  // A page may hold several codes: each preview needs its own heading id.
  const titleId = useId();
  return (
    <section class="stack finding" aria-labelledby={titleId}>
      <h2 id={titleId}>Add {formatAccountLabel(finding.account)}?</h2>
      <dl class="preview">
        {listPreviewRows(finding.account).map(([label, value]) => (
          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
        ))}
      </dl>
      {twin && <p class="warning" role="alert">This key is already in Tessera as {formatAccountLabel(twin)}. Update that account
        (its names and sites) rather than keeping two copies of one key.</p>}
      <div class="buttons">
        <button type="button" onClick={onCancel}>Cancel</button>
        {twin && <button type="button" onClick={() => onAdd('add')}>Add a second copy</button>}
        {twin
          ? <button type="button" class="primary" onClick={() => onAdd('update-existing')}>Update {formatAccountLabel(twin)}</button>
          : <button type="button" class="primary" onClick={() => onAdd('add')}>Add account</button>}
      </div>
    </section>
  );
}
