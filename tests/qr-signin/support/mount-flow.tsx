// Test entry: draws, in the page it is loaded into (the real toolbar popup), the view the popup is to show for a QR
// sign-in left at its PIN step, in place of the popup's own content.
import { render } from 'preact';
import { PendingQrSignIn } from '../../../extension/ui/qr-signin/PendingQrSignIn';

export function mountPendingQrSignIn(): void {
  document.getElementById('app')?.setAttribute('hidden', '');
  const root = document.createElement('main');
  root.id = 'qr-flow-root';
  root.className = 'popup-root';
  document.body.append(root);
  render(<PendingQrSignIn onClose={() => root.setAttribute('data-closed', 'true')} />, root);
}
