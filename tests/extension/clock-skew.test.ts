// A wrong clock, found from a server's Date header and corrected only with the user's yes, with the clock injected.
import { describe, expect, it } from 'vitest';
import { breaksCodes, describeOffset, formatOffset, readClockOffset } from '../../extension/clock/skew';
import { adviseOnClock } from '../../extension/clock/advice';
import { codeClock, correctCodesBy, stopCorrectingCodes } from '../../extension/clock/correction';
import { memoryArea } from '../../extension/storage/area';
import { clockCorrectionItem } from '../../extension/storage/items';
import { answerAutoFill } from '../../extension/autofill/fill-best';
import { generateCode, parseOtpauthUri } from '#shared/otp/index.ts';
import { unlockedHarness } from './support/vault-fixture';

const T = Date.UTC(2026, 10, 28, 12, 0, 0, 250);
const header = (serverTime: number) => new Date(serverTime).toUTCString();
const reading = (offsetMs: number, uncertaintyMs = 600) => ({ offsetMs, uncertaintyMs, site: 'acme-bank.com', at: T });

describe('reading the offset from a Date header', () => {
  it('finds a clock five minutes behind the server, to within the header\'s second', () => {
    // Request left at T, answer back 200 ms later; the server's clock read T + 100 ms + 5 min in the middle.
    const offset = readClockOffset(header(T + 100 + 300_000), T, T + 200)!;
    expect(Math.abs(offset.offsetMs - 300_000)).toBeLessThanOrEqual(1_000);
    expect(offset.uncertaintyMs).toBe(600);
    expect(describeOffset(offset.offsetMs, 'acme-bank.com')).toMatch(/^(4 min 59 s|5 min|5 min 1 s) behind acme-bank.com$/);
  });

  it('finds a clock ahead of the server', () => {
    const offset = readClockOffset(header(T - 90_000), T, T + 40)!;
    expect(offset.offsetMs).toBeLessThan(-89_000);
    expect(describeOffset(offset.offsetMs, 'example.com')).toMatch(/^1 min (29|30) s ahead of example.com$/);
  });

  it('takes nothing from a missing or unreadable header, or from a round trip too slow to tell', () => {
    expect(readClockOffset(null, T, T + 10)).toBeNull();
    expect(readClockOffset('yesterday-ish', T, T + 10)).toBeNull();
    expect(readClockOffset(header(T), T, T + 20_000)).toBeNull();
    expect(readClockOffset(header(T), T, T - 5)).toBeNull();
  });
});

describe('when an offset breaks codes', () => {
  it('warns from 30 s on, counting the reading\'s own margin in the clock\'s favour', () => {
    expect(breaksCodes(29_000)).toBe(false);
    expect(breaksCodes(-31_000, 600)).toBe(true);
    expect(breaksCodes(30_400, 600)).toBe(false);
    expect(breaksCodes(3_600_000, 600)).toBe(true);
  });

  it('says the size of an offset in words', () => {
    expect(formatOffset(42_000)).toBe('42 s');
    expect(formatOffset(-303_000)).toBe('5 min 3 s');
    expect(formatOffset(7_500_000)).toBe('2 h 5 min');
  });
});

describe('what the popup says', () => {
  it('says nothing about a right clock, and warns of a wrong one with its offset', () => {
    expect(adviseOnClock(null, null)).toEqual({ kind: 'none' });
    expect(adviseOnClock(reading(4_000), null)).toEqual({ kind: 'none' });
    const advice = adviseOnClock(reading(300_000), null);
    expect(advice).toMatchObject({ kind: 'skewed', offsetMs: 300_000 });
    expect(advice.kind === 'skewed' && advice.message).toBe(
      'Your computer\'s clock is 5 min behind acme-bank.com: sites will refuse the codes it makes. Set the clock to update automatically, or correct Tessera\'s codes by 5 min.');
  });

  it('says codes are corrected once the user agreed, and that the correction is wrong once the clock was set right', () => {
    expect(adviseOnClock(reading(300_400), 300_000)).toMatchObject({ kind: 'corrected', message: 'Codes are corrected for a clock 5 min behind the right time.' });
    expect(adviseOnClock(null, 300_000)).toMatchObject({ kind: 'corrected' });
    const stale = adviseOnClock(reading(200), 300_000);
    expect(stale).toMatchObject({ kind: 'stale', offsetMs: 200 });
    expect(stale.kind === 'stale' && stale.message).toBe('Codes are corrected by 5 min, but your clock is now 0 s behind acme-bank.com: the corrected codes are wrong.');
  });
});

describe('correcting codes', () => {
  it('adds the agreed offset to the clock codes are made from, and only then', async () => {
    const store = memoryArea();
    expect(await codeClock(store, T)).toBe(T);
    await correctCodesBy(store, 300_123.4);
    expect(await clockCorrectionItem.get(store)).toBe(300_123);
    expect(await codeClock(store, T)).toBe(T + 300_123);
    await stopCorrectingCodes(store);
    expect(await codeClock(store, T)).toBe(T);
  });

  it('fills automatically with the corrected code', async () => {
    const { vault } = await unlockedHarness();
    const github = parseOtpauthUri('otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP');
    await vault.add([{ ...github, sites: ['github.com'] }]);
    const store = memoryArea();
    await correctCodesBy(store, 300_000);
    const now = Date.now();
    const sender = { tab: { url: 'https://github.com/login' }, url: 'https://github.com/login' };
    const answer = await answerAutoFill(vault, ['github.com'], sender, () => codeClock(store, now));
    expect(answer?.code).toBe(generateCode(github, (now + 300_000) / 1000));
    expect(answer?.code).not.toBe(generateCode(github, now / 1000));
  });
});
