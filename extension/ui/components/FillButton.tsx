import { isBoundTo } from '../../sites/is-bound-to';

interface Props { account: { sites: readonly string[] }; label: string; pageSite: string; onFill(): void }

/**
 * "Fill" only for an account bound to the page's site. Elsewhere a quieter button leads to the warning first:
 * a page that looks like the issuer (same title, a look-alike name) never gets a plain Fill.
 */
export function FillButton({ account, label, pageSite, onFill }: Props) {
  if (isBoundTo(account, pageSite)) {
    return <button type="button" class="fill" aria-label={`Fill code for ${label}`} title={`Fill the code on ${pageSite}`} onClick={onFill}>Fill</button>;
  }
  return (
    <button type="button" class="icon" aria-label={`Fill code for ${label} on ${pageSite}, not one of its sites`}
      title={`${pageSite} is not one of its sites: asks first`} onClick={onFill}>⇥</button>
  );
}
