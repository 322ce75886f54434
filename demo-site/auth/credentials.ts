// How a completed sign-in is handed over: a cookie session (pages, browsers) with the browser's device cookie renewed
// in the same transaction, or tokens for an API client that asked for them ("tokens": true), which carry how the user
// signed in (amr).
import type { RequestInfo, SiteContext } from '../context';
import { AuthenticationError } from '../errors';
import type { Repositories } from '../storage/repositories';
import type { AuthMethod, Device, User } from '../storage/rows';
import { startTokenFamily, type TokenGrant } from '../tokens/refresh';
import { createSession } from './session';
import { trustDevice } from './devices';

export type Delivery = 'session' | 'tokens';
/** `deviceTokens`: what the browser's device cookie holds now (auth/devices.ts). */
export type Credential = { kind: 'session'; sessionId: string; deviceTokens: string[] } | ({ kind: 'tokens' } & TokenGrant);

/** A sign-in method (as audited) and what it proved, in RFC 8176 words. A backup code is a one-time password too. */
const PROVED: Record<string, AuthMethod[]> = {
  signup: ['pwd'],
  password: ['pwd'],
  totp: ['pwd', 'otp'],
  backup_code: ['pwd', 'otp'],
  qr: ['qr', 'otp'],
};

export const deliveryFor = (wantsTokens: boolean | undefined): Delivery => (wantsTokens ? 'tokens' : 'session');

/** `cookieDevices`: the device cookie's devices, when the request has read them already. */
export async function createCredential(
  ctx: SiteContext, user: User, method: string, delivery: Delivery, request: RequestInfo, tx: Repositories, cookieDevices?: Device[],
): Promise<Credential> {
  if (delivery === 'session') {
    const [sessionId, deviceTokens] = await Promise.all([createSession(ctx, user, tx), trustDevice(ctx, user.id, request.deviceTokens ?? [], tx, cookieDevices)]);
    return { kind: 'session', sessionId, deviceTokens };
  }
  return { kind: 'tokens', ...(await startTokenFamily(ctx, user, PROVED[method] ?? ['pwd'], tx)) };
}

/** Pages only ever ask for a session; a ticket an API client made for tokens cannot finish on a page. */
export function sessionIdOf(credential: Credential): string {
  if (credential.kind === 'session') return credential.sessionId;
  throw new AuthenticationError('invalid_ticket', 'This sign-in was started by an app that asked for tokens: enter your email and password again here.');
}
