import { describe, it, expect } from 'vitest';
import { decideQrLink } from '../../extension/qr-signin/decide';
import { describeDevice } from '../../extension/qr-signin/device-name';
import type { VaultAccount } from '../../extension/vault/index';

const TOKEN = 'q3Zr8x1Yb5Vn0Lk2Jh7Gf4';
const account = (issuer: string, sites: string[], type: 'totp' | 'hotp' = 'totp'): VaultAccount => ({
  id: issuer, type, issuer, account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6,
  period: 30, counter: 0, sites, pinned: false, order: 0, createdAt: 0, updatedAt: 0,
});
const vault = [account('Demo', ['127.0.0.1']), account('Bank', ['bank.example']), account('Old', ['127.0.0.1'], 'hotp')];

describe('decideQrLink', () => {
  it('offers the TOTP accounts bound to the site when the QR is on its own page', () => {
    const decision = decideQrLink({ kind: 'signin', origin: 'http://127.0.0.1:3000', token: TOKEN }, 'http://127.0.0.1:3000/signin', vault);
    expect(decision).toMatchObject({ ok: true, kind: 'signin', origin: 'http://127.0.0.1:3000' });
    expect(decision.ok && decision.kind === 'signin' && decision.accounts.map((a) => a.issuer)).toEqual(['Demo']);
  });

  it('refuses a QR relayed onto another origin, and says so', () => {
    const decision = decideQrLink({ kind: 'signin', origin: 'https://bank.example', token: TOKEN }, 'https://bank.example.evil.example/login', vault);
    expect(decision).toMatchObject({ ok: false, reason: 'relayed' });
    expect(!decision.ok && decision.message).toMatch(/This QR code is for https:\/\/bank\.example, but it is shown on https:\/\/bank\.example\.evil\.example/);
    expect(decideQrLink({ kind: 'signin', origin: 'http://127.0.0.1:3000', token: TOKEN }, 'http://127.0.0.1:4000/', vault)).toMatchObject({ ok: false, reason: 'relayed' });
    expect(decideQrLink({ kind: 'pair', origin: 'http://127.0.0.1:3000', token: TOKEN }, 'http://localhost:3000/', vault)).toMatchObject({ ok: false, reason: 'relayed' });
  });

  it('needs an account bound to the site for sign-in, but none for pairing', () => {
    expect(decideQrLink({ kind: 'signin', origin: 'https://shop.example', token: TOKEN }, 'https://shop.example/', vault)).toMatchObject({ ok: false, reason: 'no_account' });
    expect(decideQrLink({ kind: 'pair', origin: 'https://shop.example', token: TOKEN }, 'https://shop.example/mfa', vault)).toEqual({ ok: true, kind: 'pair', origin: 'https://shop.example' });
  });
});

describe('describeDevice', () => {
  it('names the browser and platform only', () => {
    expect(describeDevice('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe('Chrome on Linux');
    expect(describeDevice('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36 Edg/156.0')).toBe('Edge on Windows');
    expect(describeDevice('Mozilla/5.0 (Macintosh; Intel Mac OS X 14.0; rv:140.0) Gecko/20100101 Firefox/140.0')).toBe('Firefox on macOS');
    expect(describeDevice('curl/8')).toBe('A browser');
  });
});
