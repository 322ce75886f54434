import { describe, it, expect } from 'vitest';
import { decodeMigrationUri, encodeMigrationUris, generateCode, MigrationError, type OtpAccount } from '#shared/otp/index.ts';
import { ProtoWriter } from '#shared/otp/protobuf.ts';

const base: OtpAccount = { type: 'totp', issuer: 'Example', account: 'alice@google.com', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };

/** Builds a payload field by field, the way Google Authenticator writes it. */
function payload(entries: { secret: number[]; name: string; issuer: string; algorithm: number; digits: number; type: number; counter?: number }[], batch = { size: 1, index: 0, id: 7 }) {
  const writer = new ProtoWriter();
  for (const e of entries) {
    const entry = new ProtoWriter().bytes(1, Uint8Array.from(e.secret)).string(2, e.name).string(3, e.issuer)
      .varint(4, e.algorithm).varint(5, e.digits).varint(6, e.type);
    if (e.counter !== undefined) entry.varint(7, e.counter);
    writer.bytes(1, entry.finish());
  }
  writer.varint(2, 1).varint(3, batch.size).varint(4, batch.index).varint(5, batch.id);
  return `otpauth-migration://offline?data=${encodeURIComponent(btoa(String.fromCharCode(...writer.finish())))}`;
}

const TEN_BYTES = [0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]; // JBSWY3DPEHPK3PXP

describe('decodeMigrationUri', () => {
  it('reads a Google Authenticator export', () => {
    const batch = decodeMigrationUri('otpauth-migration://offline?data=CjEKCkhlbGxvId6tvu8SGEV4YW1wbGU6YWxpY2VAZ29vZ2xlLmNvbRoHRXhhbXBsZTAC');
    expect(batch.accounts).toEqual([base]);
    expect(batch).toMatchObject({ batchIndex: 0, batchSize: 1, refused: [] });
  });

  it('reads every algorithm, both digit counts, HOTP counters, and the batch position', () => {
    const uri = payload([
      { secret: TEN_BYTES, name: 'a', issuer: 'S256', algorithm: 2, digits: 2, type: 2 },
      { secret: TEN_BYTES, name: 'S512:b', issuer: 'S512', algorithm: 3, digits: 1, type: 2 },
      { secret: TEN_BYTES, name: 'c', issuer: '', algorithm: 1, digits: 1, type: 1, counter: 12 },
    ], { size: 3, index: 1, id: -5 });
    const batch = decodeMigrationUri(uri);
    expect(batch.accounts.map((a) => [a.issuer, a.account, a.algorithm, a.digits, a.type, a.counter])).toEqual([
      ['S256', 'a', 'SHA256', 8, 'totp', 0], ['S512', 'b', 'SHA512', 6, 'totp', 0], ['', 'c', 'SHA1', 6, 'hotp', 12],
    ]);
    expect(batch).toMatchObject({ batchIndex: 1, batchSize: 3, batchId: -5 });
  });

  it('refuses the entries it cannot use, names them and keeps the rest', () => {
    const batch = decodeMigrationUri(payload([
      { secret: TEN_BYTES, name: 'md5', issuer: 'Old', algorithm: 4, digits: 1, type: 2 },
      { secret: [1, 2, 3], name: 'short', issuer: 'X', algorithm: 1, digits: 1, type: 2 },
      { secret: TEN_BYTES, name: 'fine', issuer: 'Y', algorithm: 1, digits: 1, type: 2 },
    ]));
    expect(batch.accounts.map((a) => a.account)).toEqual(['fine']);
    expect(batch.refused).toEqual([
      { index: 1, name: 'md5', reason: expect.stringContaining('MD5') },
      { index: 2, name: 'short', reason: expect.stringContaining('at least 10 bytes') },
    ]);
  });

  it('reads data whose + signs were not percent-encoded', () => {
    // The batch id is part of the payload: pick one whose base64 has a '+'.
    const rawFor = (batchId: number) => decodeURIComponent(encodeMigrationUris([{ ...base, secret: '7777777777777777' }], batchId).uris[0].split('data=')[1]);
    const batchId = Array.from({ length: 500 }, (_, i) => i + 1).find((id) => rawFor(id).includes('+'))!;
    const raw = rawFor(batchId);
    expect(raw).toContain('+');
    expect(decodeMigrationUri(`otpauth-migration://offline?data=${raw}`).accounts[0].secret).toBe('7777777777777777');
  });

  it.each([
    ['otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', 'not_migration'],
    ['otpauth-migration://offline?foo=bar', 'missing_data'],
    ['otpauth-migration://offline?data=***', 'invalid_base64'],
    ['otpauth-migration://offline?data=CjEKCkhlbG', 'invalid_payload'],
  ])('refuses %s with %s', (uri, code) => {
    expect(() => decodeMigrationUri(uri)).toThrow(MigrationError);
    try {
      decodeMigrationUri(uri);
    } catch (error) {
      expect((error as MigrationError).code).toBe(code);
    }
  });
});

describe('encodeMigrationUris', () => {
  it('splits many accounts into several scannable payloads, in order', () => {
    const accounts = Array.from({ length: 23 }, (_, i) => ({ ...base, account: `user${i}@example.com` }));
    const { uris } = encodeMigrationUris(accounts);
    expect(uris.length).toBeGreaterThanOrEqual(3);
    for (const uri of uris) expect(uri.length).toBeLessThan(1100);
    const batches = uris.map(decodeMigrationUri);
    expect(new Set(batches.map((b) => b.batchId)).size).toBe(1);
    expect(batches.flatMap((b) => b.accounts)).toEqual(accounts);
  });

  it('refuses what Google Authenticator cannot hold, with the reason, and exports the rest', () => {
    const { uris, refused } = encodeMigrationUris([base, { ...base, digits: 7 }, { ...base, period: 60 }]);
    expect(refused.map((r) => r.reason)).toEqual([expect.stringContaining('7-digit'), expect.stringContaining('60-second')]);
    expect(decodeMigrationUri(uris[0]).accounts).toEqual([base]);
  });

  it('exported accounts give the same codes after import', () => {
    const account: OtpAccount = { ...base, algorithm: 'SHA512', digits: 8 };
    const [imported] = decodeMigrationUri(encodeMigrationUris([account]).uris[0]).accounts;
    expect(generateCode(imported, 1_700_000_000)).toBe(generateCode(account, 1_700_000_000));
  });
});
