// The PIN step of QR sign-in as plain functions: wrong PINs replaced and pushed to the extension, the fifth locks,
// a late PIN is answered as expired without costing an attempt, the right one signs in once.
import { describe, expect, it } from 'vitest';
import { signUp } from '../../demo-site/accounts/signup';
import { activateTotp, generatePendingTotp } from '../../demo-site/mfa/enrolment';
import { issueQr } from '../../demo-site/qr-signin/issue';
import { scanQr } from '../../demo-site/qr-signin/scan';
import { verifyPin } from '../../demo-site/qr-signin/verify-pin';
import { codeAt, PASSWORD } from '../site/support/site';
import { qrDomain, REQUEST } from './support/context';

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error) => error as { code: string; details: Record<string, unknown> });

async function scannedSignin() {
  const { qr, notify, clock } = qrDomain();
  const { user } = await signUp(qr.site, { email: 'ada@example.com', password: PASSWORD, displayName: 'Ada' }, REQUEST);
  const { secret } = await generatePendingTotp(qr.site, user);
  await activateTotp(qr.site, user, codeAt(secret, clock), REQUEST);
  clock.advance(30_000);
  const { qrToken } = await issueQr(qr, { kind: 'signin', binding: 'qr:browser', origin: 'https://demo.example' }, REQUEST);
  const scan = await scanQr(qr, { qrToken, email: 'ada@example.com', code: codeAt(secret, clock), device: 'Chrome on Linux' }, REQUEST);
  if (scan.kind !== 'signin') throw new Error('expected a sign-in scan');
  return { qr, notify, clock, qrToken, pin: scan.pin };
}

const other = (pin: string) => (pin === '000000' ? '111111' : '000000');

describe('PIN rules', () => {
  it('replace a wrong PIN with a fresh one on the channel, and lock at the fifth wrong one', async () => {
    const { qr, notify, qrToken, pin } = await scannedSignin();
    let current = pin;
    for (let left = 4; left >= 1; left--) {
      expect(await failure(verifyPin(qr, { qrToken, pin: other(current) }, 'qr:browser', REQUEST))).toMatchObject({ code: 'invalid_pin', details: { attemptsLeft: left } });
      const [, pushed] = notify.channels.at(-1)!;
      expect(pushed).toMatchObject({ type: 'pin', attemptsLeft: left });
      current = (pushed as { pin: string }).pin;
    }
    expect((await failure(verifyPin(qr, { qrToken, pin: other(current) }, 'qr:browser', REQUEST)))?.code).toBe('qr_locked');
    expect(notify.channels.at(-1)?.[1]).toEqual({ type: 'locked' });
    expect(notify.pages.at(-1)?.[1]).toEqual({ type: 'locked', qrToken });
    expect((await failure(verifyPin(qr, { qrToken, pin: current }, 'qr:browser', REQUEST)))?.code).toBe('qr_locked');
  });

  it('answer the replaced PIN as expired (no attempt lost), the current one signs in once, from the browser that owns the QR only', async () => {
    const { qr, notify, clock, qrToken, pin } = await scannedSignin();
    clock.advance(2 * 60_000 + 1);
    expect((await failure(verifyPin(qr, { qrToken, pin }, 'qr:browser', REQUEST)))?.code).toBe('pin_expired');
    const fresh = (notify.channels.at(-1)![1] as { pin: string; attemptsLeft: number });
    expect(fresh.attemptsLeft).toBe(5);
    expect((await failure(verifyPin(qr, { qrToken, pin: fresh.pin }, 'qr:another-browser', REQUEST)))?.code).toBe('qr_other_browser');
    expect((await verifyPin(qr, { qrToken, pin: fresh.pin }, 'qr:browser', REQUEST)).user.email).toBe('ada@example.com');
    expect(notify.channels.at(-1)?.[1]).toEqual({ type: 'signed-in' });
    expect((await failure(verifyPin(qr, { qrToken, pin: fresh.pin }, 'qr:browser', REQUEST)))?.code).toBe('qr_expired');
  });
});
