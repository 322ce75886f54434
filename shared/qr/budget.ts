// The decoder's safety net. What it does is decided by the frame alone (work-limits.ts), so one frame always gets
// one answer; this time limit only stops a search on a machine far slower than intended, and then says so.
export interface Deadline {
  /** True once the budget is spent: no further region is started (one that has started is not interrupted). */
  passed(): boolean;
}

export function startDeadline(budgetMs: number, now: () => number): Deadline {
  const start = now();
  return { passed: () => now() - start > budgetMs };
}
