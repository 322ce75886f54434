import { describe, it, expect } from 'vitest';
import { buildScanResult } from '../../extension/capture/findings';
import { memoryArea } from '../../extension/storage/area';
import { encodeMigrationUris, parseOtpauthUri } from '#shared/otp/index.ts';

const memoryProgress = () => memoryArea();

const STANDARD = 'otpauth://totp/Tessera%20Demo:lin%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Tessera%20Demo';
const PAIRING = 'tessera:pair?o=http%3A%2F%2F127.0.0.1%3A3000&t=q3Zr8x1Yb5Vn0Lk2Jh7Gf4';
const SIGNIN = 'tessera:signin?o=http%3A%2F%2F127.0.0.1%3A3000&t=q3Zr8x1Yb5Vn0Lk2Jh7Gf4';

const scan = (texts: string[]) =>
  buildScanResult({ texts, timedOut: false, unreadable: 0 }, { tabUrl: 'http://127.0.0.1:3000/mfa', progress: memoryProgress() }, () => 'none');

describe('findings of one scan', () => {
  it('offers only the pairing when an enrolment page shows it beside the standard QR of the same key', async () => {
    const { findings } = await scan([STANDARD, PAIRING]);
    expect(findings.map((f) => f.kind)).toEqual(['tessera-link']);
  });

  it('keeps a standard QR on its own, and beside a sign-in QR', async () => {
    expect((await scan([STANDARD])).findings.map((f) => f.kind)).toEqual(['account']);
    expect((await scan([STANDARD, SIGNIN])).findings.map((f) => f.kind)).toEqual(['account', 'tessera-link']);
  });
});

describe('the sites a scanned account fills on', () => {
  it('binds a set-up QR code to the page that showed it, and an export\'s accounts to no site at all', async () => {
    const [single] = (await scan([STANDARD])).findings;
    expect(single.kind === 'account' && single.account.sites).toEqual(['127.0.0.1']);
    const bank = { ...parseOtpauthUri(STANDARD), issuer: 'Bank', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ' };
    const [uri] = encodeMigrationUris([parseOtpauthUri(STANDARD), bank]).uris;
    const [exported] = (await scan([uri])).findings;
    expect(exported.kind).toBe('migration');
    expect(exported.kind === 'migration' && exported.accounts.map((account) => [account.issuer, account.sites])).toEqual([['Tessera Demo', []], ['Bank', []]]);
  });
});
