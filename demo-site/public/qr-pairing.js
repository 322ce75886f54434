// The pairing QR on the enrolment page: fetched at once, replaced when it expires (a few times), and replaced by
// "Paired with <device>" the moment Tessera takes it, so the same QR can never be scanned twice.
import { AUTO_RENEWALS, CONNECTION_WORDS, openLive, postJson, say } from './qr-live.js';

const panel = document.querySelector('[data-qr-pairing]');
if (panel) startPanel(panel);

function startPanel(panel) {
  const $ = (name) => panel.querySelector(`[data-qr-${name}]`);
  const ttl = Number(panel.dataset.qrTtlMs);
  const image = $('image');
  let current = null; // the token of the QR on screen
  let renewals = 0;
  let timer;
  let live = false;

  const end = (message, isError = true) => {
    clearTimeout(timer);
    current = null;
    image.hidden = true;
    $('renew').hidden = false;
    say($('status'), isError ? '' : message);
    say($('error'), isError ? message : '');
  };

  async function showQr(notice) {
    clearTimeout(timer);
    $('renew').hidden = true;
    say($('error'), '');
    const reply = await postJson('/api/mfa/totp/pairing');
    if (!reply.ok) return end(reply.body.error.message);
    current = reply.body.qrToken;
    image.src = reply.body.qrDataUrl;
    image.dataset.qrLink = reply.body.qrLink;
    image.hidden = false;
    say($('status'), notice || '');
    timer = setTimeout(replaceExpiredQr, ttl);
    if (!live) startListening();
  }

  function replaceExpiredQr() {
    if (!current) return;
    if (renewals >= AUTO_RENEWALS) return end('This pairing QR code expired.');
    renewals += 1;
    showQr('The pairing QR code expired, so here is a new one.');
  }

  function showPaired(device) {
    end(`Paired with ${device}: enter the code it shows.`, false);
    $('renew').textContent = 'Pair another Tessera';
    document.querySelector('#code')?.focus();
  }

  function handleEvent(event) {
    if (!current || event.qrToken !== current) return;
    if (event.type === 'paired') showPaired(event.device);
    else if (event.type === 'expired') replaceExpiredQr();
  }

  async function catchUp() {
    if (!current) return;
    const token = current;
    const reply = await postJson('/api/qr/status', { qrToken: token });
    if (!reply.ok || current !== token) return;
    if (reply.body.state === 'paired') showPaired(reply.body.device);
    else if (reply.body.state === 'expired') replaceExpiredQr();
  }

  function startListening() {
    live = true;
    openLive({
      onEvent: handleEvent,
      onOpen: catchUp,
      onState: (state) => say($('connection'), CONNECTION_WORDS[state]),
    });
  }

  $('renew').addEventListener('click', () => {
    renewals = 0;
    showQr();
  });
  showQr();
}
