// The Tessera QR link a site shows for QR sign-in and for single-scan pairing (see docs/qr-link.md):
//   tessera:signin?o=<site origin>&t=<token>      tessera:pair?o=<site origin>&t=<token>
// Short enough for a small QR code; the origin lets the extension refuse a QR relayed onto another site.

import { CodedError } from '../coded-error';

export type QrLinkKind = 'signin' | 'pair';

export interface QrLink {
  kind: QrLinkKind;
  /** The site's origin, e.g. https://example.com or http://127.0.0.1:3000. */
  origin: string;
  /** base64url, at least 128 bits. */
  token: string;
}

export class QrLinkError extends CodedError<'not_tessera_link' | 'invalid_kind' | 'invalid_origin' | 'invalid_token'> {
  override readonly name = 'QrLinkError';
}

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,86}$/;

export function isQrLink(text: string): boolean {
  return /^tessera:/i.test(text.trim());
}

export function parseQrLink(text: string): QrLink {
  const match = /^tessera:([a-z]+)\?(.*)$/i.exec(text.trim());
  if (!match) throw new QrLinkError('not_tessera_link', 'This is not a Tessera sign-in or pairing QR code.');
  const kind = match[1].toLowerCase();
  if (kind !== 'signin' && kind !== 'pair') throw new QrLinkError('invalid_kind', `This Tessera QR code asks for '${kind}', which this version does not know.`);
  const params = new URLSearchParams(match[2]);
  const origin = params.get('o') ?? '';
  if (!isWebOrigin(origin)) throw new QrLinkError('invalid_origin', 'This Tessera QR code does not name a valid site origin.');
  const token = params.get('t') ?? '';
  if (!TOKEN_PATTERN.test(token)) throw new QrLinkError('invalid_token', 'This Tessera QR code is damaged (its token is missing or malformed): ask the site for a new one.');
  return { kind, origin, token };
}

export function buildQrLink(link: QrLink): string {
  return `tessera:${link.kind}?o=${encodeURIComponent(link.origin)}&t=${link.token}`;
}

/** A bare http(s) origin: scheme, host and port, with no path, query or trailing slash. */
export function isWebOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === text;
  } catch {
    return false;
  }
}
