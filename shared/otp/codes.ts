// HOTP (RFC 4226) and TOTP (RFC 6238) on otplib, with the guardrails widened to what real sites issue.
import { createGuardrails, generateSync, NobleCryptoPlugin, verifySync, type HashAlgorithm } from 'otplib';
import { DEFAULT_PERIOD, MAX_PERIOD, MAX_SECRET_BYTES, MIN_SECRET_BYTES, type Algorithm, type Digits, type OtpAccount } from './types';
import { checkCounter, checkDigits, checkPeriod, secretBytes } from './validate';

const crypto = new NobleCryptoPlugin();
const guardrails = createGuardrails({ MIN_SECRET_BYTES, MAX_SECRET_BYTES, MAX_PERIOD });

interface CodeParams {
  secret: string | Uint8Array;
  algorithm?: Algorithm;
  digits?: Digits;
}

function hashOf(algorithm: Algorithm = 'SHA1'): HashAlgorithm {
  return algorithm.toLowerCase() as HashAlgorithm;
}

export function generateHotp(params: CodeParams & { counter: number }): string {
  return generateSync({
    strategy: 'hotp',
    secret: secretBytes(params.secret),
    counter: checkCounter(params.counter),
    algorithm: hashOf(params.algorithm),
    digits: checkDigits(params.digits ?? 6),
    crypto,
    guardrails,
  });
}

/** `time` is in unix seconds. */
export function generateTotp(params: CodeParams & { time: number; period?: number }): string {
  const period = checkPeriod(params.period ?? DEFAULT_PERIOD);
  return generateHotp({ ...params, counter: timeStep(params.time, period) });
}

export function timeStep(time: number, period = DEFAULT_PERIOD): number {
  return Math.floor(time / period);
}

export function secondsLeft(time: number, period = DEFAULT_PERIOD): number {
  return period - (Math.floor(time) % period);
}

/**
 * Checks a TOTP code within ±window steps of `time` and returns the time step it matched, or null.
 * The caller refuses any step at or before the last one it accepted, so a code works once.
 */
export function verifyTotp(params: CodeParams & { code: string; time: number; period?: number; window?: number }): number | null {
  const period = checkPeriod(params.period ?? DEFAULT_PERIOD);
  const digits = checkDigits(params.digits ?? 6);
  if (!new RegExp(`^\\d{${digits}}$`).test(params.code)) return null;
  const step = timeStep(params.time, period);
  const window = params.window ?? 1;
  const result = verifySync({
    strategy: 'hotp',
    secret: secretBytes(params.secret),
    token: params.code,
    counter: step,
    counterTolerance: [Math.min(window, step), window],
    algorithm: hashOf(params.algorithm),
    digits,
    crypto,
    guardrails,
  });
  return result.valid ? step + result.delta : null;
}

/** The code an account shows at `time` (unix seconds): TOTP by the clock, HOTP at its counter. */
export function generateCode(account: OtpAccount, time: number): string {
  const { secret, algorithm, digits } = account;
  if (account.type === 'hotp') return generateHotp({ secret, algorithm, digits, counter: account.counter });
  return generateTotp({ secret, algorithm, digits, period: account.period, time });
}
