import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { startOpening, VaultGate, type Unlocked } from '../../ui/components/VaultGate';
import { getVault } from '../../vault/extension-vault';
import { PasswordSection } from './PasswordSection';
import { AutoLockSection } from './AutoLockSection';
import { ImportSection } from './ImportSection';
import { ExportSection } from './ExportSection';
import { PasskeySection } from './PasskeySection';
import { RecoverySection } from './RecoverySection';
import { readOptionsFirstScreen, type OptionsFirstScreen } from './first-screen';
import '../../ui/styles.css';

function Sections(unlocked: Unlocked) {
  const [first, setFirst] = useState<OptionsFirstScreen | null>(null);
  useEffect(() => { void readOptionsFirstScreen(unlocked.vault).then(setFirst); }, []);
  // A password change removes the passkey: the passkey section then starts again from what the vault holds.
  const [passwordChanges, setPasswordChanges] = useState(0);
  if (!first) return <p class="loading" aria-busy="true">Opening…</p>;
  return (
    <>
      <AutoLockSection {...unlocked} initial={first.settings} />
      <PasswordSection {...unlocked} onChanged={() => setPasswordChanges((n) => n + 1)} />
      <PasskeySection key={passwordChanges} {...unlocked} initial={passwordChanges === 0 ? first.passkey : undefined} />
      <ImportSection {...unlocked} />
      <ExportSection {...unlocked} />
      <RecoverySection {...unlocked} />
    </>
  );
}

// Opened as the script starts; the settings show no accounts, so their records are not read.
const vault = getVault();
const opening = startOpening(vault, { accounts: false });

function Options() {
  return (
    <main class="options">
      <h1>Tessera settings</h1>
      <VaultGate vault={vault} opening={opening}>{(unlocked) => <Sections {...unlocked} />}</VaultGate>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
