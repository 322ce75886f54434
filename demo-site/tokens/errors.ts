// What an API client is told when a token does not do: a code to act on, and words saying why and what to do next.
import type { SessionEndReason } from '../auth/end-sessions';
import { AuthenticationError } from '../errors';

/** Why a sign-in's tokens were revoked, as said to the client (the family's `revokedReason`). */
export type RevocationReason = 'signout' | 'reuse' | 'mfa_disabled' | SessionEndReason;

const BECAUSE: Record<RevocationReason, string> = {
  signout: 'it was signed out',
  reuse: 'one of its refresh tokens was used twice, as happens when a token has been copied',
  mfa_disabled: 'two-factor authentication was turned off for the account',
  password_changed: "the account's password was changed",
  password_reset: "the account's password was reset",
  account_frozen: 'the account was frozen',
  recovery_completed: 'the account was recovered without its second factor',
};

const because = (reason: string | null) => BECAUSE[reason as RevocationReason] ?? 'it was revoked';

export const invalidRefreshToken = () => new AuthenticationError('invalid_refresh_token', 'This refresh token is not valid: sign in again.');

export const refreshTokenExpired = () =>
  new AuthenticationError('refresh_token_expired', 'This refresh token has expired (it was not used in time): sign in again.');

export const refreshTokenReused = () =>
  new AuthenticationError(
    'refresh_token_reused',
    'This refresh token was already used once, so it may have been copied: every token of this sign-in is now revoked. Sign in again.',
  );

export const refreshTokenRevoked = (reason: string | null) =>
  new AuthenticationError('refresh_token_revoked', `This sign-in has ended because ${because(reason)}: sign in again.`, { reason });

export const invalidAccessToken = () =>
  new AuthenticationError('invalid_token', 'The access token is not valid: send the accessToken the site gave (Authorization: Bearer <accessToken>).');

export const accessTokenExpired = () =>
  new AuthenticationError('token_expired', 'The access token has expired: trade your refresh token for a new one (POST /api/token).');

export const accessTokenRevoked = (reason: string | null) =>
  new AuthenticationError('token_revoked', `This access token's sign-in has ended because ${because(reason)}: sign in again.`, { reason });
