// Pages with one-time-code fields the way real sites build them.
const page = (body: string, script = '') => `<!doctype html><html><head><meta charset="utf-8"><title>Sign in</title></head>
<body>${body}<script>${script}</script></body></html>`;

/** Mimics React's value tracking: an input event whose value equals the tracked one is ignored, so a plain `.value = x`
 * is lost and only the native setter followed by an input event reaches the component's state. */
const CONTROLLED_SCRIPT = `
const input = document.getElementById('otp');
const proto = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
let tracked = '';
Object.defineProperty(input, 'value', { configurable: true,
  get() { return proto.get.call(this); },
  set(v) { tracked = String(v); proto.set.call(this, v); } });
window.componentState = '';
input.addEventListener('input', () => { const now = proto.get.call(input); if (now === tracked) return; tracked = now; window.componentState = now; });`;

const SPLIT_SCRIPT = `
const boxes = [...document.querySelectorAll('.digit')];
window.keyEvents = 0;
boxes.forEach((box, i) => {
  box.addEventListener('keydown', () => { window.keyEvents++; });
  box.addEventListener('input', () => { if (box.value && boxes[i + 1]) boxes[i + 1].focus(); });
});`;

/** A page whose only code field is in a frame served from `host` (same loopback server, another origin). */
export const framedFrom = (host: string, size = 'width="400" height="200"') => page(`<p>Verify it is you</p><iframe id="f" ${size}></iframe>`,
  `document.getElementById('f').src = 'http://${host}:' + location.port + '/frame-inner';`);

export const FIELD_PAGES: Record<string, string> = {
  '/single': page('<form><label for="c">Enter code</label><input id="c" autocomplete="one-time-code" inputmode="numeric"></form>'),
  '/split': page(`<form><div class="boxes">${Array.from({ length: 6 }, (_, i) => `<input class="digit" maxlength="1" inputmode="numeric" aria-label="Digit ${i + 1}">`).join('')}</div></form>`, SPLIT_SCRIPT),
  '/controlled': page('<input id="otp" name="otpCode" placeholder="6-digit code">', CONTROLLED_SCRIPT),
  '/shadow': page('<div id="host"></div>', `
    const root = document.getElementById('host').attachShadow({ mode: 'open' });
    root.innerHTML = '<label>Authenticator code <input id="inner" inputmode="numeric" maxlength="6"></label>';`),
  '/frame': page('<p>Verify it is you</p><iframe id="f" src="/frame-inner" width="400" height="200"></iframe>'),
  '/frame-inner': page('<input id="code" name="totp" aria-label="Verification code">'),
  // Written into the frame by the page itself: its address is about:srcdoc, its origin the page's.
  '/srcdoc': page('<p>Verify it is you</p><iframe id="f" srcdoc="&lt;input id=&quot;code&quot; autocomplete=&quot;one-time-code&quot;&gt;" width="400" height="200"></iframe>'),
  '/tel': page('<input type="email" name="email" value=""><input type="tel" id="tel" name="mfa_code" maxlength="6">'),
  '/number': page('<input type="number" id="num" name="token" aria-label="Token">'),
  '/german': page('<label for="g">Bestätigungscode</label><input id="g" name="feld7">'),
  '/crowded': page(`<form>
    <input type="password" id="pw" name="otp_password" autocomplete="current-password">
    <label for="rc">Recovery code</label><input id="rc" name="recovery_code">
    <label for="bk">Backup code</label><input id="bk" name="backup_otp">
    <input type="hidden" id="hid" name="otp">
    <input id="invisible" name="otp" style="display:none">
    <label for="real">Two-factor code</label><input id="real" name="code" inputmode="numeric">
  </form>`),
  // Built like well-known sites' code steps:
  // six type=number boxes sized for one digit and no maxlength, moving focus by themselves;
  '/split-number': page(`<form><div class="boxes">${Array.from({ length: 6 }, () => '<input type="number" class="digit" style="width:40px">').join('')}</div></form>`, SPLIT_SCRIPT),
  // a field whose only hint is the text before it (name "text", autocomplete=on);
  '/nearby-label': page('<h1>Two-step verification</h1><div class="step"><p>Enter the code</p><div class="row"><input type="text" id="t" name="text" autocomplete="on"></div></div><button>Next</button>'),
  // one field for either the authenticator's code or a backup code.
  '/either': page('<form><label for="e">Enter the code from your authenticator app or a backup code</label><input id="e" name="code"></form>'),
  // Refusals that must hold with the kinds above: a recovery or ZIP field labelled by nearby text only, wide text boxes in a
  // row (an address form), a row of password boxes, and split boxes that are hidden.
  '/nearby-zip': page('<div><p>ZIP code</p><div><input type="text" id="z" name="text"></div></div>'),
  '/nearby-recovery': page('<div><p>Enter one of your recovery codes</p><div><input type="text" id="r" name="text"></div></div>'),
  '/wide-row': page(`<form>${['street', 'number', 'city', 'state', 'region', 'county'].map((n) => `<input name="f${n.length}${n[0]}" style="width:200px">`).join('')}</form>`),
  '/password-boxes': page(`<form>${Array.from({ length: 6 }, () => '<input type="password" style="width:40px">').join('')}</form>`),
  '/hidden-boxes': page(`<form style="display:none">${Array.from({ length: 6 }, () => '<input type="number" class="digit" style="width:40px">').join('')}</form>`),
  '/foreign-frame': framedFrom('evil.test'),
  '/own-site-frame': framedFrom('auth.acme-bank.com'),
  '/pixel-frame': framedFrom('tracker.test', 'width="1" height="1"'),
  '/none': page('<form><input name="q" placeholder="Search"><input name="zip" placeholder="ZIP code"><input type="password" name="password"></form>'),
};
