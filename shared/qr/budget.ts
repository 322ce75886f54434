// The decoder's time budget. Every step asks before it starts whether its estimated cost still fits,
// so a pass is never started when it would likely overrun; a step that has started is not interrupted.
export interface Budget {
  elapsed(): number;
  /** True when a step estimated at `estimateMs` can still finish inside the budget. */
  affords(estimateMs: number): boolean;
  /** Runs a step and returns its result with the time it took. */
  time<T>(step: () => Promise<T> | T): Promise<{ value: T; ms: number }>;
}

export function startBudget(budgetMs: number, now: () => number): Budget {
  const start = now();
  return {
    elapsed: () => now() - start,
    affords(estimateMs) {
      return now() - start + Math.max(0, estimateMs) <= budgetMs;
    },
    async time(step) {
      const before = now();
      const value = await step();
      return { value, ms: Math.max(0, now() - before) };
    },
  };
}
