// The "Sign in with a QR code" panel: ask for a QR, show it, replace it when it expires (a few times), switch to the
// PIN field when the page hears it was scanned, and send the PIN. Every failure is put into words.
import { AUTO_RENEWALS, CONNECTION_WORDS, openLive, postJson, say } from './qr-live.js';

const panel = document.querySelector('[data-qr-signin]');
if (panel) startPanel(panel);

function startPanel(panel) {
  const $ = (name) => panel.querySelector(`[data-qr-${name}]`);
  const ttl = Number(panel.dataset.qrTtlMs);
  const maxAge = Number(panel.dataset.qrMaxMs);
  const pinForm = $('pin-form');
  const pinInput = pinForm.querySelector('input');
  let current = null; // { token, phase: 'qr' | 'pin' | 'done' }
  let renewals = 0;
  let timers = [];
  let live = false;

  const clearTimers = () => timers.splice(0).forEach(clearTimeout);
  const view = (phase) => {
    $('show').hidden = phase !== 'qr';
    pinForm.hidden = phase !== 'pin';
    $('start').hidden = phase !== 'start';
    $('renew').hidden = phase !== 'ended';
  };
  const fail = (message) => say($('error'), message);
  const end = (message) => {
    clearTimers();
    current = null;
    view('ended');
    say($('status'), '');
    fail(message);
  };

  async function showQr(notice) {
    clearTimers();
    fail('');
    const reply = await postJson('/api/qr/generate');
    if (!reply.ok) return end(reply.body.error.message);
    current = { token: reply.body.qrToken, phase: 'qr' };
    const image = $('image');
    image.src = reply.body.qrDataUrl;
    image.dataset.qrLink = reply.body.qrLink;
    view('qr');
    say($('status'), notice || 'Waiting for Tessera to scan the code…');
    timers.push(setTimeout(replaceExpiredQr, ttl), setTimeout(() => current && end('This sign-in took too long and expired. Generate a new QR code to start again.'), maxAge));
    if (!live) startListening();
  }

  function replaceExpiredQr() {
    if (current?.phase !== 'qr') return;
    if (renewals >= AUTO_RENEWALS) return end('This QR code expired.');
    renewals += 1;
    showQr('The QR code expired, so here is a new one.');
  }

  function showPinStep(device) {
    if (current.phase !== 'qr') return;
    current.phase = 'pin';
    view('pin');
    say($('status'), '');
    say($('scanned-by'), `Scanned by ${device}. Enter the PIN Tessera shows.`);
    pinInput.value = '';
    pinInput.focus();
  }

  function handleEvent(event) {
    if (!current || event.qrToken !== current.token) return;
    if (event.type === 'scanned') return showPinStep(event.device);
    if (event.type === 'locked') return end('Too many wrong PINs: this QR sign-in is locked. Generate a new QR code to try again.');
    if (event.type === 'rescanned') {
      renewals = 0;
      return showQr('That QR code was scanned a second time, so it was withdrawn to keep your account safe. Scan this new one.');
    }
    if (event.type === 'expired') return current.phase === 'qr' ? replaceExpiredQr() : end('This sign-in expired. Generate a new QR code to start again.');
  }

  /** After a (re)connection: what happened while the page was not listening. */
  async function catchUp() {
    if (!current) return;
    const token = current.token;
    const reply = await postJson('/api/qr/status', { qrToken: token });
    if (!reply.ok || current?.token !== token) return;
    const state = reply.body.state;
    if (state === 'scanned') handleEvent({ type: 'scanned', qrToken: token, device: reply.body.device });
    else if (state === 'locked') handleEvent({ type: 'locked', qrToken: token });
    else if (state === 'expired' || state === 'done') handleEvent({ type: 'expired', qrToken: token });
  }

  function startListening() {
    live = true;
    openLive({
      onEvent: handleEvent,
      onOpen: catchUp,
      onState: (state) => say($('connection'), CONNECTION_WORDS[state]),
    });
  }

  pinForm.addEventListener('submit', async (submit) => {
    submit.preventDefault();
    if (!current || current.phase !== 'pin') return;
    fail('');
    const reply = await postJson('/api/pin/verify', { qrToken: current.token, pin: pinInput.value.replace(/\s/g, '') });
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
    showQr();
  };
  $('start').addEventListener('click', restart);
  $('renew').addEventListener('click', restart);
}
