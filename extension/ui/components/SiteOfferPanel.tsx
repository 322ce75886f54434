import { formatAccountLabel } from '../text/format-code';

interface Props { account: { issuer: string; account: string; sites: readonly string[] }; site: string; onAdd(): void; onClose(): void }

/** After a confirmed fill on another site of the same provider: add it to the account, so the next fill there is plain. */
export function SiteOfferPanel({ account, site, onAdd, onClose }: Props) {
  const label = formatAccountLabel(account);
  return (
    <section class="notice stack" aria-labelledby="site-offer-title">
      <p id="site-offer-title">{site} belongs to the same provider as {account.sites.join(', ')}. Add {site} to {label}, so the next fill there needs no warning?</p>
      <div class="buttons" style={{ justifyContent: 'flex-start' }}>
        <button type="button" class="primary" onClick={onAdd}>Add {site} to {label}</button>
        <button type="button" onClick={onClose}>Not now</button>
      </div>
    </section>
  );
}
