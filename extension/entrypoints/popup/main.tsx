import { render } from 'preact';
import { later } from '../../ui/components/later';
import { startOpening, VaultGate } from '../../ui/components/VaultGate';
import { getVault } from '../../vault/extension-vault';
import { readFirstScreen } from './first-screen';
import '../../ui/styles.css';

// The vault is opened as the script starts, before anything is drawn. Most of the popup's script is the list's: it
// loads while the vault is being opened rather than before, and the list shows once what else its first screen is
// drawn from is read too (first-screen.ts).
const vault = getVault();
const opening = startOpening(vault);
const AccountsView = later(() => Promise.all([import('./AccountsView'), readFirstScreen()]).then(([module]) => module.AccountsView));
AccountsView.preload();

function Popup() {
  return (
    <main class="popup-root">
      <h1 class="visually-hidden">Tessera</h1>
      <VaultGate vault={vault} opening={opening}>{(unlocked) => <AccountsView {...unlocked} />}</VaultGate>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
