import { render } from 'preact';
import { VaultGate } from '../../ui/components/VaultGate';
import { getVault } from '../../vault/extension-vault';
import { AccountsView } from './AccountsView';
import '../../ui/styles.css';

function Popup() {
  return (
    <main class="popup-root">
      <h1 class="visually-hidden">Tessera</h1>
      <VaultGate vault={getVault()}>{(unlocked) => <AccountsView {...unlocked} />}</VaultGate>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
