// What the popup says about a scanned code, as plain functions: the preview never shows the secret, and the
// import line counts what was added and what was left as it was.
import { describe, expect, it } from 'vitest';
import { listPreviewRows } from '../../extension/ui/text/describe-scan';
import { describeAdded, describeImport } from '../../extension/ui/text/describe-accounts';
import type { CapturedAccount } from '../../extension/capture/types';

const totp: CapturedAccount = {
  type: 'totp', issuer: 'Tessera Demo', account: 'lin@example.com', secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
  algorithm: 'SHA256', digits: 8, period: 60, counter: 0, sites: ['example.com'],
};

describe('the otpauth preview', () => {
  it('lists issuer, account, algorithm, digits, period and site, and never the secret', () => {
    const rows = listPreviewRows(totp);
    expect(rows).toEqual([
      ['Issuer', 'Tessera Demo'], ['Account', 'lin@example.com'], ['Type', 'Time-based (TOTP)'], ['Algorithm', 'SHA256'],
      ['Digits', '8'], ['Period', '60 seconds'], ['Fills on', 'example.com'],
    ]);
    expect(JSON.stringify(rows)).not.toContain(totp.secret);
  });

  it('shows the counter for HOTP, and says when there is no site (a picture has no page)', () => {
    const rows = new Map(listPreviewRows({ ...totp, type: 'hotp', counter: 12, sites: [] }));
    expect(rows.get('Counter')).toBe('12');
    expect(rows.has('Period')).toBe(false);
    expect(rows.get('Fills on')).toBe('no site yet (add one in Edit)');
  });
});

describe('after adding', () => {
  it('counts what an export added and what it left as it was', () => {
    expect(describeImport(5, 0)).toBe('Added 5 accounts.');
    expect(describeImport(1, 2)).toBe('Added 1 account. 2 accounts already in Tessera were left as they are.');
    expect(describeImport(2, 1)).toBe('Added 2 accounts. 1 account already in Tessera was left as it is.');
    expect(describeImport(0, 3)).toBe('All 3 accounts in this QR code are already in Tessera: nothing was added.');
  });

  it('says an update made no second copy', () => {
    expect(describeAdded(totp, true)).toBe('Updated Tessera Demo: lin@example.com: no second copy was made.');
    expect(describeAdded(totp, false)).toBe('Added Tessera Demo: lin@example.com.');
  });
});
