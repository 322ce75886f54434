import type { ImportFormat, ImportPreview } from '../../backup/index';
import { formatAccountLabel } from '../../ui/text/format-code';

const FORMAT_NAMES: Record<ImportFormat, string> = {
  'otpauth-list': 'a list of otpauth links',
  'google-migration': 'Google Authenticator export',
  aegis: 'Aegis export',
  'aegis-encrypted': 'encrypted Aegis export',
  '2fas': '2FAS backup',
  'tessera-backup': 'Tessera backup',
};

interface Props { preview: ImportPreview; onImport(): void; onCancel(): void }

export function ImportPreviewList({ preview, onImport, onCancel }: Props) {
  const fresh = preview.accounts.filter((account) => !account.duplicate).length;
  const duplicates = preview.accounts.length - fresh;
  return (
    <div class="stack" role="region" aria-labelledby="preview-title">
      <h3 id="preview-title">Preview: {fresh} to add from {FORMAT_NAMES[preview.format] ?? preview.format}</h3>
      {preview.accounts.length > 0 && (
        <ul class="preview-list" aria-label="Accounts found">
          {preview.accounts.map((account, index) => (
            <li key={index} class={account.duplicate ? 'duplicate' : undefined}>
              {formatAccountLabel(account)} <small>({account.type.toUpperCase()})</small>
              {account.duplicate && <strong> already in Tessera, will be skipped</strong>}
            </li>
          ))}
        </ul>
      )}
      {preview.refused.length > 0 && (
        <>
          <h4 id="refused-title">Not imported ({preview.refused.length})</h4>
          <ul class="preview-list" aria-labelledby="refused-title">
            {preview.refused.map((refused, index) => <li key={index}>{refused.entry}: {refused.reason}</li>)}
          </ul>
        </>
      )}
      {duplicates > 0 && <p class="hint">{duplicates} already in Tessera.</p>}
      <div class="buttons" style={{ justifyContent: 'flex-start' }}>
        <button type="button" class="primary" disabled={fresh === 0} onClick={onImport}>
          Import {fresh} {fresh === 1 ? 'account' : 'accounts'}
        </button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}
