import { secondsLeft } from '#shared/otp/index.ts';

/** Seconds until the code changes, as a number and a draining ring. */
export function Countdown({ now, period }: { now: number; period: number }) {
  const left = secondsLeft(now, period);
  const style = { '--left': String(left / period) } as Record<string, string>;
  return (
    <span class={left <= 5 ? 'countdown ending' : 'countdown'} role="timer" aria-label={`${left} seconds left`} style={style}>
      {left}
    </span>
  );
}
