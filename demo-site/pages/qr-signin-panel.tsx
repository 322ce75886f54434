// "Sign in with a QR code": shown only with script (the QR flow needs fetch and a WebSocket); /static/qr-signin.js
// drives it. Every failure has words in the status or error line.
import { QR_SESSION_MAX_MS, QR_TTL_MS } from '#shared/protocol/qr-signin.ts';

export function QrSigninPanel() {
  return (
    <section class="card qr-panel" data-qr-signin data-qr-ttl-ms={QR_TTL_MS} data-qr-max-ms={QR_SESSION_MAX_MS} data-testid="qr-signin">
      <h2>Or sign in with Tessera</h2>
      <p class="hint">The Tessera browser extension scans a code on this page and shows a PIN: no password to type.</p>
      <button type="button" data-qr-start>Sign in with a QR code</button>
      <div data-qr-show hidden>
        <img class="qr" alt="QR code for signing in with Tessera" data-qr-image data-testid="qr-signin-image" />
        <p>Click <strong>Scan</strong> in Tessera and approve: it then shows a PIN to type here.</p>
      </div>
      <form data-qr-pin-form data-testid="qr-pin-form" hidden>
        <p data-qr-scanned-by />
        <div class="field">
          <label for="qr-pin">PIN shown by Tessera</label>
          <input id="qr-pin" name="pin" type="text" inputmode="numeric" autocomplete="off" pattern="[0-9 ]*" maxLength={7} required />
        </div>
        <button type="submit">Sign in</button>
      </form>
      <p class="notice" role="status" aria-live="polite" data-qr-status hidden />
      <p class="form-error" role="alert" data-qr-error hidden />
      <button type="button" data-qr-renew hidden>Generate a new QR code</button>
      <p class="hint" data-qr-connection hidden />
    </section>
  );
}
