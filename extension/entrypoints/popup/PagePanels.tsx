import { useEffect, useState } from 'preact/hooks';
import type { Vault, VaultAccount } from '../../vault/index';
import type { AccountActions } from '../../ui/accounts/account-actions';
import type { AddChoice } from '../../capture/add-finding';
import { findTwin } from '../../vault/twins';
import type { AccountFinding, MigrationFinding } from '../../capture/types';
import type { PendingNotice } from '../../autofill/notices';
import { later } from '../../ui/components/later';
import { FillWarning } from '../../ui/components/FillWarning';
import { NoticeBanner } from '../../ui/components/NoticeBanner';
import { SiteOfferPanel } from '../../ui/components/SiteOfferPanel';
import type { useScanner } from './use-scanner';
import type { useFiller } from './use-filler';

interface Props {
  vault: Vault;
  actions: AccountActions;
  scanner: ReturnType<typeof useScanner>;
  filler: ReturnType<typeof useFiller>;
  notice: PendingNotice | null;
  onDismissNotice(): void;
  accounts: VaultAccount[];
  codeFor(account: VaultAccount): string;
  run(action: () => Promise<void>): Promise<void>;
  reload(): Promise<void>;
  setStatus(text: string): void;
}

const ScanPanel = later(() => import('../../ui/components/ScanPanel').then((module) => module.ScanPanel));
const PendingQrSignIn = later(() => import('../../ui/qr-signin/PendingQrSignIn').then((module) => module.PendingQrSignIn));

/** What the page in front of the user brought up: a scan's result, the warning before filling elsewhere, a notice. */
export function PagePanels({ vault, actions, scanner, filler, notice, onDismissNotice, accounts, codeFor, run, reload, setStatus }: Props) {
  // A QR sign-in left at its PIN step when the popup closed is shown again, until closed or replaced by a new scan.
  const [qrSignIn, setQrSignIn] = useState(true);
  useEffect(() => { if (scanner.scan.kind !== 'idle') setQrSignIn(false); }, [scanner.scan.kind]);
  const add = (finding: AccountFinding | MigrationFinding, choice: AddChoice) => run(async () => {
    const message = await actions.addFinding(finding, choice);
    await reload();
    scanner.dismiss(finding);
    setStatus(message);
  });
  // A finding's own flow may have changed the vault (a pairing adds an account): show the list as it now is.
  const dismissAndReload = (finding: Parameters<typeof scanner.dismiss>[0]) => { scanner.dismiss(finding); void reload(); };
  const closeAndReload = () => { scanner.close(); void reload(); };
  const addOfferedSite = () => run(async () => {
    const offer = filler.offer;
    if (!offer) return;
    filler.closeOffer();
    const message = await actions.addSite(offer.account, offer.site);
    await reload();
    setStatus(message);
  });
  const noticeAccount = notice?.accountId ? accounts.find((account) => account.id === notice.accountId) ?? null : null;
  const copyNoticeCode = () => run(async () => {
    if (!noticeAccount) return;
    const message = await actions.copy(noticeAccount, codeFor(noticeAccount));
    onDismissNotice();
    setStatus(message);
  });

  return (
    <>
      {qrSignIn && <PendingQrSignIn vault={vault} onClose={() => { setQrSignIn(false); void reload(); }} />}
      {notice && <NoticeBanner message={notice.message} account={noticeAccount} onCopy={() => void copyNoticeCode()} onDismiss={onDismissNotice} />}
      {filler.offer && !filler.warning && (
        <SiteOfferPanel account={filler.offer.account} site={filler.offer.site} onAdd={() => void addOfferedSite()} onClose={filler.closeOffer} />
      )}
      {filler.warning && (
        <FillWarning account={filler.warning.account} site={filler.warning.site} onCancel={filler.cancelWarning}
          onConfirm={() => { const { account, site } = filler.warning!; void filler.fill(account, codeFor(account), site); }} />
      )}
      {!filler.warning && scanner.scan.kind !== 'idle' && (
        <ScanPanel vault={vault} scan={scanner.scan} onSelectArea={scanner.selectArea} onImage={(file) => void scanner.scanImage(file)}
          twinOf={(secret) => findTwin({ secret }, accounts) ?? null} onAdd={(finding, choice) => void add(finding, choice)} onDismiss={dismissAndReload} onClose={closeAndReload} />
      )}
    </>
  );
}
