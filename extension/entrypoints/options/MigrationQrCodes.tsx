import { useState } from 'preact/hooks';
import QRCode from 'qrcode';
import { exportMigrationQrPayloads } from '../../backup/index';
import type { Unlocked } from '../../ui/components/VaultGate';
import { ErrorText } from '../../ui/components/ErrorText';
import { formatAccountLabel } from '../../ui/text/format-code';
import { describeError, isLockedError } from '../../ui/text/describe-error';

interface Shown { images: string[]; refused: { label: string; reason: string }[] }

/** Google Authenticator's "Transfer accounts" QR codes, in batches small enough for a phone camera. */
export function MigrationQrCodes({ vault, showLocked }: Unlocked) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function show() {
    setError(null);
    try {
      const { uris, refused } = exportMigrationQrPayloads(await vault.list());
      // Low error correction keeps the modules large; the screen is a clean medium.
      const images = await Promise.all(uris.map((uri) => QRCode.toDataURL(uri, { errorCorrectionLevel: 'L', margin: 4, width: 560 })));
      setShown({ images, refused: refused.map((item) => ({ label: formatAccountLabel(item.account), reason: item.reason })) });
    } catch (caught) {
      if (isLockedError(caught)) return showLocked();
      setError(describeError(caught));
    }
  }

  return (
    <div class="stack" role="group" aria-labelledby="migration-title">
      <h3 id="migration-title">Google Authenticator QR codes</h3>
      <p class="warning">These QR codes hold your keys unencrypted. Show them only where no one else can see or photograph the screen.</p>
      <ErrorText message={error} />
      {!shown && <div><button type="button" onClick={() => void show()}>Show QR codes</button></div>}
      {shown && (
        <>
          <p>In Google Authenticator: Transfer accounts, Import accounts, then scan each code in turn.</p>
          <div class="qr-grid">
            {shown.images.map((src, index) => (
              <figure key={index}>
                <img src={src} alt={`Migration QR code ${index + 1} of ${shown.images.length}`} />
                <figcaption>{index + 1} of {shown.images.length}</figcaption>
              </figure>
            ))}
          </div>
          {shown.refused.length > 0 && (
            <ul class="preview-list" aria-label="Not exported">
              {shown.refused.map((item, index) => <li key={index}>{item.label}: {item.reason}</li>)}
            </ul>
          )}
          <div><button type="button" onClick={() => setShown(null)}>Hide QR codes</button></div>
        </>
      )}
    </div>
  );
}
