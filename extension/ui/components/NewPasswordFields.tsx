import { StrengthHint } from './StrengthHint';
import { MIN_PASSWORD_LENGTH } from '../../vault/index';

interface Props {
  idPrefix: string;
  label: string;
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
}

/** A new password typed twice, with a strength hint: used when creating the vault, changing it, and for backups. */
export function NewPasswordFields({ idPrefix, label, password, confirm, onPassword, onConfirm }: Props) {
  return (
    <>
      <label for={`${idPrefix}-password`}>{label}</label>
      <input id={`${idPrefix}-password`} type="password" autocomplete="new-password" value={password} aria-describedby={`${idPrefix}-hint`}
        onInput={(event) => onPassword(event.currentTarget.value)} />
      <StrengthHint id={`${idPrefix}-hint`} password={password} />
      <label for={`${idPrefix}-confirm`}>Type it again</label>
      <input id={`${idPrefix}-confirm`} type="password" autocomplete="new-password" value={confirm}
        onInput={(event) => onConfirm(event.currentTarget.value)} />
    </>
  );
}

/** What is wrong with a new password pair, or null when it can be used. */
export function checkNewPassword(password: string, confirm: string): string | null {
  // Counted in characters, as the vault counts them (an emoji is one).
  if ([...password].length < MIN_PASSWORD_LENGTH) return `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== confirm) return 'The two passwords differ: type the same password twice.';
  return null;
}
