import type { ComponentChildren } from 'preact';
import { Layout } from './layout';
import { SITE_TOTP } from '#shared/protocol/totp-profile.ts';
import { CodeField, FormError, type FieldErrors } from './form-parts';
import { PairingPanel } from './pairing-panel';

export interface MfaPageProps {
  secret: string;
  qrDataUrl: string;
  otpauthUri: string;
  errors?: FieldErrors;
}

/** Groups of four characters are easier to type; authenticators ignore the spaces. */
function groupSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

/** Enrolment, and the move to a new device, which shows the new key the same way and adds a way back. */
export interface SetupTexts { title: string; action: string; submit: string; intro?: string }

const ENROLMENT: SetupTexts = { title: 'Set up two-factor authentication', action: '/mfa', submit: 'Turn on two-factor authentication' };

export function MfaPage({ secret, qrDataUrl, otpauthUri, errors = {}, texts = ENROLMENT, children }: MfaPageProps & { texts?: SetupTexts; children?: ComponentChildren }) {
  return (
    <Layout title={texts.title} signedIn scripts={['/static/qr-pairing.js']}>
      <div class="card">
        {texts.intro && <p class="notice" role="status">{texts.intro}</p>}
        <p>Scan this QR code with your authenticator (for example the Tessera extension), then enter the code it shows.</p>
        <img class="qr" src={qrDataUrl} alt="QR code of the authenticator key" data-otpauth={otpauthUri} />
        <p>Can't scan it? Enter this key by hand (time-based, {SITE_TOTP.digits} digits, every {SITE_TOTP.period} seconds):</p>
        <p class="secret">
          <code id="totp-secret" data-testid="totp-secret" data-secret={secret}>{groupSecret(secret)}</code>{' '}
          <button type="button" class="js-only" data-copy="#totp-secret">Copy</button>
        </p>
        <PairingPanel />
        <form method="post" action={texts.action} data-testid="mfa-form">
          <FormError errors={errors} />
          <CodeField errors={errors} />
          <button type="submit">{texts.submit}</button>
        </form>
        {children}
      </div>
    </Layout>
  );
}
