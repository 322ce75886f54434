import { render } from 'preact';
import { later } from '../../ui/components/later';
import { VaultGate } from '../../ui/components/VaultGate';
import { getVault } from '../../vault/extension-vault';
import '../../ui/styles.css';

// Most of the popup's script is the list's: it loads while the vault is being opened rather than before.
const AccountsView = later(() => import('./AccountsView').then((module) => module.AccountsView));
AccountsView.preload();

function Popup() {
  return (
    <main class="popup-root">
      <h1 class="visually-hidden">Tessera</h1>
      <VaultGate vault={getVault()}>{(unlocked) => <AccountsView {...unlocked} />}</VaultGate>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
