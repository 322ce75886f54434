// What a field's words make of it, without a browser: which fields are never filled, whatever else they say.
import { describe, expect, it } from 'vitest';
import { hasStrongHint, hasWeakHint, isRefusedField, toWords } from '../../extension/autofill/field-text';

const refused = (text: string) => isRefusedField(toWords(text));

describe('refused fields', () => {
  it('refuses backup and recovery code fields, in several languages', () => {
    for (const text of ['Backup code', 'backup_otp', 'recoveryCode', 'Code de récupération', 'Wiederherstellungscode', 'Enter one of your recovery codes']) {
      expect(refused(text), text).toBe(true);
    }
  });

  it('takes a field labelled for either the authenticator app or a backup code', () => {
    for (const text of ['Enter the code from your authenticator app or a backup code', 'Authentication app or recovery code', 'TOTP or backup code']) {
      expect(refused(text), text).toBe(false);
    }
  });

  it('refuses passwords and other fields that are no code\'s, even next to an authenticator word', () => {
    for (const text of ['Password', 'authenticator app password', 'ZIP code', 'Promo code', 'Card security code', 'Search']) {
      expect(refused(text), text).toBe(true);
    }
  });

  it('reads a one-time password as a code field, and weak words as weak', () => {
    expect(refused('One-time password')).toBe(false);
    expect(hasStrongHint(toWords('One-time password'))).toBe(true);
    expect(hasWeakHint(toWords('Enter the code'))).toBe(true);
    expect(hasStrongHint(toWords('Enter the code'))).toBe(false);
  });
});
