import { render } from 'preact';
import { useState } from 'preact/hooks';
import { VaultGate } from '../../ui/components/VaultGate';
import { getVault } from '../../vault/extension-vault';
import { PasswordSection } from './PasswordSection';
import { AutoLockSection } from './AutoLockSection';
import { ImportSection } from './ImportSection';
import { ExportSection } from './ExportSection';
import { PasskeySection } from './PasskeySection';
import { RecoverySection } from './RecoverySection';
import '../../ui/styles.css';

function Options() {
  // A password change removes the passkey: the passkey section then starts again from what the vault holds.
  const [passwordChanges, setPasswordChanges] = useState(0);
  return (
    <main class="options">
      <h1>Tessera settings</h1>
      <VaultGate vault={getVault()}>
        {(unlocked) => (
          <>
            <AutoLockSection {...unlocked} />
            <PasswordSection {...unlocked} onChanged={() => setPasswordChanges((n) => n + 1)} />
            <PasskeySection key={passwordChanges} {...unlocked} />
            <ImportSection {...unlocked} />
            <ExportSection {...unlocked} />
            <RecoverySection {...unlocked} />
          </>
        )}
      </VaultGate>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
