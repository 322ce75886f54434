import { useEffect, useRef } from 'preact/hooks';
import { describeWrongSite } from '../text/describe-fill';

interface Props { account: { issuer: string; account: string; sites: readonly string[] }; site: string | null; onConfirm(): void; onCancel(): void }

/** Filling where the account is not bound is never silent: the page's domain is named and Cancel has the focus. */
export function FillWarning({ account, site, onConfirm, onCancel }: Props) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  const where = site ?? 'this page';
  return (
    <section class="panel stack" role="alertdialog" aria-labelledby="fill-title" aria-describedby="fill-text"
      onKeyDown={(event) => { if (event.key === 'Escape') onCancel(); }}>
      <h2 id="fill-title">Fill on {where}?</h2>
      <p id="fill-text" class="warning">{describeWrongSite(account, site)}</p>
      <div class="buttons">
        <button type="button" ref={cancelRef} onClick={onCancel}>Cancel</button>
        <button type="button" class="danger" onClick={onConfirm}>Fill on {where} anyway</button>
      </div>
    </section>
  );
}
