// One-click capture in the real extension, over the corpus of set-up pages (and pages without a code: a busy photo
// page, a blank tab, an article of text) on three screens: 1280x800; 2560x1440 and 2560x1600 at device pixel ratio 2.
// Per screen: click to account found and added, the share found at the first click, click to "No QR code found";
// then, inside the extension's service worker, on the very frames it captured, the shared decoder against the most
// used extension's pipeline (qrcode-reader, then one jsQR pass), both measured in the same run: median and max.
import type { Worker } from 'playwright-core';
import type { ScanResult } from '../extension/capture/types';
import { bundleModule } from '../tests/capture/bundle-module';
import { startCaptureRig, type CaptureRig, type RigOptions } from '../tests/support/qr-capture';
import { blankPage, buildCorpus, textOnlyPage, type CorpusPage } from '../tests/support/qr-pages';
import { formatFrameTable, percentile, summariseFrames, type FrameFigures } from './frame-table';

const CLICKS = 5;
const DECODES = 7;
const BASELINE_DECODES = 3;

interface Screen { name: string; ratio: number; goalMs: number; options: RigOptions; pages(corpus: CorpusPage[]): CorpusPage[] }
interface PageFigures {
  page: CorpusPage;
  found: boolean;
  scanMs: number[];
  addMs: number[];
  frame: Buffer;
  /** On pages without a code: the browser's capture alone, timed right after each click's scan. */
  captureMs: number[];
}

const atRatio = (ratio: number) => (corpus: CorpusPage[]) => corpus.filter((page) => (page.onlyAtRatio ?? ratio) === ratio);
const SCREENS: Screen[] = [
  { name: '1280x800, ratio 1', ratio: 1, goalMs: 150, options: { viewport: { width: 1280, height: 800 } }, pages: atRatio(1) },
  { name: '2560x1440, ratio 2', ratio: 2, goalMs: 300, options: { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 2, screenScaleFactor: 2 }, pages: atRatio(2) },
  {
    name: '2560x1600, ratio 2', ratio: 2, goalMs: 300, options: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, screenScaleFactor: 2 },
    pages: (corpus) => corpus.filter((page) => page.onlyAtRatio === 2 || [corpus[0].path, blankPage().path, textOnlyPage().path].includes(page.path)),
  },
];

export async function run(): Promise<void> {
  const corpus = await buildCorpus();
  const decoders = await bundleModule('bench/worker-decoders.ts', 'BenchDecoders');
  for (const screen of SCREENS) {
    const rig = await startCaptureRig(Object.fromEntries(corpus.map((page) => [page.path, page.html])), screen.options);
    try {
      const figures = await measureClicks(rig, screen.pages(corpus));
      reportClicks(screen, figures);
      const frames = await measureInWorker(rig.worker, decoders, figures);
      console.log(formatFrameTable(frames, screen.goalMs, 'the captured frames, in the extension\'s service worker'));
      console.log(summariseFrames(frames, screen.goalMs));
      reportBrowserShare(figures, frames);
    } finally {
      await rig.close();
    }
  }
}

async function measureClicks(rig: CaptureRig, pages: CorpusPage[]): Promise<PageFigures[]> {
  const vaultPage = await openVaultPage(rig);
  await rig.scan(pages[0].path); // module start-up in a fresh worker, reported by the QR benchmark, not here
  const figures: PageFigures[] = [];
  for (const page of pages) {
    await quotaPause();
    const first = await rig.scan<ScanResult>(page.path, { withFrame: true });
    const entry: PageFigures = { page, found: foundAll(first.response, page), scanMs: [first.ms], addMs: [], frame: first.frame!, captureMs: [] };
    const withoutCode = page.expected.length === 0;
    if (withoutCode) entry.captureMs.push(first.captureMs!);
    for (let i = 1; i < CLICKS; i++) {
      await quotaPause();
      const run = await rig.scan<ScanResult>(page.path, { withFrame: withoutCode });
      entry.scanMs.push(run.ms);
      if (withoutCode) entry.captureMs.push(run.captureMs!);
    }
    if (entry.found && page.expected.length > 0) {
      for (let i = 0; i < CLICKS; i++) entry.addMs.push(await timeAdd(vaultPage, first.response));
    }
    figures.push(entry);
  }
  return figures;
}

// The real vault and addFinding, bundled into an extension page of their own; adding is what the popup does on "Add".
async function openVaultPage(rig: CaptureRig) {
  const page = await rig.browser.context.newPage();
  await page.goto(`chrome-extension://${rig.extensionId}/options.html`);
  await page.evaluate(await bundleModule('extension/vault/index.ts', 'TesseraVault'));
  await page.evaluate(await bundleModule('extension/capture/add-finding.ts', 'TesseraAdd'));
  await page.evaluate(`(async () => {
    const api = globalThis.TesseraVault;
    globalThis.benchVault = api.openVault();
    await globalThis.benchVault.create('bench password 1234');
  })()`);
  return page;
}

// Times one add, then removes what it added so every run is an add of a new account, not an update.
async function timeAdd(page: Awaited<ReturnType<typeof openVaultPage>>, response: ScanResult): Promise<number> {
  return page.evaluate(`(async () => {
    const vault = globalThis.benchVault;
    const start = performance.now();
    const outcome = await globalThis.TesseraAdd.addFinding(vault, ${JSON.stringify(response.findings[0])});
    const ms = performance.now() - start;
    for (const account of outcome.added) await vault.remove(account.id);
    return ms;
  })()`);
}

// Chrome allows two tab captures a second; clicks closer together than that would time the extension's wait for
// its turn, which no person clicking once sees.
function quotaPause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 600));
}

function foundAll(response: ScanResult, page: CorpusPage): boolean {
  if (!response.findings) return false;
  if (page.expected.length === 0) return response.findings.length === 0 && /^No QR code found on this page\. /.test(response.message ?? '');
  return response.findings.length === page.expected.length && response.findings.every((f) => f.kind === 'account');
}

function reportClicks(screen: Screen, figures: PageFigures[]): void {
  const withQr = figures.filter((f) => f.page.expected.length > 0);
  const without = figures.filter((f) => f.page.expected.length === 0);
  const scans = withQr.flatMap((f) => f.scanMs);
  const adds = withQr.flatMap((f) => f.scanMs.map((ms, i) => ms + (f.addMs[i] ?? NaN))).filter(Number.isFinite);
  const refusals = without.flatMap((f) => f.scanMs);
  const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
  console.log(`\n### ${screen.name} (${CLICKS} clicks a page)`);
  console.log(`click to account found:  median ${fmt(percentile(scans, 50))}, p95 ${fmt(percentile(scans, 95))} (${scans.length} clicks on ${withQr.length} pages)`);
  console.log(`click to account added:  median ${fmt(percentile(adds, 50))}, p95 ${fmt(percentile(adds, 95))} (scan, then the vault's add)`);
  console.log(`found at the first click: ${withQr.filter((f) => f.found).length}/${withQr.length}`);
  console.log(`click to "No QR code found on this page": median ${fmt(percentile(refusals, 50))}, longest ${fmt(Math.max(...refusals))} ` +
    `(${refusals.length} clicks on ${without.length} pages; said every time: ${without.every((f) => f.found)})`);
}

// On a page without a code the answer waits for the capture: its floor is the browser's capture plus unpacking the
// PNG in the worker (both measured in this run), before any decoding.
function reportBrowserShare(figures: PageFigures[], frames: FrameFigures[]): void {
  const without = figures.filter((f) => f.page.expected.length === 0);
  const capture = percentile(without.flatMap((f) => f.captureMs), 50);
  const unpack = percentile(frames.filter((f) => f.expected.length === 0).flatMap((f) => f.unpackMs ?? []), 50);
  const answer = percentile(without.flatMap((f) => f.scanMs), 50);
  console.log(`pages without a code, the browser's own share (medians): captureVisibleTab ${capture.toFixed(0)} ms + unpacking the PNG ` +
    `${unpack.toFixed(0)} ms = ${(capture + unpack).toFixed(0)} ms before any decoding; "No QR code found" ${answer.toFixed(0)} ms = ` +
    `${(answer / (capture + unpack)).toFixed(2)}x that floor`);
}

// Each captured frame, unpacked in the worker as the extension unpacks it, then decoded DECODES times by the shared
// decoder and BASELINE_DECODES times by the baseline (it is far slower on frames without a code).
async function measureInWorker(worker: Worker, decoders: string, figures: PageFigures[]): Promise<FrameFigures[]> {
  await worker.evaluate(decoders);
  await worker.evaluate(`globalThis.BenchDecoders.useZxingWasmUrl(chrome.runtime.getURL('/zxing_reader.wasm'))`);
  const frames: FrameFigures[] = [];
  for (const [i, { page, frame }] of figures.entries()) {
    const timed = await worker.evaluate(WORKER_TIMING, { png: frame.toString('base64'), runs: i === 0 ? DECODES + 1 : DECODES, baselineRuns: BASELINE_DECODES });
    if (i === 0) timed.ours.shift(); // the first decode warms the bundled copy up
    frames.push({ name: page.name, expected: page.expected, ...timed });
  }
  return frames;
}

const WORKER_TIMING = async ({ png, runs, baselineRuns }: { png: string; runs: number; baselineRuns: number }) => {
  const api = (globalThis as unknown as { BenchDecoders: typeof import('./worker-decoders') }).BenchDecoders;
  const blob = new Blob([Uint8Array.from(atob(png), (c) => c.charCodeAt(0))], { type: 'image/png' });
  // Unpacked as pixels-from-image.ts does, three times: the cost every capture pays before decoding.
  const unpackMs: number[] = [];
  let image!: ImageData;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(bitmap, 0, 0);
    image = context.getImageData(0, 0, bitmap.width, bitmap.height);
    bitmap.close();
    unpackMs.push(performance.now() - start);
  }
  // Turns as in frame-table.ts's alternateRuns (this function runs in the worker, apart from the bench's modules).
  const ours: number[] = [], theirs: number[] = [];
  let result = { texts: [] as string[], passes: [] as string[] };
  let theirTexts: string[] = [];
  const every = Math.ceil(runs / baselineRuns);
  for (let i = 0; i < runs; i++) {
    let start = performance.now();
    result = await api.decodeQrCodes(image);
    ours.push(performance.now() - start);
    if (i % every !== 0 || theirs.length >= baselineRuns) continue;
    start = performance.now();
    theirTexts = api.popularPipeline(image);
    theirs.push(performance.now() - start);
  }
  return { size: `${image.width}x${image.height}`, ours, texts: result.texts, passes: result.passes, theirs, theirTexts, unpackMs };
};
