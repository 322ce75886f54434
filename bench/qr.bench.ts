// The QR decoder against one plain jsQR pass over the same 1280x800 frames, measured in the same run.
import jsQR from 'jsqr';
import { decodeQrCodes, type RgbaImage } from '#shared/qr/index.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { createFrame, frameWithQr, paintQr } from '../tests/support/qr-images';

const TEXT = 'otpauth://totp/Example%20Corp:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example%20Corp';

interface Case { name: string; image: RgbaImage; runs: number }

function cases(): Case[] {
  const dense = createFrame(1280, 800);
  paintQr(dense, { text: TEXT, moduleSize: 1.25, x: 601.5, y: 361.25 });
  return [
    { name: 'QR at 3 px a module', image: frameWithQr(1280, 800, { text: TEXT, moduleSize: 3 }), runs: 7 },
    { name: 'QR at 1.25 px a module', image: dense, runs: 5 },
    { name: 'busy page, no QR', image: createFrame(1280, 800, 'busy'), runs: 3 },
    { name: 'noise, no QR', image: createFrame(1280, 800, 'noise'), runs: 3 },
  ];
}

async function median<T>(runs: number, body: () => Promise<T> | T): Promise<{ ms: number; last: T }> {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], last };
}

export async function run(): Promise<void> {
  const start = performance.now();
  await loadZxingForNode();
  const warm = frameWithQr(640, 400, { text: TEXT, moduleSize: 3 });
  const first = await median(1, () => decodeQrCodes(warm));
  console.log(`module start-up and first decode (640x400): ${first.ms.toFixed(0)} ms`);
  console.log('frame (1280x800)          | jsQR pass (baseline)   | decoder (budget 1500 ms)                                              | ratio');
  for (const { name, image, runs } of cases()) {
    const plain = await median(runs, () => jsQR(image.data, image.width, image.height));
    const ours = await median(runs, () => decodeQrCodes(image));
    const found = ours.last.texts.length > 0 ? 'read' : 'none';
    const detail = `${found}, ${ours.last.passes.join('+')}${ours.last.timedOut ? ', timed out' : ''}`;
    console.log(
      `${name.padEnd(25)} | ${plain.ms.toFixed(0).padStart(5)} ms ${(plain.last ? 'read' : 'none').padEnd(12)} | ` +
      `${ours.ms.toFixed(0).padStart(5)} ms ${detail.padEnd(62)} | ${(ours.ms / plain.ms).toFixed(2)}x`,
    );
  }
  console.log(`(medians; ratio = decoder time / jsQR time; whole benchmark ${((performance.now() - start) / 1000).toFixed(1)} s)`);
}
