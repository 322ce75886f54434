// The QR link flow's steps without a screen: what each event leads to, and what the user is told.
import { describe, expect, it } from 'vitest';
import { initialFlowState, reduceFlow, type FlowEvent, type FlowState } from '../../extension/qr-signin/flow-state';
import type { VaultAccount } from '../../extension/vault/index';

const ORIGIN = 'http://127.0.0.1:3000';
const account = (id: string, name: string): VaultAccount => ({
  id, type: 'totp', issuer: 'Demo', account: name, secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30,
  counter: 0, sites: ['127.0.0.1'], pinned: false, order: 0, createdAt: 0, updatedAt: 0,
});
const alice = account('a', 'alice@example.com');
const bob = account('b', 'bob@example.com');

const run = (...events: FlowEvent[]): FlowState => events.reduce(reduceFlow, initialFlowState);
const choosing: FlowEvent = { type: 'decided', decision: { ok: true, kind: 'signin', origin: ORIGIN, accounts: [alice, bob] } };
const scanned: FlowEvent = { type: 'scanned', response: { kind: 'signin', pin: '123456', pinExpiresAt: 1_000_000, channelToken: 'c' } };
const atPin = [choosing, { type: 'approve' } as FlowEvent, scanned];

describe('QR link flow steps', () => {
  it('asks which account to sign in with, the first one chosen, and lets the user pick another', () => {
    expect(run(choosing)).toEqual({ step: 'choose', origin: ORIGIN, accounts: [alice, bob], chosenId: 'a' });
    expect(run(choosing, { type: 'choose', accountId: 'b' })).toMatchObject({ chosenId: 'b' });
    // An id that is not among the offered accounts changes nothing.
    expect(run(choosing, { type: 'choose', accountId: 'zzz' })).toMatchObject({ chosenId: 'a' });
  });

  it('ends with the refusal in words when the QR is relayed or no account fits', () => {
    const message = 'This QR code is for https://bank.example, but it is shown on https://evil.example.';
    expect(run({ type: 'decided', decision: { ok: false, reason: 'relayed', message } })).toEqual({ step: 'ended', outcome: 'refused', origin: null, message });
  });

  it('goes straight to sending for a pairing QR, and ends paired with the message', () => {
    const sending = run({ type: 'decided', decision: { ok: true, kind: 'pair', origin: ORIGIN } });
    expect(sending).toEqual({ step: 'sending', kind: 'pair', origin: ORIGIN });
    expect(reduceFlow(sending, { type: 'paired', message: 'Paired with 127.0.0.1: enter the code Tessera shows' }))
      .toMatchObject({ step: 'ended', outcome: 'paired', origin: ORIGIN });
  });

  it('sends nothing when cancelled at the question', () => {
    expect(run(choosing, { type: 'cancel' })).toMatchObject({ step: 'ended', outcome: 'cancelled', message: 'Nothing was sent: the QR code was not used.' });
    expect(run(...atPin, { type: 'cancel' })).toMatchObject({ step: 'pin' });
  });

  it('shows the PIN after the scan, with all attempts and the connection being made', () => {
    expect(run(...atPin)).toEqual({ step: 'pin', origin: ORIGIN, pin: '123456', pinExpiresAt: 1_000_000, attemptsLeft: 5, connection: 'connecting', notice: null, resumed: false });
    expect(run(choosing, scanned)).toMatchObject({ step: 'choose' }); // a scan answer before approval is ignored
  });

  it('replaces the PIN after a wrong one, saying how many attempts are left', () => {
    const state = run(...atPin, { type: 'channel', event: { type: 'pin', pin: '654321', pinExpiresAt: 2_000_000, attemptsLeft: 4 } });
    expect(state).toMatchObject({ pin: '654321', pinExpiresAt: 2_000_000, attemptsLeft: 4, notice: 'The PIN typed on the page was wrong (4 attempts left). Enter this new PIN.' });
    const last = reduceFlow(state, { type: 'channel', event: { type: 'pin', pin: '111111', pinExpiresAt: 3, attemptsLeft: 1 } });
    expect(last).toMatchObject({ notice: 'The PIN typed on the page was wrong (1 attempt left). Enter this new PIN.' });
  });

  it('replaces the PIN when it expired, without counting an attempt', () => {
    const state = run(...atPin, { type: 'channel', event: { type: 'pin', pin: '222222', pinExpiresAt: 3, attemptsLeft: 5 } });
    expect(state).toMatchObject({ pin: '222222', attemptsLeft: 5, notice: 'The last PIN expired. Enter this new PIN.' });
  });

  it('says "reconnecting" while the line to the site is down, and live again after', () => {
    const lost = run(...atPin, { type: 'connection', status: 'live' }, { type: 'connection', status: 'reconnecting' });
    expect(lost).toMatchObject({ step: 'pin', connection: 'reconnecting', pin: '123456' });
    expect(reduceFlow(lost, { type: 'connection', status: 'live' })).toMatchObject({ connection: 'live' });
  });

  it.each([
    [{ type: 'signed-in' } as const, 'signed-in', `Signed in to ${ORIGIN}. You can close this.`],
    [{ type: 'locked' } as const, 'locked', `Too many wrong PINs: this sign-in to ${ORIGIN} is locked. Generate a new QR code on the page to try again.`],
    [{ type: 'expired' } as const, 'expired', `This sign-in to ${ORIGIN} expired or was withdrawn. Generate a new QR code on the page and scan it again.`],
  ])('ends the PIN view on %o with words', (event, outcome, message) => {
    const ended = run(...atPin, { type: 'channel', event });
    expect(ended).toEqual({ step: 'ended', outcome, origin: ORIGIN, message });
    // The channel closing after its last word does not turn the ending into a failure.
    expect(reduceFlow(ended, { type: 'connection', status: 'closed' })).toBe(ended);
  });

  it('ends with "connection lost" when the channel gives up without an ending', () => {
    expect(run(...atPin, { type: 'connection', status: 'closed' })).toMatchObject({
      step: 'ended', outcome: 'failed', message: `The connection to ${ORIGIN} was lost and this sign-in has ended. Check the network, then scan a new QR code.`,
    });
  });

  it('shows a stored PIN step again, and ends it when the site no longer takes its channel', () => {
    const pending = { origin: ORIGIN, channelToken: 'c', pin: '424242', pinExpiresAt: 5, attemptsLeft: 3, startedAt: 0 };
    const resumed = run({ type: 'resumed', pending });
    expect(resumed).toEqual({ step: 'pin', origin: ORIGIN, pin: '424242', pinExpiresAt: 5, attemptsLeft: 3, connection: 'connecting', notice: null, resumed: true });
    expect(reduceFlow(resumed, { type: 'connection', status: 'reconnecting' })).toMatchObject({
      step: 'ended', outcome: 'expired', message: expect.stringMatching(/^The sign-in to http:\/\/127\.0\.0\.1:3000 is over: it was completed, expired or withdrawn/),
    });
    // Once it was live again, a drop is the network: it reconnects as any other.
    const live = reduceFlow(resumed, { type: 'connection', status: 'live' });
    expect(reduceFlow(live, { type: 'connection', status: 'reconnecting' })).toMatchObject({ step: 'pin', connection: 'reconnecting' });
  });

  it('keeps a failure on screen whatever arrives later', () => {
    const failed = run(choosing, { type: 'approve' }, { type: 'failed', message: 'Could not reach it.' });
    expect(failed).toEqual({ step: 'ended', outcome: 'failed', origin: ORIGIN, message: 'Could not reach it.' });
    expect(reduceFlow(failed, scanned)).toBe(failed);
  });
});
