import type { AddChoice, AccountFinding, MigrationFinding, ScanFinding } from '../../capture/index';
import { AccountPreview } from './AccountPreview';
import { MigrationPreview } from './MigrationPreview';
import { QrLinkFlow } from '../qr-signin/QrLinkFlow';
import type { Vault } from '../../vault/index';

export interface FindingActions {
  /** The vault a Tessera link's own flow signs in or pairs with. */
  vault: Vault;
  twinOf(secret: string): { issuer: string; account: string } | null;
  onAdd(finding: AccountFinding | MigrationFinding, choice: AddChoice): void;
  /** Puts one finding aside (its Cancel); the others stay. */
  onDismiss(finding: ScanFinding): void;
  onClose(): void;
}

/** What one QR code holds decides what is shown: a preview to add, an export to import, or a message saying what it is. */
export function FindingView({ finding, tabUrl, actions }: { finding: ScanFinding; tabUrl: string | null; actions: FindingActions }) {
  switch (finding.kind) {
    case 'account':
      return <AccountPreview finding={finding} twin={actions.twinOf(finding.account.secret)} onAdd={(choice) => actions.onAdd(finding, choice)} onCancel={() => actions.onDismiss(finding)} />;
    case 'migration':
      return <MigrationPreview finding={finding} isTwin={(secret) => actions.twinOf(secret) !== null} onImport={() => actions.onAdd(finding, 'update-existing')} onCancel={() => actions.onDismiss(finding)} />;
    case 'tessera-link':
      // A picture has no page: the flow refuses a link it cannot tie to the site that showed it.
      return <QrLinkFlow vault={actions.vault} text={finding.text} tabUrl={tabUrl ?? ''} onClose={() => actions.onDismiss(finding)} />;
    case 'invalid-otpauth':
      return <p class="finding error" role="alert">This QR code is an authenticator code Tessera cannot use: {finding.message}.</p>;
    case 'not-authenticator':
      return <p class="finding" role="alert">{finding.message}</p>;
  }
}
