import { render } from 'preact';
import { VaultGate } from '../../ui/components/VaultGate';
import { PasswordSection } from './PasswordSection';
import { AutoLockSection } from './AutoLockSection';
import { ImportSection } from './ImportSection';
import { ExportSection } from './ExportSection';
import '../../ui/styles.css';

function Options() {
  return (
    <main class="options">
      <h1>Tessera settings</h1>
      <VaultGate>
        {(unlocked) => (
          <>
            <AutoLockSection {...unlocked} />
            <PasswordSection {...unlocked} />
            <ImportSection {...unlocked} />
            <ExportSection {...unlocked} />
          </>
        )}
      </VaultGate>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
