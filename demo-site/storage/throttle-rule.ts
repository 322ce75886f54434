// How long a client that keeps failing must wait: nothing for its first `freeFailures`, then `baseMs` doubling with each
// further failure, at most `maxMs`. The memory adapter computes it here; the PostgreSQL adapter in SQL, the same way.
export interface ThrottleRule { now: number; freeFailures: number; baseMs: number; maxMs: number }

export function blockedUntilAfter(failures: number, rule: ThrottleRule): number | null {
  const over = failures - rule.freeFailures;
  if (over <= 0) return null;
  return rule.now + Math.min(rule.maxMs, rule.baseMs * 2 ** Math.min(over - 1, 40));
}
