import { generateCode, timeStep } from '#shared/otp/index.ts';
import type { VaultAccount } from '../../vault/index';

// A TOTP code changes once per period and an HOTP code only when its counter moves, so each account keeps its last
// code with the step (or counter) it was made for; the per-second refresh then only reads.
interface Entry { stamp: string; code: string }

export interface CodeCache {
  codeFor(account: VaultAccount, now: number): string;
  size(): number;
}

export function createCodeCache(generate: typeof generateCode = generateCode): CodeCache {
  const entries = new Map<string, Entry>();
  return {
    codeFor(account, now) {
      const stamp = computeStamp(account, now);
      const cached = entries.get(account.id);
      if (cached && cached.stamp === stamp) return cached.code;
      const code = generate(account, now);
      entries.set(account.id, { stamp, code });
      return code;
    },
    size: () => entries.size,
  };
}

function computeStamp(account: VaultAccount, now: number): string {
  const moving = account.type === 'totp' ? `t${timeStep(now, account.period)}` : `h${account.counter}`;
  // updatedAt covers edits that change what the code is made from.
  return `${moving}:${account.updatedAt}`;
}
