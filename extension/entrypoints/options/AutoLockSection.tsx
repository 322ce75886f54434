import { useState } from 'preact/hooks';
import type { VaultSettings } from '../../vault/index';
import type { Unlocked } from '../../ui/components/VaultGate';
import { ErrorText } from '../../ui/components/ErrorText';
import { describeError, isLockedError } from '../../ui/text/describe-error';

const CHOICES: { value: string; label: string }[] = [
  { value: '1', label: '1 minute' }, { value: '5', label: '5 minutes' }, { value: '15', label: '15 minutes' },
  { value: '30', label: '30 minutes' }, { value: '60', label: '1 hour' }, { value: '240', label: '4 hours' },
  { value: 'never', label: 'Never' },
];

/** How long the vault stays unlocked without being used, and "Lock now". */
export function AutoLockSection({ vault, showLocked, lockNow, initial }: Unlocked & { initial: VaultSettings | null }) {
  const [value, setValue] = useState<string | null>(initial && toChoice(initial.autoLockMinutes));
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function choose(next: string) {
    setError(null);
    try {
      await vault.setSettings({ autoLockMinutes: next === 'never' ? null : Number(next) });
      setValue(next);
      setMessage(next === 'never' ? 'Tessera stays unlocked until you lock it or close the browser.' : 'Saved.');
    } catch (caught) {
      if (isLockedError(caught)) return showLocked();
      setError(describeError(caught));
    }
  }

  return (
    <section aria-labelledby="autolock-title" class="stack">
      <h2 id="autolock-title">Auto-lock</h2>
      <label for="autolock">Lock after being idle for</label>
      <select id="autolock" value={value ?? ''} disabled={value === null} onChange={(event) => void choose(event.currentTarget.value)}>
        {listChoices(value).map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
      </select>
      <p class="hint" role="status">{message}</p>
      <ErrorText message={error} />
      <div><button type="button" onClick={() => void lockNow()}>Lock now</button></div>
    </section>
  );
}

function toChoice(minutes: number | null): string {
  return minutes === null ? 'never' : String(minutes);
}

// A value set elsewhere (e.g. a restored backup) that is not among the choices still shows as what it is.
function listChoices(value: string | null) {
  if (value === null || CHOICES.some((choice) => choice.value === value)) return CHOICES;
  return [...CHOICES, { value, label: `${value} minutes` }];
}
