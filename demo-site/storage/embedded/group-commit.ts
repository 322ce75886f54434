// Many callers, few disk writes: a flush asked for while one runs is folded into the next one, which writes whatever
// changed meanwhile; every caller is answered once a flush that started after its change has succeeded.
export class GroupCommit {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(
    /** Writes everything changed so far; must take its picture of the data synchronously, before its first await. */
    private readonly flush: () => Promise<void>,
    private readonly hasChanges: () => boolean,
  ) {}

  request(): Promise<void> {
    if (!this.running) return this.hasChanges() ? this.start() : Promise.resolve();
    // The running flush may have taken its picture before the caller's change: wait for the next one. A failed flush
    // answers its own callers; the next one still runs.
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.hasChanges() ? this.start() : undefined;
      });
    return this.queued;
  }

  /** Resolves when nothing is being written. */
  async idle(): Promise<void> {
    while (this.running || this.queued) await (this.queued ?? this.running)!.catch(() => undefined);
  }

  private start(): Promise<void> {
    const run = this.flush().finally(() => {
      if (this.running === run) this.running = null;
    });
    this.running = run;
    return run;
  }
}
