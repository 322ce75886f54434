import type { ClockAdvice } from '../../clock/advice';
import { formatOffset } from '../../clock/skew';

interface Props { advice: ClockAdvice; onCorrect(offsetMs: number): void; onStop(): void; onDismiss(): void }

/** A clock that breaks codes, said with its offset; codes are corrected only when the user says so. */
export function ClockBanner({ advice, onCorrect, onStop, onDismiss }: Props) {
  if (advice.kind === 'none') return null;
  if (advice.kind === 'corrected') {
    return (
      <div class="notice clock-corrected" role="note" aria-label="Clock correction">
        <p>{advice.message} <button type="button" class="link" onClick={onStop}>Stop correcting</button></p>
      </div>
    );
  }
  return (
    <div class="notice warning" role="alert" aria-labelledby="clock-title">
      <p id="clock-title"><strong>Your clock is wrong</strong></p>
      <p>{advice.message}</p>
      <div class="buttons">
        <button type="button" class="primary" onClick={() => onCorrect(advice.offsetMs)}>Correct codes by {formatOffset(advice.offsetMs)}</button>
        {advice.kind === 'stale' ? <button type="button" onClick={onStop}>Stop correcting</button> : <button type="button" onClick={onDismiss}>Dismiss</button>}
      </div>
    </div>
  );
}
