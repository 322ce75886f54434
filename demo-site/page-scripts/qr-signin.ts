// The "Sign in with a QR code" panel: ask for a QR, show it, replace it when it expires (a few times), switch to the
// PIN field when the page hears it was scanned, and send the PIN. Every failure is put into words.
import { QR_MESSAGES } from '#shared/protocol/qr-messages.ts';
import type { PageEvent, PinVerifyRequest, QrIssued, QrStatusAnswer } from '#shared/protocol/qr-signin.ts';
import { AUTO_RENEWALS, liveUpdates, partsOf, postJson, say } from './qr-live';

type Phase = 'start' | 'qr' | 'pin' | 'ended';

const panel = document.querySelector<HTMLElement>('[data-qr-signin]');
if (panel) startPanel(panel);

function startPanel(panel: HTMLElement): void {
  const $ = partsOf(panel);
  const ttl = Number(panel.dataset.qrTtlMs);
  const maxAge = Number(panel.dataset.qrMaxMs);
  const pinForm = $<HTMLFormElement>('pin-form');
  const pinInput = pinForm.querySelector('input')!;
  let current: { token: string; phase: 'qr' | 'pin' | 'done' } | null = null;
  let renewals = 0;
  const timers: ReturnType<typeof setTimeout>[] = [];

  const clearTimers = () => timers.splice(0).forEach(clearTimeout);
  const view = (phase: Phase) => {
    $('show').hidden = phase !== 'qr';
    pinForm.hidden = phase !== 'pin';
    $('start').hidden = phase !== 'start';
    $('renew').hidden = phase !== 'ended';
  };
  const fail = (message: string) => say($('error'), message);
  const end = (message: string) => {
    clearTimers();
    current = null;
    view('ended');
    say($('status'), '');
    fail(message);
  };

  async function showQr(notice?: string): Promise<void> {
    clearTimers();
    fail('');
    const reply = await postJson<QrIssued>('/api/qr/generate');
    if (!reply.ok) return end(reply.body.error.message);
    current = { token: reply.body.qrToken, phase: 'qr' };
    const image = $<HTMLImageElement>('image');
    image.src = reply.body.qrDataUrl;
    image.dataset.qrLink = reply.body.qrLink;
    view('qr');
    say($('status'), notice || 'Waiting for Tessera to scan the code…');
    timers.push(
      setTimeout(replaceExpiredQr, ttl),
      setTimeout(() => current && end('This sign-in took too long and expired. Generate a new QR code to start again.'), maxAge),
    );
    listen();
  }

  function replaceExpiredQr(): void {
    if (current?.phase !== 'qr') return;
    if (renewals >= AUTO_RENEWALS) return end('This QR code expired.');
    renewals += 1;
    void showQr('The QR code expired, so here is a new one.');
  }

  function showPinStep(device: string | undefined): void {
    if (current?.phase !== 'qr') return;
    current.phase = 'pin';
    view('pin');
    say($('status'), '');
    say($('scanned-by'), `Scanned by ${device}. Enter the PIN Tessera shows.`);
    pinInput.value = '';
    pinInput.focus();
  }

  function handleEvent(event: PageEvent): void {
    if (!current || event.qrToken !== current.token) return;
    if (event.type === 'scanned') return showPinStep(event.device);
    if (event.type === 'locked') return end(QR_MESSAGES.qr_locked);
    if (event.type === 'rescanned') {
      renewals = 0;
      return void showQr('That QR code was scanned a second time, so it was withdrawn to keep your account safe. Scan this new one.');
    }
    if (event.type === 'expired') return current.phase === 'qr' ? replaceExpiredQr() : end('This sign-in expired. Generate a new QR code to start again.');
  }

  /** After a (re)connection: what happened while the page was not listening. */
  async function catchUp(): Promise<void> {
    if (!current) return;
    const qrToken = current.token;
    const reply = await postJson<QrStatusAnswer>('/api/qr/status', { qrToken });
    if (!reply.ok || current?.token !== qrToken) return;
    const { state, device = '' } = reply.body;
    if (state === 'scanned') handleEvent({ type: 'scanned', qrToken, device });
    else if (state === 'locked') handleEvent({ type: 'locked', qrToken });
    else if (state === 'expired' || state === 'done') handleEvent({ type: 'expired', qrToken });
  }

  const listen = liveUpdates($('connection'), { onEvent: handleEvent, onOpen: () => void catchUp() });

  pinForm.addEventListener('submit', async (submit) => {
    submit.preventDefault();
    if (!current || current.phase !== 'pin') return;
    fail('');
    const request: PinVerifyRequest = { qrToken: current.token, pin: pinInput.value.replace(/\s/g, '') };
    const reply = await postJson<{ redirect?: string }>('/api/pin/verify', request);
    if (reply.ok) {
      current.phase = 'done';
      clearTimers();
      say($('status'), 'Signed in. Opening your account…');
      window.location.assign(reply.body.redirect || '/account');
      return;
    }
    const { code, message } = reply.body.error;
    if (code === 'qr_locked' || code === 'qr_expired') return end(message);
    fail(message);
    pinInput.value = '';
    pinInput.focus();
  });

  const restart = () => {
    renewals = 0;
    void showQr();
  };
  $('start').addEventListener('click', restart);
  $('renew').addEventListener('click', restart);
}
