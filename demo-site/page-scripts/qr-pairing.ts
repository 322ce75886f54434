// The pairing QR on the enrolment page: fetched at once, replaced when it expires (a few times), and replaced by
// "Paired with <device>" the moment Tessera takes it, so the same QR can never be scanned twice.
import type { PageEvent, QrIssued, QrStatusAnswer } from '#shared/protocol/qr-signin.ts';
import { AUTO_RENEWALS, liveUpdates, partsOf, postJson, say } from './qr-live';

const panel = document.querySelector<HTMLElement>('[data-qr-pairing]');
if (panel) startPanel(panel);

function startPanel(panel: HTMLElement): void {
  const $ = partsOf(panel);
  const ttl = Number(panel.dataset.qrTtlMs);
  const image = $<HTMLImageElement>('image');
  let current: string | null = null; // the token of the QR on screen
  let renewals = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const end = (message: string, isError = true) => {
    clearTimeout(timer);
    current = null;
    image.hidden = true;
    $('renew').hidden = false;
    say($('status'), isError ? '' : message);
    say($('error'), isError ? message : '');
  };

  async function showQr(notice?: string): Promise<void> {
    clearTimeout(timer);
    $('renew').hidden = true;
    say($('error'), '');
    const reply = await postJson<QrIssued>('/api/mfa/totp/pairing');
    if (!reply.ok) return end(reply.body.error.message);
    current = reply.body.qrToken;
    image.src = reply.body.qrDataUrl;
    image.dataset.qrLink = reply.body.qrLink;
    image.hidden = false;
    say($('status'), notice || '');
    timer = setTimeout(replaceExpiredQr, ttl);
    listen();
  }

  function replaceExpiredQr(): void {
    if (!current) return;
    if (renewals >= AUTO_RENEWALS) return end('This pairing QR code expired.');
    renewals += 1;
    void showQr('The pairing QR code expired, so here is a new one.');
  }

  function showPaired(device: string | undefined): void {
    end(`Paired with ${device}: enter the code it shows.`, false);
    $('renew').textContent = 'Pair another Tessera';
    document.querySelector<HTMLElement>('#code')?.focus();
  }

  function handleEvent(event: PageEvent): void {
    if (!current || event.qrToken !== current) return;
    if (event.type === 'paired') showPaired(event.device);
    else if (event.type === 'expired') replaceExpiredQr();
  }

  async function catchUp(): Promise<void> {
    if (!current) return;
    const token = current;
    const reply = await postJson<QrStatusAnswer>('/api/qr/status', { qrToken: token });
    if (!reply.ok || current !== token) return;
    if (reply.body.state === 'paired') showPaired(reply.body.device);
    else if (reply.body.state === 'expired') replaceExpiredQr();
  }

  const listen = liveUpdates($('connection'), { onEvent: handleEvent, onOpen: () => void catchUp() });

  $('renew').addEventListener('click', () => {
    renewals = 0;
    void showQr();
  });
  void showQr();
}
