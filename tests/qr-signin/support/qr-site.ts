// The real demo site for QR sign-in tests: roomy QR limits, a browser-like client for the page, and the QR codes it
// shows (sign-in, and pairing at enrolment).
import type { QrIssued } from '#shared/protocol/qr-signin.ts';
import { Client } from '../../site/support/client';
import { codeAt, PASSWORD, startTestSite, type TestClock, type TestSite } from '../../site/support/site';

export const QR_LIMITS = { RATE_LIMIT_QR_GENERATE: '10000', RATE_LIMIT_QR_SCAN: '10000', RATE_LIMIT_PIN_VERIFY: '10000' };
export const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

export function startQrSite(env: Record<string, string> = {}, clock?: TestClock): Promise<TestSite> {
  return startTestSite({ ...QR_LIMITS, ...env }, undefined, clock);
}

/** A browser tab on the site: its own cookies, the site's Origin on every request. */
export function createPageClient(site: TestSite): Client {
  return new Client(site.url, { origin: site.url });
}

export async function issueSigninQr(page: Client): Promise<QrIssued> {
  const reply = await page.post('/api/qr/generate');
  if (reply.status !== 201) throw new Error(`QR generate failed: ${reply.status} ${reply.text}`);
  return reply.body as QrIssued;
}

/** A new user at enrolment (the site requires MFA): its pending key and the pairing QR for it. */
export async function issuePairingQr(site: TestSite, email: string): Promise<{ page: Client; issued: QrIssued }> {
  const page = createPageClient(site);
  const signup = await page.post('/api/signup', { email, password: PASSWORD, displayName: email.split('@')[0] });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${signup.text}`);
  const generated = await page.post('/api/mfa/totp/generate');
  if (generated.status !== 200) throw new Error(`generate failed: ${generated.status} ${generated.text}`);
  const reply = await page.post('/api/mfa/totp/pairing');
  if (reply.status !== 201) throw new Error(`pairing QR failed: ${reply.status} ${reply.text}`);
  return { page, issued: reply.body as QrIssued };
}

/** fetch as it is, with a list of the URLs asked for: lets a test show that nothing was sent. */
export function createRecordingFetch(): { fetchFn: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    urls.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  return { fetchFn, urls };
}

/** Signs up with TOTP on; the activation uses the previous step's code, so the current one is still unused. */
export async function signUpWithTotpNow(site: TestSite, email: string): Promise<string> {
  const client = site.client();
  const signup = await client.post('/api/signup', { email, password: PASSWORD, displayName: email.split('@')[0] });
  if (signup.status !== 201) throw new Error(`signup failed: ${signup.status} ${signup.text}`);
  const { body } = await client.post('/api/mfa/totp/generate');
  const activated = await client.post('/api/mfa/totp/activate', { code: codeAt(body.secret, site.clock, -1) });
  if (activated.status !== 200) throw new Error(`activation failed: ${activated.status} ${activated.text}`);
  return body.secret as string;
}
