// Google Authenticator's export, otpauth-migration://offline?data=<base64 protobuf MigrationPayload>, both ways.
import { decodeBase64, encodeBase64 } from '../bytes';
import { encodeBase32 } from './base32';
import { MigrationError, OtpError } from './errors';
import { ProtoReadError, ProtoWriter, readFields, type ProtoField } from './protobuf';
import { DEFAULT_PERIOD, type Algorithm, type Digits, type OtpAccount } from './types';
import { secretBytes } from './validate';

export interface MigrationBatch {
  accounts: OtpAccount[];
  /** Entries that could not be read, each with its position (1-based) in the payload and why. */
  refused: { index: number; name: string; reason: string }[];
  /** 0-based position of this QR code in a multi-QR export, and how many there are. */
  batchIndex: number;
  batchSize: number;
  batchId: number;
}

const ALGORITHM_CODES: Record<number, Algorithm | undefined> = { 0: 'SHA1', 1: 'SHA1', 2: 'SHA256', 3: 'SHA512' };
const DIGIT_CODES: Record<number, Digits | undefined> = { 0: 6, 1: 6, 2: 8 };
/** Keeps each payload small enough for a phone to scan off a screen. */
const MAX_PAYLOAD_BYTES = 600;
const MAX_ACCOUNTS_PER_PAYLOAD = 10;

export function decodeMigrationUri(uri: string): MigrationBatch {
  const payload = readPayload(uri.trim());
  let fields: ProtoField[];
  try {
    fields = readFields(payload);
  } catch (error) {
    if (!(error instanceof ProtoReadError)) throw error;
    throw new MigrationError('invalid_payload', 'The export\'s data is damaged or incomplete: scan the QR code again.');
  }
  const batch: MigrationBatch = { accounts: [], refused: [], batchIndex: 0, batchSize: 1, batchId: 0 };
  let entry = 0;
  for (const f of fields) {
    if (f.field === 1 && f.bytes) readEntry(f.bytes, ++entry, batch);
    else if (f.field === 3 && f.varint !== undefined) batch.batchSize = Number(f.varint);
    else if (f.field === 4 && f.varint !== undefined) batch.batchIndex = Number(f.varint);
    else if (f.field === 5 && f.varint !== undefined) batch.batchId = Number(BigInt.asIntN(32, f.varint));
  }
  if (batch.batchSize < 1 || batch.batchIndex < 0 || batch.batchIndex >= batch.batchSize) {
    throw new MigrationError('invalid_payload', `The export says it is QR ${batch.batchIndex + 1} of ${batch.batchSize}, which cannot be.`);
  }
  return batch;
}

/** Splits the accounts into as many otpauth-migration URIs as a phone needs to scan; refuses what the format cannot carry. */
export function encodeMigrationUris(accounts: OtpAccount[], batchId = randomBatchId()): { uris: string[]; refused: { account: OtpAccount; reason: string }[] } {
  const refused: { account: OtpAccount; reason: string }[] = [];
  const entries: Uint8Array[] = [];
  for (const account of accounts) {
    const reason = whyNotExportable(account);
    if (reason) refused.push({ account, reason });
    else entries.push(encodeEntry(account));
  }
  const groups: Uint8Array[][] = [];
  for (const entry of entries) {
    const current = groups[groups.length - 1];
    const size = current?.reduce((sum, e) => sum + e.length + 3, 0) ?? Infinity;
    if (!current || current.length >= MAX_ACCOUNTS_PER_PAYLOAD || size + entry.length > MAX_PAYLOAD_BYTES) groups.push([entry]);
    else current.push(entry);
  }
  const uris = groups.map((group, index) => {
    const writer = new ProtoWriter();
    for (const entry of group) writer.bytes(1, entry);
    writer.varint(2, 1).varint(3, groups.length).varint(4, index).varint(5, batchId);
    return `otpauth-migration://offline?data=${encodeURIComponent(encodeBase64(writer.finish()))}`;
  });
  return { uris, refused };
}

function readPayload(uri: string): Uint8Array {
  if (!/^otpauth-migration:\/\/offline\?/i.test(uri)) {
    throw new MigrationError('not_migration', 'This is not a Google Authenticator export: it should start with otpauth-migration://offline?data=');
  }
  const raw = /[?&]data=([^&#]*)/.exec(uri)?.[1];
  if (!raw) throw new MigrationError('missing_data', 'The export has no data parameter: scan the QR code again.');
  let base64: string;
  try {
    // A '+' that was never percent-encoded is still base64's '+', not a space.
    base64 = decodeURIComponent(raw.replace(/\+/g, '%2B')).replace(/ /g, '+');
  } catch {
    throw new MigrationError('invalid_base64', 'The export\'s data has a broken percent-encoding: scan the QR code again.');
  }
  try {
    return decodeBase64(base64);
  } catch {
    throw new MigrationError('invalid_base64', 'The export\'s data is not valid base64: scan the QR code again.');
  }
}

function readEntry(buf: Uint8Array, index: number, batch: MigrationBatch): void {
  let name = '';
  try {
    const fields = readFields(buf);
    const text = (n: number) => new TextDecoder().decode(fields.find((f) => f.field === n)?.bytes ?? new Uint8Array());
    const num = (n: number) => Number(fields.find((f) => f.field === n)?.varint ?? 0n);
    name = text(2);
    const issuer = text(3).trim();
    const algorithm = ALGORITHM_CODES[num(4)];
    if (!algorithm) throw new MigrationError('invalid_algorithm', num(4) === 4 ? 'it uses MD5, which no standard authenticator supports' : `unknown algorithm code ${num(4)}`);
    const digits = DIGIT_CODES[num(5)];
    if (!digits) throw new MigrationError('invalid_digits', `unknown digit count code ${num(5)}`);
    const typeCode = num(6);
    if (typeCode > 2) throw new MigrationError('invalid_type', `unknown type code ${typeCode}`);
    const secret = encodeBase32(secretBytes(fields.find((f) => f.field === 1)?.bytes ?? new Uint8Array()));
    const account = issuer && name.startsWith(`${issuer}:`) ? name.slice(issuer.length + 1).trim() : name.trim();
    const type = typeCode === 1 ? 'hotp' : 'totp';
    batch.accounts.push({ type, issuer, account, secret, algorithm, digits, period: DEFAULT_PERIOD, counter: type === 'hotp' ? num(7) : 0 });
  } catch (error) {
    if (!(error instanceof OtpError) && !(error instanceof ProtoReadError)) throw error;
    const reason = error instanceof OtpError ? error.message : 'the entry is damaged';
    batch.refused.push({ index, name, reason });
  }
}

function whyNotExportable(account: OtpAccount): string | null {
  if (account.digits === 7) return 'Google Authenticator cannot hold 7-digit codes';
  if (account.type === 'totp' && account.period !== DEFAULT_PERIOD) return `Google Authenticator cannot hold a ${account.period}-second period`;
  return null;
}

function encodeEntry(account: OtpAccount): Uint8Array {
  const algorithm = { SHA1: 1, SHA256: 2, SHA512: 3 }[account.algorithm];
  const writer = new ProtoWriter()
    .bytes(1, secretBytes(account.secret))
    .string(2, account.issuer ? `${account.issuer}:${account.account}` : account.account)
    .string(3, account.issuer)
    .varint(4, algorithm)
    .varint(5, account.digits === 8 ? 2 : 1)
    .varint(6, account.type === 'hotp' ? 1 : 2);
  if (account.type === 'hotp') writer.varint(7, account.counter);
  return writer.finish();
}

function randomBatchId(): number {
  return globalThis.crypto.getRandomValues(new Int32Array(1))[0];
}
