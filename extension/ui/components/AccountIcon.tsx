import { iconForAccount } from '../../account-icons/account-icon';

interface Props { account: { issuer: string; account: string; sites: readonly string[] } }

/** The issuer's brand mark on its colour, or a coloured initial. Decorative: the row's name says who it is. */
export function AccountIcon({ account }: Props) {
  const icon = iconForAccount(account);
  const style = { background: icon.background, color: icon.foreground };
  if (icon.kind === 'initial') {
    return <span class="account-icon" data-icon="initial" style={style} aria-hidden="true">{icon.letter}</span>;
  }
  return (
    <span class="account-icon" data-icon={icon.slug} style={style} aria-hidden="true">
      <svg viewBox="0 0 24 24" width="14" height="14"><path d={icon.path} fill="currentColor" /></svg>
    </span>
  );
}
