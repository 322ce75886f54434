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
  const bits = length * Math.log2(poolSize(password));
  if (bits >= 80 || length >= 20) return result(4, '');
  if (bits >= 60) return result(3, 'A few more words would make it strong.');
  if (bits >= 45) return result(2, 'Make it longer: several unrelated words work well.');
  return result(1, 'Make it longer and mix in other kinds of characters.');
}

/** How many characters an attacker must try per position, from the kinds of characters used. */
function poolSize(password: string): number {
  const kinds: [RegExp, number][] = [[/[a-z]/, 26], [/[A-Z]/, 26], [/[0-9]/, 10], [/[^a-zA-Z0-9]/, 33]];
  return Math.max(10, kinds.reduce((sum, [re, size]) => sum + (re.test(password) ? size : 0), 0));
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
