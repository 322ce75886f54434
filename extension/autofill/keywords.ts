// Words that mark a one-time-code field, and words that mark a field that must never get one, in English and the common
// European languages. Matched against name, id, placeholder, aria-label, autocomplete and label text, lower-cased.
export const STRONG_HINTS = [
  'one-time-code', 'one-time', 'onetime', 'one time', 'otp', 'totp', 'hotp', '2fa', 'mfa', 'two-factor', 'two factor', 'twofactor',
  'authenticator', 'authentication code', 'verification code', 'verification', 'verify', 'security code', 'passcode',
  'code de vérification', 'code de sécurité', 'code à usage unique', 'bestätigungscode', 'sicherheitscode', 'einmalcode',
  'einmalpasswort', 'código de verificación', 'código de seguridad', 'código de verificação', 'codice di verifica',
  'codice di sicurezza', 'verificatiecode', 'beveiligingscode', 'kod weryfikacyjny', 'kod bezpieczeństwa', 'engångskod',
  'verifieringskod', 'bekræftelseskode', 'engangskode', 'vahvistuskoodi', 'ověřovací kód',
];

export const WEAK_HINTS = ['code', 'token', 'pin', 'code', 'código', 'codice', 'kod', 'kode', 'koodi', 'kód'];

/** A field named like this is never filled, whatever else it says: a code here would be wasted or leaked. */
export const NEVER_HINTS = [
  'password', 'passwort', 'contraseña', 'mot de passe', 'wachtwoord', 'hasło', 'postal', 'zip', 'post code', 'postcode',
  'plz', 'promo', 'coupon', 'voucher', 'gift', 'discount', 'captcha', 'card', 'cvv', 'cvc', 'iban', 'country', 'phone',
  'email', 'e-mail', 'search', 'username', 'user name',
];

/** A backup or recovery code field: never filled, unless it also takes the authenticator's code (see below). */
export const RECOVERY_HINTS = [
  'backup', 'recovery', 'recover', 'restore', 'scratch', 'récupération', 'secours', 'wiederherstellung', 'sicherung',
  'recuperación', 'recuperação', 'respaldo', 'recupero', 'herstel', 'odzyskiw',
];

/** Words naming the authenticator app itself: a field labelled "code from your authenticator app or a backup code"
 * takes either, so Tessera's code belongs there. "backup otp" names no app and stays a backup-code field. */
export const AUTHENTICATOR_HINTS = [
  'authenticator', 'authentication app', 'app', 'application', 'totp', 'authentificateur', 'aplicación', 'aplicativo',
  'applicazione', 'authenticator-app', 'authenticatie-app',
];
