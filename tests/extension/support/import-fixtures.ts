// Import files built the way each app's documentation describes them, with Node's own crypto (not Tessera's),
// so the importers are checked against the formats and not against themselves.
import { createCipheriv, randomBytes, randomUUID, scryptSync } from 'node:crypto';

export interface AegisEntry {
  type: string;
  name: string;
  issuer: string;
  info: Record<string, unknown>;
}

/** Entries shaped like the Aegis vault documentation's example (docs/vault.md, "Entries"). */
export const AEGIS_ENTRIES: AegisEntry[] = [
  { type: 'totp', name: 'Mason', issuer: 'Deno', info: { secret: '4SJHB4GSD43FZBAI7C2HLRJGPQ', algo: 'SHA1', digits: 6, period: 30 } },
  { type: 'totp', name: 'James', issuer: 'SPDX', info: { secret: '5OM4WOOGPLQEF6UGN3CPEOOLWU', algo: 'SHA256', digits: 7, period: 20 } },
  { type: 'hotp', name: 'Benjamin', issuer: 'Air Canada', info: { secret: 'KUVJJOM753IHTNDSZVCNKL7GII', algo: 'SHA256', digits: 7, counter: 50 } },
  { type: 'steam', name: 'Sophia', issuer: 'Boeing', info: { secret: 'JRZCL47CMXVOQMNPZR2F7J4RGI', algo: 'SHA1', digits: 5, period: 30 } },
];

function aegisContent(entries: AegisEntry[]) {
  return { version: 1, entries: entries.map((e) => ({ ...e, uuid: randomUUID(), icon: null })) };
}

export function aegisPlain(entries = AEGIS_ENTRIES): string {
  return JSON.stringify({ version: 1, header: { slots: null, params: null }, db: aegisContent(entries) }, null, 4);
}

function gcm(key: Uint8Array, plaintext: Uint8Array) {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce: nonce.toString('hex'), tag: cipher.getAuthTag().toString('hex'), data };
}

/**
 * An encrypted Aegis export: a random master key encrypts the content (db = Base64 ciphertext, header.params =
 * nonce and tag); a password slot (type 1) holds the master key encrypted under scrypt(password, salt, N, r, p).
 * N is small here only to keep the test fast; Aegis uses 2^15.
 */
export function aegisEncrypted(password: string, entries = AEGIS_ENTRIES, n = 1024): string {
  const masterKey = randomBytes(32);
  const content = gcm(masterKey, Buffer.from(JSON.stringify(aegisContent(entries)), 'utf8'));
  const salt = randomBytes(32);
  const derived = scryptSync(Buffer.from(password, 'utf8'), salt, 32, { N: n, r: 8, p: 1 });
  const wrapped = gcm(derived, masterKey);
  const biometric = gcm(randomBytes(32), masterKey);
  return JSON.stringify({
    version: 1,
    header: {
      slots: [
        { type: 2, uuid: randomUUID(), key: biometric.data.toString('hex'), key_params: { nonce: biometric.nonce, tag: biometric.tag } },
        { type: 1, uuid: randomUUID(), key: wrapped.data.toString('hex'), key_params: { nonce: wrapped.nonce, tag: wrapped.tag }, n, r: 8, p: 1, salt: salt.toString('hex') },
      ],
      params: { nonce: content.nonce, tag: content.tag },
    },
    db: content.data.toString('base64'),
  });
}

/** A 2FAS backup (schema version 4) as the 2FAS app writes it, unencrypted. */
export function twoFasBackup(services: Record<string, unknown>[]): string {
  return JSON.stringify({ services, groups: [], updatedAt: 1702934732299, schemaVersion: 4, appVersionCode: 5000009, appOrigin: 'android' });
}

export function twoFasService(name: string, secret: string, otp: Record<string, unknown>, position = 0): Record<string, unknown> {
  return { name, secret, updatedAt: 1702934567518, otp: { source: 'Link', ...otp }, order: { position }, icon: { selected: 'Label', label: { text: name.slice(0, 2).toUpperCase(), backgroundColor: 'Yellow' } } };
}

/** Google Authenticator's MigrationPayload protobuf, written field by field from its published .proto. */
export interface MigrationParams {
  secret: Uint8Array;
  name: string;
  issuer: string;
  algorithm: number; // 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5
  digits: number; // 1 six, 2 eight
  type: number; // 1 HOTP, 2 TOTP
  counter?: number;
}

export function migrationUri(entries: MigrationParams[], batch = { size: 1, index: 0, id: 7 }): string {
  const payload: number[] = [];
  for (const e of entries) {
    const p: number[] = [];
    bytesField(p, 1, e.secret);
    bytesField(p, 2, Buffer.from(e.name, 'utf8'));
    bytesField(p, 3, Buffer.from(e.issuer, 'utf8'));
    varintField(p, 4, e.algorithm);
    varintField(p, 5, e.digits);
    varintField(p, 6, e.type);
    if (e.counter !== undefined) varintField(p, 7, e.counter);
    bytesField(payload, 1, Uint8Array.from(p));
  }
  varintField(payload, 2, 1);
  varintField(payload, 3, batch.size);
  varintField(payload, 4, batch.index);
  varintField(payload, 5, batch.id);
  return `otpauth-migration://offline?data=${encodeURIComponent(Buffer.from(payload).toString('base64'))}`;
}

function varint(out: number[], value: number): void {
  let v = value;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  out.push(v);
}

function varintField(out: number[], field: number, value: number): void {
  varint(out, field << 3);
  varint(out, value);
}

function bytesField(out: number[], field: number, bytes: Uint8Array): void {
  varint(out, (field << 3) | 2);
  varint(out, bytes.length);
  out.push(...bytes);
}
