import { passwordStrength } from '../../vault/index';

export function StrengthHint({ id, password }: { id: string; password: string }) {
  if (!password) return <p id={id} class="hint">At least 8 characters. A few unrelated words make a strong password.</p>;
  const strength = passwordStrength(password);
  return (
    <p id={id} class={`hint strength strength-${strength.score}`} aria-live="polite">
      <meter min={0} max={4} low={2} high={3} optimum={4} value={strength.score} aria-hidden="true" />
      <span>Strength: {strength.label}.{strength.hint ? ` ${strength.hint}` : ''}</span>
    </p>
  );
}
