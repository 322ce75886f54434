import { useEffect, useState } from 'preact/hooks';

export const TICK_MARK = 'tessera:tick-start';

/** The current unix time in whole seconds, updated just after each second boundary. */
export function useNow(): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      // Aligning to the boundary keeps countdowns in step with the code changes they announce.
      timer = setTimeout(() => {
        performance.mark(TICK_MARK);
        setNow(Math.floor(Date.now() / 1000));
        schedule();
      }, 1000 - (Date.now() % 1000) + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, []);
  return now;
}
