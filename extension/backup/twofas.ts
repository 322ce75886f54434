// 2FAS Authenticator's backup (.2fas, JSON): services[] of { name, secret, otp: { account, issuer, digits, period,
// algorithm, tokenType, counter } }. Encrypted backups keep services in `servicesEncrypted` instead.
import { acceptEntry, asRecord, asText, describeEntry } from './entries';
import { BackupError } from './errors';
import type { ImportResult } from './types';

export function isTwoFasFile(json: Record<string, unknown>): boolean {
  return Array.isArray(json.services) || typeof json.servicesEncrypted === 'string';
}

export function importTwoFas(json: Record<string, unknown>): ImportResult {
  if (typeof json.servicesEncrypted === 'string') {
    throw new BackupError('unsupported', 'This 2FAS backup is encrypted, which Tessera cannot read yet: export it from 2FAS without a password.');
  }
  const result: ImportResult = { format: '2fas', accounts: [], refused: [] };
  (json.services as unknown[]).forEach((raw, i) => readService(result, raw, i + 1));
  return result;
}

function readService(result: ImportResult, raw: unknown, position: number): void {
  const service = asRecord(raw) ?? {};
  const otp = asRecord(service.otp) ?? {};
  // 2FAS names the service; older backups leave otp.issuer empty and the name is the issuer.
  const issuer = asText(otp.issuer).trim() || asText(service.name).trim();
  const account = asText(otp.account).trim() || asText(otp.label).trim();
  const where = describeEntry(issuer, account, position);
  const tokenType = asText(otp.tokenType, 'TOTP').toUpperCase();
  if (tokenType !== 'TOTP' && tokenType !== 'HOTP') {
    result.refused.push({ entry: where, reason: `${tokenType} codes are not supported: Tessera makes TOTP and HOTP codes only.` });
    return;
  }
  const type = tokenType === 'HOTP' ? 'hotp' : 'totp';
  acceptEntry(result, where, {
    type,
    issuer,
    account,
    secret: service.secret,
    algorithm: otp.algorithm ?? 'SHA1',
    digits: otp.digits ?? 6,
    period: type === 'totp' ? (otp.period ?? 30) : 30,
    counter: type === 'hotp' ? (otp.counter ?? 0) : 0,
  });
}
