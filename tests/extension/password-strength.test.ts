import { describe, expect, it } from 'vitest';
import { passwordStrength } from '../../extension/vault';

describe('master password strength hint', () => {
  it('calls anything under 8 characters too short', () => {
    expect(passwordStrength('Ab1!xyz')).toEqual({ score: 0, label: 'Too short', hint: expect.stringContaining('8 characters') });
    expect(passwordStrength('')).toMatchObject({ score: 0 });
  });

  it('rates common words, repeats and keyboard runs as weak', () => {
    for (const pw of ['password123', 'Qwerty2024!', 'aaaaaaaaaaaa', 'abcdefghij', '12345678']) {
      expect(passwordStrength(pw), pw).toMatchObject({ score: 1, label: 'Weak' });
    }
  });

  it('rises with length and variety', () => {
    const scores = ['mxkqzvbt', 'mxkqzvbtw7', 'Mxk7qz#vbTw2', 'violet tugboat ribbon canyon'].map((pw) => passwordStrength(pw).score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(scores[0]).toBeLessThanOrEqual(2);
    expect(scores[3]).toBe(4);
    expect(passwordStrength('violet tugboat ribbon canyon')).toEqual({ score: 4, label: 'Strong', hint: '' });
  });
});
