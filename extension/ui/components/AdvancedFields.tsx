import type { ManualFields } from '../accounts/manual-account';

interface Props { fields: ManualFields; set(name: keyof ManualFields): (event: Event) => void }

/** The settings most sites leave at their defaults (TOTP, SHA1, 6 digits, 30 s). */
export function AdvancedFields({ fields, set }: Props) {
  return (
    <details class="advanced">
      <summary>Advanced</summary>
      <div class="stack">
        <label for="add-type">Type</label>
        <select id="add-type" value={fields.type} onChange={set('type')}>
          <option value="totp">Time-based (TOTP)</option>
          <option value="hotp">Counter-based (HOTP)</option>
        </select>
        <label for="add-algorithm">Algorithm</label>
        <select id="add-algorithm" value={fields.algorithm} onChange={set('algorithm')}>
          <option value="SHA1">SHA1</option>
          <option value="SHA256">SHA256</option>
          <option value="SHA512">SHA512</option>
        </select>
        <label for="add-digits">Digits</label>
        <select id="add-digits" value={fields.digits} onChange={set('digits')}>
          <option value="6">6</option>
          <option value="7">7</option>
          <option value="8">8</option>
        </select>
        {fields.type === 'hotp'
          ? <><label for="add-counter">Counter</label>
              <input id="add-counter" type="number" min={0} step={1} value={fields.counter} onInput={set('counter')} /></>
          : <><label for="add-period">Period (seconds)</label>
              <input id="add-period" type="number" min={1} step={1} value={fields.period} onInput={set('period')} /></>}
      </div>
    </details>
  );
}
