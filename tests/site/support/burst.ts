// Load that goes on until a process is killed: `lanes` clients each sending one request after another (bounded in
// number), the kill sent once `killAfter` have been acknowledged. Every request the server answered counts as
// acknowledged; one the kill cut off does not.
export interface Burst<T> {
  acknowledged: T[];
  sent: number;
}

export async function burstUntilKilled<T>(options: {
  lanes: number;
  max: number;
  killAfter: number;
  kill: () => void;
  /** Sends request `i`; returns what to remember of an acknowledged one, or null when it was refused. */
  send: (i: number) => Promise<T | null>;
}): Promise<Burst<T>> {
  const acknowledged: T[] = [];
  let next = 0;
  let killed = false;
  const lane = async () => {
    while (next < options.max) {
      const i = next++;
      try {
        const result = await options.send(i);
        if (result !== null) acknowledged.push(result);
      } catch {
        // The process died mid-request: this one was never acknowledged, and nothing more will be.
        if (killed) return;
      }
      if (!killed && acknowledged.length >= options.killAfter) {
        killed = true;
        options.kill();
      }
    }
  };
  await Promise.all(Array.from({ length: options.lanes }, lane));
  return { acknowledged, sent: next };
}
