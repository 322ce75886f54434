// A corpus of "set up two-factor authentication" pages, each showing QR codes the way real sites do: PNG images
// made with `qrcode` and embedded as data: URLs, at chosen module sizes, colours, zoom levels, logos and layouts.
// Shared by the capture tests and the capture benchmark.
import QRCode from 'qrcode';
import { buildOtpauthUri, encodeBase32, type OtpAccount } from '#shared/otp/index.ts';
import { encodePng } from './qr-files';
import { createFrame, seededRandom } from './qr-images';

export interface CorpusPage {
  name: string;
  path: string;
  html: string;
  /** The QR texts the page shows, in reading order. */
  expected: string[];
  /** Only on screens of this device pixel ratio: at a lower one the code's modules are no longer in the pixels. */
  onlyAtRatio?: number;
}

export interface QrImage {
  text: string;
  /** Pixels per module of the PNG, shown at its own size: CSS zoom and high-DPI screens scale it smoothly, as sites' codes are. */
  module: number;
  errorCorrection?: 'L' | 'M' | 'Q' | 'H';
  dark?: string;
  light?: string;
  /** A badge over the middle, covering this share of the code's width (error correction H copes with it). */
  logo?: number;
  /** Drawn as an SVG (qrcode's own, with crisp edges), as some sites do: the browser draws its modules on the screen's pixels. */
  svg?: boolean;
}

/** A realistic account with its own 20-byte secret, so every page's code is different. */
export function corpusAccount(seed: number, issuer = 'Example Bank', account = `user${seed}@example.com`): OtpAccount {
  const random = seededRandom(seed);
  const secret = encodeBase32(Uint8Array.from({ length: 20 }, () => Math.floor(random() * 256)));
  return { type: 'totp', issuer, account, secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 };
}

export function corpusUri(seed: number, issuer?: string, account?: string): string {
  return buildOtpauthUri(corpusAccount(seed, issuer, account));
}

/** An <img> (in a positioned box, with its logo if any) showing the code at its natural size in CSS pixels. */
export async function qrImageHtml(qr: QrImage): Promise<string> {
  const modules = QRCode.create(qr.text, { errorCorrectionLevel: qr.errorCorrection ?? 'M' }).modules.size + 8;
  const src = await QRCode.toDataURL(qr.text, {
    errorCorrectionLevel: qr.errorCorrection ?? 'M', margin: 4, scale: qr.module,
    color: { dark: qr.dark ?? '#000000ff', light: qr.light ?? '#ffffffff' },
  });
  const size = modules * qr.module;
  if (qr.svg) {
    const svg = await QRCode.toString(qr.text, { type: 'svg', errorCorrectionLevel: qr.errorCorrection ?? 'M', margin: 4 });
    return `<div class="qr" role="img" aria-label="QR code for your authenticator app">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</div>`;
  }
  const img = `<img alt="QR code for your authenticator app" src="${src}" width="${size}" height="${size}" style="display: block">`;
  if (!qr.logo) return `<div class="qr">${img}</div>`;
  const badge = Math.round(size * qr.logo);
  const logo = `<div style="position:absolute; left:${(size - badge) / 2}px; top:${(size - badge) / 2}px; width:${badge}px; height:${badge}px;` +
    ` background:#e8412c; border:3px solid #fff; border-radius:10px; color:#fff; font:bold ${Math.round(badge / 2)}px sans-serif;` +
    ` display:flex; align-items:center; justify-content:center; box-sizing:border-box">B</div>`;
  return `<div class="qr" style="position:relative; width:${size}px">${img}${logo}</div>`;
}

const STYLE = 'body{font:15px/1.5 system-ui,sans-serif;margin:0} header{padding:14px 32px;background:#24405f;color:#fff}' +
  ' main{padding:24px 32px} .row{display:flex;gap:48px;align-items:flex-start} p{max-width:560px}';

export function setupPage(title: string, body: string, options: { bodyStyle?: string; pageStyle?: string } = {}): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}${options.pageStyle ?? ''}</style></head>` +
    `<body style="${options.bodyStyle ?? ''}"><header>Example Bank · Security settings</header><main><h1>${title}</h1>` +
    '<p>Scan this QR code with your authenticator app, then type the six-digit code it shows to finish.</p>' +
    `${body}<p><button>Verify</button> <a href="#">Can't scan it?</a></p></main></body></html>`;
}

/** Every page of the corpus; `expected` lists what a first click should find. */
export async function buildCorpus(): Promise<CorpusPage[]> {
  const pages: CorpusPage[] = [];
  const add = async (name: string, qrs: QrImage[], options: { bodyStyle?: string; pageStyle?: string; layout?: (parts: string[]) => string } = {}) => {
    const parts = await Promise.all(qrs.map(qrImageHtml));
    const body = options.layout ? options.layout(parts) : `<div class="row">${parts.join('')}<p>Keep your recovery codes somewhere safe.</p></div>`;
    pages.push({ name, path: `/${pages.length}-${name.replace(/\W+/g, '-')}`, html: setupPage('Two-factor authentication', body, options), expected: qrs.map((qr) => qr.text) });
  };
  await add('plain, 4 px a module', [{ text: corpusUri(1), module: 4 }]);
  await add('small, 2 px a module', [{ text: corpusUri(2, 'Example Cloud Services', 'first.last+work@corp.example.com'), module: 2 }],
    { layout: ([qr]) => `<div class="row"><p>Lots of explanation beside a small code, as some sites do.</p>${qr}</div>` });
  await add('inverted, white on black', [{ text: corpusUri(3), module: 3, dark: '#ffffffff', light: '#000000ff' }]);
  await add('dark mode page', [{ text: corpusUri(4), module: 3, dark: '#e6e6e6ff', light: '#1b1b1bff' }],
    { bodyStyle: 'background:#121212;color:#ddd', pageStyle: 'header{background:#1f1f1f}' });
  await add('zoom 125 %, 2 px a module', [{ text: corpusUri(5), module: 2 }], { bodyStyle: 'zoom:1.25' });
  await add('zoom 150 %, 2 px a module', [{ text: corpusUri(6), module: 2 }], { bodyStyle: 'zoom:1.5' });
  await add('logo over the middle', [{ text: corpusUri(7), module: 4, errorCorrection: 'H', logo: 0.22 }]);
  await add('two codes on one page', [{ text: corpusUri(8, 'Example Bank', 'alice'), module: 3 }, { text: corpusUri(9, 'Example Bank', 'bob'), module: 3 }]);
  await add('brand colours, low contrast', [{ text: corpusUri(10), module: 3, dark: '#2a4d8fff', light: '#dde6f5ff' }],
    { pageStyle: 'main{background:#dde6f5}' });
  await add('code beside a photo', [{ text: corpusUri(11), module: 3 }],
    { layout: ([qr]) => `<div class="row">${qr}<img alt="" src="${photoDataUrl(560, 420)}" width="560" height="420"></div>` });
  pages.push(busyPageWithoutQr(), blankPage(), textOnlyPage(), await denseCodeInCornerPage());
  return pages;
}

/** An empty tab: the commonest wrong place to press Scan. */
export function blankPage(): CorpusPage {
  return { name: 'blank page, no QR', path: '/blank', html: '<!doctype html><html><head><title>New tab</title></head><body></body></html>', expected: [] };
}

/** A help article of text only (headings, paragraphs, a list, a table, code): letters, and no QR code. */
export function textOnlyPage(): CorpusPage {
  const paragraph = (seed: number) => `<p>${loremWords(seed, 70)}</p>`;
  const body = `${paragraph(1)}<h2>Before you start</h2><ul>${[2, 3, 4].map((s) => `<li>${loremWords(s, 14)}</li>`).join('')}</ul>${paragraph(5)}` +
    `<table style="border-collapse:collapse">${[6, 7, 8, 9].map((s) => `<tr><td style="border:1px solid #999;padding:4px 8px">${loremWords(s, 3)}</td>` +
    `<td style="border:1px solid #999;padding:4px 8px">${loremWords(s + 20, 8)}</td></tr>`).join('')}</table>` +
    `<pre style="background:#f4f4f4;padding:8px">otpauth://totp/Issuer:account?secret=&lt;your key&gt;&amp;issuer=Issuer</pre>${paragraph(10)}${paragraph(11)}`;
  return { name: 'text-only article, no QR', path: '/text-only', html: setupPage('How two-factor authentication works', body), expected: [] };
}

/**
 * A high-DPI screen (device pixel ratio 2) showing a small SVG code in the page's bottom-right corner at 0.625 CSS px
 * a module, i.e. 1.25 device pixels a module in the capture: too dense for a whole-frame read.
 */
export async function denseCodeInCornerPage(): Promise<CorpusPage> {
  const text = corpusUri(12, 'Example Workspace', 'new.user@example.com');
  const qr = await qrImageHtml({ text, module: 0.625, svg: true });
  const body = `<p>${loremWords(12, 60)}</p><div style="position:fixed; right:16px; bottom:16px">${qr}</div>`;
  return { name: 'HiDPI, 1.25 px a module, corner', path: '/hidpi-dense-corner', html: setupPage('Two-factor authentication', body), expected: [text], onlyAtRatio: 2 };
}

const WORDS = ('authenticator account code secret password sign in security key device recovery backup app phone scan ' +
  'enter six digit verify settings enable protect login time based one your the a to of and with when').split(' ');

/** Seeded filler words, so the text pages are the same on every run. */
function loremWords(seed: number, count: number): string {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
}

/** A photo-heavy page with no QR code: the scan must give up within its budget and say so. */
export function busyPageWithoutQr(): CorpusPage {
  const photo = photoDataUrl(1280, 640);
  const body = `<img alt="Our offices" src="${photo}" width="1280" height="640" style="display:block;max-width:none;margin-left:-32px">`;
  return { name: 'busy photo page, no QR', path: '/busy-photo', html: setupPage('Our story', body), expected: [] };
}

/** A photo-like picture (gradient, blocks, rows of marks like text) as a PNG data URL. */
export function photoDataUrl(width: number, height: number): string {
  return `data:image/png;base64,${encodePng(createFrame(width, height, 'busy', 7)).toString('base64')}`;
}
