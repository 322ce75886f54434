// The shared QR decoder in Node on drawn frames (the command line's case), against the baseline measured in the same
// run: 1280x800 frames, and a high-DPI 2560x1600 screen (device pixel ratio 2) with a 1.25 px code in its corner.
import { decodeQrCodes, type RgbaImage } from '#shared/qr/index.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { createFrame, frameWithQr, paintQr, type Background } from '../tests/support/qr-images';
import { alternateRuns, formatFrameTable, summariseFrames, type FrameFigures } from './frame-table';
import { popularPipeline } from './popular-pipeline';

const TEXT = 'otpauth://totp/Example%20Corp:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example%20Corp';
const DECODES = 7;
const BASELINE_DECODES = 3;

interface Case { name: string; image: RgbaImage; expected: string[] }

function withDenseCode(width: number, height: number, background: Background, x: number, y: number): RgbaImage {
  const frame = createFrame(width, height, background, 4);
  paintQr(frame, { text: TEXT, moduleSize: 1.25, x, y });
  return frame;
}

const GROUPS: { size: string; goalMs: number; cases: () => Case[] }[] = [
  {
    size: '1280x800', goalMs: 150, cases: () => [
      { name: 'QR at 3 px a module', image: frameWithQr(1280, 800, { text: TEXT, moduleSize: 3 }), expected: [TEXT] },
      { name: 'QR at 1.25 px a module', image: withDenseCode(1280, 800, [255, 255, 255], 601.5, 361.25), expected: [TEXT] },
      { name: 'busy page, no QR', image: createFrame(1280, 800, 'busy'), expected: [] },
      { name: 'noise, no QR', image: createFrame(1280, 800, 'noise'), expected: [] },
      { name: 'blank, no QR', image: createFrame(1280, 800), expected: [] },
      { name: 'text only, no QR', image: createFrame(1280, 800, 'text'), expected: [] },
    ],
  },
  {
    size: '2560x1600 (ratio 2)', goalMs: 300, cases: () => [
      { name: '1.25 px code in the corner', image: withDenseCode(2560, 1600, 'text', 2560 - 16 - 71.25, 1600 - 16 - 71.25), expected: [TEXT] },
      { name: 'blank, no QR', image: createFrame(2560, 1600), expected: [] },
      { name: 'text only, no QR', image: createFrame(2560, 1600, 'text', 2), expected: [] },
      { name: 'busy page, no QR', image: createFrame(2560, 1600, 'busy', 2), expected: [] },
    ],
  },
];

export async function run(): Promise<void> {
  const start = performance.now();
  await loadZxingForNode();
  const warm = await time(() => decodeQrCodes(frameWithQr(640, 400, { text: TEXT, moduleSize: 3 })));
  console.log(`module start-up and first decode (640x400): ${warm.toFixed(0)} ms`);
  for (const group of GROUPS) {
    const frames: FrameFigures[] = [];
    for (const { name, image, expected } of group.cases()) {
      await decodeQrCodes(image); // the first decode of a frame size warms its code paths up
      const ours: number[] = [], oursCpu: number[] = [], theirs: number[] = [];
      let result = await decodeQrCodes(image);
      let theirTexts: string[] = [];
      await alternateRuns(DECODES, BASELINE_DECODES, async () => {
        const cpu = process.cpuUsage();
        ours.push(await time(async () => (result = await decodeQrCodes(image))));
        const spent = process.cpuUsage(cpu);
        oursCpu.push((spent.user + spent.system) / 1000);
      }, () => void theirs.push(timeSync(() => (theirTexts = popularPipeline(image)))));
      frames.push({ name, size: group.size, expected, ours, oursCpu, texts: result.texts, passes: result.passes, theirs, theirTexts });
    }
    console.log(formatFrameTable(frames, group.goalMs, `drawn ${group.size} frames, in Node as \`tessera qr\` does`));
    console.log(summariseFrames(frames, group.goalMs));
  }
  console.log(`(whole benchmark ${((performance.now() - start) / 1000).toFixed(1)} s)`);
}

function timeSync(body: () => unknown): number {
  const begin = performance.now();
  body();
  return performance.now() - begin;
}

async function time(body: () => unknown): Promise<number> {
  const begin = performance.now();
  await body();
  return performance.now() - begin;
}
