import { useState } from 'preact/hooks';
import type { OtpAccount } from '#shared/otp/index.ts';
import { buildManualAccount, DEFAULT_FIELDS, parsePastedUri, type ManualFields } from '../accounts/manual-account';
import { describeError } from '../text/describe-error';
import { ErrorText } from './ErrorText';
import { AdvancedFields } from './AdvancedFields';
import { formatAccountLabel } from '../text/format-code';
import { ImagePicker } from './ImagePicker';
import { findTwin } from '../../vault/twins';

interface Props { existing: OtpAccount[]; onAdd(account: OtpAccount): Promise<void>; onCancel(): void; onImage?(file: File): void }

/** "Add manually": either paste an otpauth URI, or type the setup key (with the rarer settings under Advanced). */
export function AddAccountForm({ existing, onAdd, onCancel, onImage }: Props) {
  const [uri, setUri] = useState('');
  const [fields, setFields] = useState<ManualFields>(DEFAULT_FIELDS);
  const [uriError, setUriError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // A key that is already there is added only when asked a second time (the same key twice is usually a mistake).
  const [confirmedSecret, setConfirmedSecret] = useState<string | null>(null);
  const set = (name: keyof ManualFields) => (event: Event) =>
    setFields({ ...fields, [name]: (event.currentTarget as HTMLInputElement).value });

  async function submit(event: Event, build: () => OtpAccount, show: (message: string | null) => void) {
    event.preventDefault();
    show(null);
    try {
      const account = build();
      const twin = findTwin(account, existing);
      if (twin && confirmedSecret !== account.secret) {
        setConfirmedSecret(account.secret);
        return show(`This key is already in Tessera as ${formatAccountLabel(twin)}. Add it again to keep both.`);
      }
      await onAdd(account);
    } catch (caught) {
      show(describeError(caught));
    }
  }

  return (
    <section class="panel stack" aria-labelledby="add-title">
      <h2 id="add-title">Add an account</h2>
      {onImage && <p class="hint">A QR code saved as a picture? <ImagePicker onImage={onImage} /></p>}
      <form class="stack" aria-label="Add from an otpauth URI" onSubmit={(event) => submit(event, () => parsePastedUri(uri), setUriError)}>
        <label for="add-uri">otpauth URI</label>
        <input id="add-uri" type="text" spellcheck={false} autocomplete="off" placeholder="otpauth://totp/…" value={uri}
          onInput={(event) => setUri(event.currentTarget.value)} />
        <ErrorText message={uriError} />
        <button type="submit">Add from URI</button>
      </form>
      <form class="stack" aria-label="Add with a setup key" onSubmit={(event) => submit(event, () => buildManualAccount(fields), setError)}>
        <label for="add-secret">Secret key</label>
        <input id="add-secret" type="text" spellcheck={false} autocomplete="off" value={fields.secret} onInput={set('secret')} />
        <label for="add-issuer">Issuer</label>
        <input id="add-issuer" type="text" placeholder="e.g. GitHub" value={fields.issuer} onInput={set('issuer')} />
        <label for="add-account">Account name</label>
        <input id="add-account" type="text" placeholder="e.g. alice@example.com" value={fields.account} onInput={set('account')} />
        <AdvancedFields fields={fields} set={set} />
        <ErrorText message={error} />
        <div class="buttons">
          <button type="button" onClick={onCancel}>Cancel</button>
          <button type="submit" class="primary">Add account</button>
        </div>
      </form>
    </section>
  );
}
