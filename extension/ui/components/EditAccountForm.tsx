import { useState } from 'preact/hooks';
import type { VaultAccount } from '../../vault/index';
import { parseSites } from '../../sites/sites';
import { describeError } from '../text/describe-error';
import { ErrorText } from './ErrorText';
import { AutoFillToggles } from './AutoFillToggles';

export type AccountPatch = Pick<VaultAccount, 'issuer' | 'account' | 'sites'>;

interface Props { account: VaultAccount; onSave(patch: AccountPatch): Promise<void>; onCancel(): void }

/** Rename an account and choose the sites its codes may be filled on. */
export function EditAccountForm({ account, onSave, onCancel }: Props) {
  const [issuer, setIssuer] = useState(account.issuer);
  const [name, setName] = useState(account.account);
  const [sites, setSites] = useState(account.sites.join('\n'));
  const [error, setError] = useState<string | null>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!issuer.trim() && !name.trim()) return setError('Give the account an issuer or a name so you can tell it apart.');
    const parsed = parseSites(sites);
    if (parsed.error !== undefined) return setError(parsed.error);
    try {
      await onSave({ issuer: issuer.trim(), account: name.trim(), sites: parsed.sites });
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  return (
    <form class="panel stack" aria-labelledby="edit-title" onSubmit={submit}>
      <h2 id="edit-title">Edit account</h2>
      <label for="edit-issuer">Issuer</label>
      <input id="edit-issuer" type="text" value={issuer} onInput={(event) => setIssuer(event.currentTarget.value)} />
      <label for="edit-account">Account name</label>
      <input id="edit-account" type="text" value={name} onInput={(event) => setName(event.currentTarget.value)} />
      <label for="edit-sites">Sites it fills on</label>
      <textarea id="edit-sites" rows={3} spellcheck={false} aria-describedby="edit-sites-hint" value={sites}
        onInput={(event) => setSites(event.currentTarget.value)} />
      <p id="edit-sites-hint" class="hint">One per line, e.g. github.com. Codes are only ever filled on these sites.</p>
      <AutoFillToggles sites={account.sites} />
      <ErrorText message={error} />
      <div class="buttons">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" class="primary">Save</button>
      </div>
    </form>
  );
}
