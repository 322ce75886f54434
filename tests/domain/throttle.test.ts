// The throttling rules as plain functions over the memory adapter: delays per account and client, doubling to a
// ceiling; device cookies that keep the owner's browser out of others' delays and of the hard lock, until its own
// failures cost it that trust.
import { describe, expect, it } from 'vitest';
import { signUp } from '../../demo-site/accounts/signup';
import { signInWithPassword } from '../../demo-site/auth/signin';
import { trustDevice } from '../../demo-site/auth/devices';
import type { RequestInfo } from '../../demo-site/context';
import { PASSWORD } from '../site/support/site';
import { domainContext } from './support/context';

type Ctx = ReturnType<typeof domainContext>;
const EMAIL = 'ada@example.com';
const from = (ip: string, deviceTokens: string[] = []): RequestInfo => ({ ip, userAgent: 'test', deviceTokens });

const attempt = (ctx: Ctx, request: RequestInfo, password = 'not the password', email = EMAIL) =>
  signInWithPassword(ctx, { email, password }, request).then(
    (result) => result.kind,
    (error: { code: string; retryAfterSeconds?: number }) => (error.retryAfterSeconds ? `${error.code} ${error.retryAfterSeconds}` : error.code),
  );

async function owner(env: Record<string, string> = {}) {
  const ctx = domainContext({ MFA_POLICY: 'optional', THROTTLE_FREE_FAILURES: '2', THROTTLE_BASE_SECONDS: '1', THROTTLE_MAX_MINUTES: '1', ...env });
  const { user } = await signUp(ctx, { email: EMAIL, password: PASSWORD, displayName: 'Ada' }, from('192.0.2.1'));
  return { ctx, user };
}

/** Fails once from `request`, first waiting out any delay on the clock. */
async function failAfterWaiting(ctx: Ctx, request: RequestInfo): Promise<string> {
  const outcome = await attempt(ctx, request);
  const wait = /^too_many_attempts (\d+)$/.exec(outcome);
  if (!wait) return outcome;
  ctx.clock.advance(Number(wait[1]) * 1000);
  return attempt(ctx, request);
}

describe('throttling', () => {
  it('lets a client fail a few times, then makes it wait, doubling up to the ceiling; a sign-in clears its delay', async () => {
    const { ctx } = await owner();
    const stranger = from('203.0.113.7');
    expect([await attempt(ctx, stranger), await attempt(ctx, stranger), await attempt(ctx, stranger)]).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials']);
    const waits: string[] = [];
    for (let i = 0; i < 8; i++) {
      const outcome = await attempt(ctx, stranger);
      waits.push(outcome);
      ctx.clock.advance(Number(outcome.split(' ')[1]) * 1000);
      expect(await attempt(ctx, stranger)).toBe('invalid_credentials');
    }
    expect(waits).toEqual(['too_many_attempts 1', 'too_many_attempts 2', 'too_many_attempts 4', 'too_many_attempts 8', 'too_many_attempts 16', 'too_many_attempts 32', 'too_many_attempts 60', 'too_many_attempts 60']);
    ctx.clock.advance(60_000);
    expect(await attempt(ctx, stranger, PASSWORD)).toBe('done');
    expect(await attempt(ctx, stranger)).toBe('invalid_credentials');
  });

  it('keeps each address to itself, and throttles addresses without an account the same way', async () => {
    const { ctx } = await owner();
    for (let i = 0; i < 3; i++) await attempt(ctx, from('203.0.113.7'));
    expect(await attempt(ctx, from('203.0.113.7'), PASSWORD)).toBe('too_many_attempts 1');
    expect(await attempt(ctx, from('198.51.100.4'), PASSWORD)).toBe('done');
    for (let i = 0; i < 3; i++) expect(await attempt(ctx, from('203.0.113.7'), 'guess', 'nobody@example.com')).toBe('invalid_credentials');
    expect(await attempt(ctx, from('203.0.113.7'), 'guess', 'nobody@example.com')).toBe('too_many_attempts 1');
  });

  it('holds a trusted browser by neither others\' delays nor the hard lock, and does not count its failures toward the lock', async () => {
    const { ctx, user } = await owner({ LOCKOUT_THRESHOLD: '5' });
    const office = '198.51.100.20';
    const device = from(office, await trustDevice(ctx, user.id, []));
    const stranger = from(office);
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) outcomes.push(await failAfterWaiting(ctx, stranger));
    expect(outcomes).toEqual(['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'account_locked 86400']);
    expect(await attempt(ctx, from('192.0.2.99'), PASSWORD)).toBe('account_locked 86400');
    expect(await attempt(ctx, device)).toBe('invalid_credentials');
    expect(await attempt(ctx, device, PASSWORD)).toBe('done');
    // The owner's sign-in ends the run of failures: the lock is lifted for everyone.
    expect(await attempt(ctx, from('192.0.2.99'), PASSWORD)).toBe('done');
  });

  it('takes the trust away from a browser after its own failures', async () => {
    const { ctx, user } = await owner({ DEVICE_COOKIE_MAX_FAILURES: '3', THROTTLE_FREE_FAILURES: '10', LOCKOUT_THRESHOLD: '2' });
    const device = from('192.0.2.1', await trustDevice(ctx, user.id, []));
    for (let i = 0; i < 3; i++) expect(await attempt(ctx, device)).toBe('invalid_credentials');
    // Now a browser like any other: its next failures count toward the lock.
    expect(await attempt(ctx, device)).toBe('invalid_credentials');
    expect(await attempt(ctx, device)).toBe('account_locked 86400');
  });
});
