// The sign-in rules as plain functions over the memory adapter: lockout, tickets, code replay, backup codes.
// Fast, and the same rules the HTTP suites check through the site on both storage adapters.
import { describe, expect, it } from 'vitest';
import { signUp } from '../../demo-site/accounts/signup';
import { signInWithPassword } from '../../demo-site/auth/signin';
import { signInWithTotp } from '../../demo-site/auth/signin-totp';
import { signInWithBackupCode } from '../../demo-site/auth/signin-backup';
import { issueBackupCodes } from '../../demo-site/backup/issue';
import { activateTotp, generatePendingTotp } from '../../demo-site/mfa/enrolment';
import type { SiteContext } from '../../demo-site/context';
import { codeAt, PASSWORD } from '../site/support/site';
import { domainContext, REQUEST } from './support/context';

type Ctx = ReturnType<typeof domainContext>;

async function enrolledUser(ctx: Ctx, email = 'ada@example.com') {
  const { user } = await signUp(ctx, { email, password: PASSWORD, displayName: 'Ada' }, REQUEST);
  const { secret } = await generatePendingTotp(ctx, user);
  await activateTotp(ctx, user, codeAt(secret, ctx.clock), REQUEST);
  ctx.clock.advance(30_000);
  return { user, secret };
}

async function ticketFor(ctx: SiteContext, email = 'ada@example.com'): Promise<string> {
  const result = await signInWithPassword(ctx, { email, password: PASSWORD }, REQUEST);
  if (result.kind !== 'mfa') throw new Error('expected the code step');
  return result.ticket;
}

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error) => error as { code: string; details: Record<string, unknown> });

describe('sign-in rules', () => {
  it('lock the account at the threshold of consecutive failures, for the set time, then count afresh', async () => {
    const ctx = domainContext({ MFA_POLICY: 'optional', LOCKOUT_THRESHOLD: '3', LOCKOUT_MINUTES: '10' });
    await signUp(ctx, { email: 'ada@example.com', password: PASSWORD, displayName: 'Ada' }, REQUEST);
    const wrong = () => failure(signInWithPassword(ctx, { email: 'ada@example.com', password: 'not the password' }, REQUEST));
    expect((await wrong())?.code).toBe('invalid_credentials');
    expect((await wrong())?.code).toBe('invalid_credentials');
    expect(await wrong()).toMatchObject({ code: 'account_locked', details: { retryAfterSeconds: 600 } });
    expect((await failure(signInWithPassword(ctx, { email: 'ada@example.com', password: PASSWORD }, REQUEST)))?.code).toBe('account_locked');
    ctx.clock.advance(10 * 60_000);
    expect((await wrong())?.code).toBe('invalid_credentials');
    expect((await signInWithPassword(ctx, { email: 'ada@example.com', password: PASSWORD }, REQUEST)).kind).toBe('done');
  });

  it('end a ticket after its wrong codes, even if the next code is right, and after its time', async () => {
    const ctx = domainContext({ TICKET_MAX_ATTEMPTS: '2', TICKET_TTL_MINUTES: '5' });
    const { secret } = await enrolledUser(ctx);
    const ticket = await ticketFor(ctx);
    expect(await failure(signInWithTotp(ctx, { ticket, code: '000000' }, REQUEST))).toMatchObject({ code: 'invalid_code', details: { attemptsLeft: 1 } });
    expect((await failure(signInWithTotp(ctx, { ticket, code: '000000' }, REQUEST)))?.code).toBe('invalid_ticket');
    expect((await failure(signInWithTotp(ctx, { ticket, code: codeAt(secret, ctx.clock) }, REQUEST)))?.code).toBe('invalid_ticket');
    const late = await ticketFor(ctx);
    ctx.clock.advance(5 * 60_000);
    expect((await failure(signInWithTotp(ctx, { ticket: late, code: codeAt(secret, ctx.clock) }, REQUEST)))?.code).toBe('invalid_ticket');
  });

  it('accept a time step once: the same code again, or an older one, is refused', async () => {
    const ctx = domainContext();
    const { secret } = await enrolledUser(ctx);
    const code = codeAt(secret, ctx.clock);
    expect((await signInWithTotp(ctx, { ticket: await ticketFor(ctx), code }, REQUEST)).credential).toMatchObject({ kind: 'session' });
    expect((await failure(signInWithTotp(ctx, { ticket: await ticketFor(ctx), code }, REQUEST)))?.code).toBe('invalid_code');
    expect((await failure(signInWithTotp(ctx, { ticket: await ticketFor(ctx), code: codeAt(secret, ctx.clock, -1) }, REQUEST)))?.code).toBe('invalid_code');
  });

  it('use each backup code once, in any case and with any dashes, and of simultaneous uses one wins', async () => {
    const ctx = domainContext({ LOCKOUT_THRESHOLD: '100' });
    const { user } = await enrolledUser(ctx);
    const codes = await ctx.storage.transaction((tx) => issueBackupCodes(ctx, user, user.id, REQUEST, { method: 'hand_over' }, tx));
    const typed = codes[0].replace('-', ' ').toUpperCase();
    expect((await signInWithBackupCode(ctx, { ticket: await ticketFor(ctx), code: typed }, REQUEST)).credential).toMatchObject({ kind: 'session' });
    expect((await failure(signInWithBackupCode(ctx, { ticket: await ticketFor(ctx), code: codes[0] }, REQUEST)))?.code).toBe('invalid_code');
    const tickets = await Promise.all(Array.from({ length: 6 }, () => ticketFor(ctx)));
    const outcomes = await Promise.all(tickets.map((ticket) => failure(signInWithBackupCode(ctx, { ticket, code: codes[1] }, REQUEST))));
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(await ctx.storage.backupCodes.countUnused(user.id)).toBe(8);
  });
});
