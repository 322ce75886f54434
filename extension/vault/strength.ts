// A quick, offline strength hint for the master password. It guides; the only hard rule is the 8-character minimum.
export const MIN_PASSWORD_LENGTH = 8;

export interface PasswordStrength {
  score: 0 | 1 | 2 | 3 | 4;
  label: 'Too short' | 'Weak' | 'Fair' | 'Good' | 'Strong';
  /** One short, actionable suggestion, or '' when there is nothing to add. */
  hint: string;
}

const LABELS = ['Too short', 'Weak', 'Fair', 'Good', 'Strong'] as const;
const COMMON = ['password', 'passwort', 'qwerty', 'azerty', '123456', 'letmein', 'welcome', 'admin', 'iloveyou', 'monkey', 'dragon', 'abc123', 'tessera'];

export function passwordStrength(password: string): PasswordStrength {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return result(0, `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word)) || isRepetitive(lower)) {
    return result(1, 'Avoid common words, repeats and keyboard runs.');
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  const bits = length * Math.log2(poolSize(classes));
  if (bits >= 80 || length >= 20) return result(4, '');
  if (bits >= 60) return result(3, 'A few more words would make it strong.');
  if (bits >= 45) return result(2, 'Make it longer: several unrelated words work well.');
  return result(1, 'Make it longer and mix in other kinds of characters.');
}

function poolSize(classes: number): number {
  return [10, 26, 52, 62, 94][classes] ?? 94;
}

function isRepetitive(text: string): boolean {
  if (new Set(text).size <= 3) return true;
  let runs = 0;
  for (let i = 1; i < text.length; i++) {
    if (Math.abs(text.charCodeAt(i) - text.charCodeAt(i - 1)) <= 1) runs++;
  }
  return runs >= text.length - 2;
}

function result(score: PasswordStrength['score'], hint: string): PasswordStrength {
  return { score, label: LABELS[score], hint };
}
