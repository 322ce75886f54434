// otpauth:// URIs per the Key Uri Format, both ways. Every parameter is honoured or the URI is refused with the reason.
import { OtpError, UriError } from './errors';
import { DEFAULT_PERIOD, type OtpAccount } from './types';
import { checkAccount, checkType } from './validate';

const URI_PATTERN = /^otpauth:\/\/([^/?#]*)\/([^?#]*)(?:\?([^#]*))?(?:#.*)?$/i;
const SINGLE_VALUED = ['secret', 'issuer', 'algorithm', 'digits', 'period', 'counter'];

export function parseOtpauthUri(uri: string): OtpAccount {
  const text = uri.trim();
  if (!/^otpauth:\/\//i.test(text)) {
    throw new UriError('not_otpauth', 'This is not an otpauth:// URI: it should start with otpauth://totp/ or otpauth://hotp/.');
  }
  const match = URI_PATTERN.exec(text);
  if (!match) throw new UriError('invalid_uri', 'The URI has no label: it should look like otpauth://totp/Issuer:account?secret=...');
  const type = checkUriParameter(() => checkType(match[1]));
  const params = new URLSearchParams(match[3] ?? '');
  for (const name of SINGLE_VALUED) {
    if (params.getAll(name).length > 1) throw new UriError('duplicate_parameter', `The URI gives '${name}' more than once: keep one.`);
  }
  const { issuer, account } = readLabel(match[2], params.get('issuer'));
  const secret = params.get('secret');
  if (!secret) throw new UriError('missing_secret', 'The URI has no secret parameter: the account cannot make codes without it.');
  const counter = params.get('counter');
  if (type === 'hotp' && counter === null) throw new UriError('missing_counter', 'An HOTP URI needs a counter parameter (for example counter=0).');
  return checkUriParameter(() => checkAccount({
    type, issuer, account, secret,
    algorithm: params.get('algorithm') ?? 'SHA1',
    digits: params.get('digits') ?? 6,
    period: params.get('period') ?? DEFAULT_PERIOD,
    counter,
  }));
}

export function buildOtpauthUri(account: OtpAccount): string {
  const name = encodeURIComponent(account.account);
  // An account name with a colon needs an explicit (even empty) issuer prefix, or it would read back as one.
  const label = account.issuer || account.account.includes(':') ? `${encodeURIComponent(account.issuer)}:${name}` : name;
  const params = [`secret=${account.secret}`];
  if (account.issuer) params.push(`issuer=${encodeURIComponent(account.issuer)}`);
  params.push(`algorithm=${account.algorithm}`, `digits=${account.digits}`);
  params.push(account.type === 'totp' ? `period=${account.period}` : `counter=${account.counter}`);
  return `otpauth://${account.type}/${label}?${params.join('&')}`;
}

function readLabel(rawLabel: string, issuerParam: string | null): { issuer: string; account: string } {
  let label: string;
  try {
    label = decodeURIComponent(rawLabel);
  } catch {
    throw new UriError('invalid_label', 'The URI\'s label has a broken percent-encoding (a % not followed by two hex digits).');
  }
  // The issuer parameter wins over the label prefix when both are there (Key Uri Format: it is the reliable one).
  const issuer = issuerParam?.trim();
  if (issuer && label.startsWith(`${issuer}:`)) return { issuer, account: label.slice(issuer.length + 1).trim() };
  const colon = label.indexOf(':');
  const prefix = colon >= 0 ? label.slice(0, colon).trim() : '';
  const account = (colon >= 0 ? label.slice(colon + 1) : label).trim();
  return { issuer: issuer ?? prefix, account };
}

/** Errors of the shared account rules become URI errors with the same code and message. */
function checkUriParameter<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UriError || !(error instanceof OtpError)) throw error;
    throw new UriError(error.code, error.message);
  }
}
