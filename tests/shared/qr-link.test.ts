import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { buildQrLink, parseQrLink, QrLinkError, type QrLink } from '#shared/protocol/qr-link.ts';

const TOKEN = 'q3Zr8x1Yb5Vn0Lk2Jh7Gf4';

describe('Tessera QR links', () => {
  it('round-trips sign-in and pairing links', () => {
    for (const link of [
      { kind: 'signin', origin: 'https://demo.example', token: TOKEN },
      { kind: 'pair', origin: 'http://127.0.0.1:3000', token: TOKEN },
    ] satisfies QrLink[]) {
      expect(parseQrLink(buildQrLink(link))).toEqual(link);
    }
  });

  it('is short enough for a small QR code', () => {
    expect(buildQrLink({ kind: 'signin', origin: 'https://accounts.example.com', token: TOKEN }).length).toBeLessThan(90);
  });

  it.each([
    ['https://example.com', 'not_tessera_link'],
    [`tessera:steal?o=https%3A%2F%2Fa.example&t=${TOKEN}`, 'invalid_kind'],
    [`tessera:signin?o=javascript%3Aalert(1)&t=${TOKEN}`, 'invalid_origin'],
    [`tessera:signin?o=https%3A%2F%2Fa.example%2Fpath&t=${TOKEN}`, 'invalid_origin'],
    ['tessera:signin?o=https%3A%2F%2Fa.example&t=short', 'invalid_token'],
  ])('refuses %s (%s)', (text, code) => {
    expect(() => parseQrLink(text)).toThrow(QrLinkError);
    try {
      parseQrLink(text);
    } catch (error) {
      expect((error as QrLinkError).code).toBe(code);
    }
  });

  it('gives a QrLinkError or a link for any input', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      try {
        parseQrLink(`tessera:${s}`);
      } catch (error) {
        expect(error).toBeInstanceOf(QrLinkError);
      }
    }));
  });
});
