import { render } from 'preact';
import { VaultGate } from '../../ui/components/VaultGate';
import { AccountsView } from './AccountsView';
import '../../ui/styles.css';

function Popup() {
  return (
    <main class="popup-root">
      <h1 class="visually-hidden">Tessera</h1>
      <VaultGate>{(unlocked) => <AccountsView {...unlocked} />}</VaultGate>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
