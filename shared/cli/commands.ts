import { buildOtpauthUri, decodeMigrationUri, generateCode, parseOtpauthUri } from '../otp';
import { decodeQrCodes } from '../qr';
import { readImageFile } from '../qr/read-image';
import { loadZxingForNode } from '../qr/zxing-node';
import type { CliIo } from './main';
import { UsageError } from './usage-error';

function onlyArgument(args: string[], what: string, example: string): string {
  if (args.length !== 1) throw new UsageError(`Give exactly one ${what}, in quotes: ${example}`);
  return args[0];
}

function readTime(time: string | undefined): number {
  if (time === undefined) return Date.now() / 1000;
  if (!/^\d+(\.\d+)?$/.test(time)) throw new UsageError(`--time must be unix seconds (a number like 1700000000), not '${time}'.`);
  return Number(time);
}

export function runCode(args: string[], time: string | undefined, io: CliIo): number {
  const account = parseOtpauthUri(onlyArgument(args, 'otpauth URI', `tessera code "otpauth://totp/Issuer:me?secret=..."`));
  io.out(generateCode(account, readTime(time)));
  return 0;
}

export function runParse(args: string[], io: CliIo): number {
  const account = parseOtpauthUri(onlyArgument(args, 'otpauth URI', `tessera parse "otpauth://totp/Issuer:me?secret=..."`));
  io.out(JSON.stringify(account, null, 2));
  return 0;
}

export function runMigration(args: string[], io: CliIo): number {
  const batch = decodeMigrationUri(onlyArgument(args, 'otpauth-migration URI', `tessera migration "otpauth-migration://offline?data=..."`));
  for (const account of batch.accounts) io.out(buildOtpauthUri(account));
  for (const entry of batch.refused) io.err(`tessera: skipped entry ${entry.index}${entry.name ? ` (${entry.name})` : ''}: ${entry.reason}`);
  if (batch.batchSize > 1) io.err(`tessera: this is QR ${batch.batchIndex + 1} of ${batch.batchSize} of the export; scan the others too.`);
  return 0;
}

export async function runQr(paths: string[], io: CliIo): Promise<number> {
  if (paths.length === 0) throw new UsageError('Give one or more image files: tessera qr screenshot.png');
  await loadZxingForNode();
  const images = await Promise.all(paths.map(readImageFile)); // every file is checked before anything is printed
  let missing = 0;
  for (const [i, image] of images.entries()) {
    const { texts, unreadable } = await decodeQrCodes(image);
    if (texts.length === 0) {
      missing++;
      io.err(unreadable > 0
        ? `tessera: a QR code in ${paths[i]} is too small or blurred to read: use a larger or sharper image`
        : `tessera: no QR code found in ${paths[i]}`);
    }
    for (const text of texts) io.out(paths.length > 1 ? `${paths[i]}: ${text}` : text);
  }
  return missing > 0 ? 1 : 0;
}
