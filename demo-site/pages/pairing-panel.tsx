// The single-scan pairing QR for Tessera, beside the standard QR; /static/qr-pairing.js fetches and replaces it.
import { QR_TTL_MS } from '#shared/protocol/qr-signin.ts';

export function PairingPanel() {
  return (
    <section class="qr-panel pairing" data-qr-pairing data-qr-ttl-ms={QR_TTL_MS} data-testid="qr-pairing">
      <h2>Using Tessera? Pair with a single scan</h2>
      <p class="hint">Click <strong>Scan</strong> in Tessera on this page: it takes the key from this code and shows the code to enter below.</p>
      <img class="pair-qr" alt="Pairing QR code for Tessera" data-qr-image data-testid="qr-pairing-image" hidden />
      <p class="notice" role="status" aria-live="polite" data-qr-status hidden />
      <p class="form-error" role="alert" data-qr-error hidden />
      <button type="button" data-qr-renew hidden>Generate a new pairing QR code</button>
      <p class="hint" data-qr-connection hidden />
    </section>
  );
}
