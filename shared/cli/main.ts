// `tessera code|parse|migration|qr`: the OTP core and the QR decoder from a terminal.
import { parseArgs } from 'node:util';
import { OtpError } from '../otp';
import { DEFAULT_BUDGET_MS, QrError } from '../qr';
import { MAX_REGIONS } from '../qr/work-limits';
import { runCode, runMigration, runParse, runQr } from './commands';
import { UsageError } from './usage-error';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const HELP = `Usage: tessera <command> [arguments]

Commands:
  code "<otpauth uri>" [--time <unix seconds>]
      Print the account's current code (TOTP at --time, default now; HOTP at the URI's counter).
  parse "<otpauth uri>"
      Print the account as JSON (type, issuer, account, secret, algorithm, digits, period, counter).
  migration "<otpauth-migration uri>"
      Print one otpauth:// URI per account in a Google Authenticator export.
      Entries that cannot be read are listed on stderr with the reason.
  qr <image.png|jpg>...
      Print the text of every QR code found in each image (with several images, each line starts with its file name).
      Each image gets the extension's own search: ZXing over the whole image (a large one at half size), then,
      if that reads nothing, only the regions (${MAX_REGIONS} at most) that look like QR codes, scaled up to their module
      size. The same image always gets the same answer; a safety limit of ${DEFAULT_BUDGET_MS / 1000} s an image stops the
      search on a machine far too slow for it.

Options:
  -h, --help    Show this help.

Exit status: 0 on success, 1 when an image holds no readable QR code, 2 on bad input (a one-line reason on stderr).
Quote URIs: they contain '&' and '?', which shells treat specially.`;

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { time: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.out(HELP);
      return 0;
    }
    if (values.time !== undefined && command !== 'code') throw new UsageError(`--time only goes with 'tessera code'.`);
    switch (command) {
      case 'code':
        return runCode(rest, values.time, io);
      case 'parse':
        return runParse(rest, io);
      case 'migration':
        return runMigration(rest, io);
      case 'qr':
        return await runQr(rest, io);
      default:
        throw new UsageError(`Unknown command '${command}': use code, parse, migration or qr (tessera --help).`);
    }
  } catch (error) {
    io.err(`tessera: ${describeError(error)}`);
    return 2;
  }
}

function describeError(error: unknown): string {
  if (error instanceof UsageError || error instanceof OtpError || error instanceof QrError) return error.message;
  // parseArgs reports unknown options and missing values with a readable message of its own.
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) return `${error.message} (tessera --help)`;
  throw error;
}
