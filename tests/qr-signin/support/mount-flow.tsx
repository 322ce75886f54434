// Test entry: draws the extension's QrLinkFlow in the page it is loaded into (the real toolbar popup), in place of the
// popup's own view, for a QR text and tab URL the test got from a real scan.
import { render } from 'preact';
import { QrLinkFlow } from '../../../extension/ui/qr-signin/QrLinkFlow';

export function mountQrLinkFlow(text: string, tabUrl: string): void {
  document.getElementById('app')?.setAttribute('hidden', '');
  const root = document.createElement('main');
  root.id = 'qr-flow-root';
  root.className = 'popup-root';
  document.body.append(root);
  render(<QrLinkFlow text={text} tabUrl={tabUrl} onClose={() => root.setAttribute('data-closed', 'true')} />, root);
}
