// Form pieces: a labelled field with its error right under it, and the form-level error.
export type FieldErrors = Record<string, string>;

export interface FieldProps {
  label: string;
  name: string;
  type?: 'text' | 'email' | 'password';
  value?: string;
  errors?: FieldErrors;
  autocomplete?: string;
  hint?: string;
  autofocus?: boolean;
  required?: boolean;
}

export function Field({ label, name, type = 'text', value, errors = {}, autocomplete, hint, autofocus, required = true }: FieldProps) {
  const error = errors[name];
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={name}>{label}</label>
      <input id={name} name={name} type={type as "text" /* preact types each input type separately */} value={value} autocomplete={autocomplete} autofocus={autofocus}
        aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined} required={required} />
      {hint && <p class="hint">{hint}</p>}
      {error && <p class="field-error" id={`${name}-error`} role="alert">{error}</p>}
    </div>
  );
}

/** A one-time-code field that authenticators and password managers recognise. */
export interface CodeFieldProps {
  errors?: FieldErrors;
  name?: string;
  label?: string;
  required?: boolean;
  autofocus?: boolean;
}

export function CodeField({ errors = {}, name = 'code', label = 'Code from your authenticator', required = true, autofocus = true }: CodeFieldProps) {
  const error = errors[name];
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={name}>{label}</label>
      <input id={name} name={name} type="text" autocomplete="one-time-code" inputmode="numeric" pattern="[0-9 ]*" maxLength={8}
        autofocus={autofocus} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${name}-error` : undefined} required={required} />
      {error && <p class="field-error" id={`${name}-error`} role="alert">{error}</p>}
    </div>
  );
}

export function FormError({ errors = {} }: { errors?: FieldErrors }) {
  return errors.form ? <p class="form-error" role="alert">{errors.form}</p> : null;
}
