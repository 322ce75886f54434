// The real `tessera` command, run as a user runs it.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import QRCode from 'qrcode';
import vectors from '../fixtures/rfc-otp.json';
import { encodeMigrationUris, parseOtpauthUri } from '#shared/otp/index.ts';
import { DEFAULT_BUDGET_MS } from '#shared/qr/index.ts';
import { encodePng } from '../support/qr-files';
import { createFrame, paintQr } from '../support/qr-images';

const BIN = resolve(import.meta.dirname, '..', '..', 'shared', 'cli', 'tessera.mjs');

async function tessera(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tessera code', () => {
  it('prints the RFC 6238 code for the documented example', async () => {
    const result = await tessera('code', 'otpauth://totp/ACME:a@b.c?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&digits=8', '--time', '59');
    expect(result).toEqual({ code: 0, stdout: '94287082\n', stderr: '' });
  });

  it('prints every RFC 6238 vector for its algorithm', async () => {
    for (const v of vectors.totp.filter((row) => row.time === 1111111109)) {
      const uri = `otpauth://totp/RFC:test?secret=${v.secretBase32}&algorithm=${v.algorithm}&digits=8`;
      expect((await tessera('code', uri, '--time', String(v.time))).stdout.trim()).toBe(v.code);
    }
  });

  it('prints HOTP codes at the URI counter', async () => {
    const v = vectors.hotp[5];
    const result = await tessera('code', `otpauth://hotp/RFC:test?secret=${v.secretBase32}&counter=${v.counter}`);
    expect(result.stdout.trim()).toBe(v.code);
  });

  it('refuses bad input with one line on stderr and exit 2', async () => {
    const result = await tessera('code', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP&digits=9');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('tessera: digits must be 6, 7 or 8, not 9\n');
    expect(result.stdout).toBe('');
    const badTime = await tessera('code', 'otpauth://totp/a?secret=JBSWY3DPEHPK3PXP', '--time', 'yesterday');
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toMatch(/--time must be unix seconds/);
  });
});

describe('tessera parse and migration', () => {
  it('prints the account as JSON', async () => {
    const result = await tessera('parse', 'otpauth://totp/GitHub:bob?secret=jbswy3dpehpk3pxp&algorithm=sha512&period=60');
    expect(JSON.parse(result.stdout)).toEqual({
      type: 'totp', issuer: 'GitHub', account: 'bob', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA512', digits: 6, period: 60, counter: 0,
    });
  });

  it('prints one otpauth URI per exported account', async () => {
    const accounts = ['otpauth://totp/A:one?secret=JBSWY3DPEHPK3PXP', 'otpauth://hotp/B:two?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=3&digits=8']
      .map(parseOtpauthUri);
    const result = await tessera('migration', encodeMigrationUris(accounts).uris[0]);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n').map(parseOtpauthUri)).toEqual(accounts);
  });

  it('says what is wrong with something that is not an export', async () => {
    const result = await tessera('migration', 'https://example.com');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^tessera: This is not a Google Authenticator export/);
  });

  it('explains unknown commands and prints help', async () => {
    expect((await tessera('frobnicate')).stderr).toMatch(/Unknown command 'frobnicate'/);
    const help = await tessera('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/tessera <command>/);
  });
});

describe('tessera qr', () => {
  it('prints the text of every QR code in each image', async () => {
    const uri = 'otpauth://totp/ACME:a@b.c?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
    const png = join(dir, 'code.png');
    await QRCode.toFile(png, uri, { scale: 4 });
    const single = await tessera('qr', png);
    expect(single).toMatchObject({ code: 0, stdout: `${uri}\n` });

    const other = join(dir, 'other.png');
    await QRCode.toFile(other, 'hello', { scale: 3 });
    const both = await tessera('qr', png, other);
    expect(both.stdout).toBe(`${png}: ${uri}\n${other}: hello\n`);
  });

  it('refuses a file that is not an image, and says when an image has no QR code', async () => {
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just text');
    const refused = await tessera('qr', text);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split('\n').filter(Boolean)).toHaveLength(1);

    const blank = join(dir, 'blank.png');
    const { PNG } = await import('pngjs');
    const image = new PNG({ width: 64, height: 64 });
    image.data.fill(255);
    writeFileSync(blank, PNG.sync.write(image));
    const none = await tessera('qr', blank);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no QR code found/);
  });

  it('reads a dense code in the corner of a 2560x1600 high-DPI screenshot, as the extension does', async () => {
    const uri = 'otpauth://totp/Example%20Workspace:new.user%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Example%20Workspace';
    const frame = createFrame(2560, 1600, 'text', 6);
    paintQr(frame, { text: uri, moduleSize: 1.25, x: 2470.5, y: 1510.25 });
    const shot = join(dir, 'hidpi.png');
    writeFileSync(shot, encodePng(frame));
    expect(await tessera('qr', shot)).toEqual({ code: 0, stdout: `${uri}\n`, stderr: '' });
  });

  it('says a code is too small to read, rather than that there is none', async () => {
    const frame = createFrame(1280, 800);
    const uri = 'otpauth://totp/Bank%20of%20Examples:erin%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Bank%20of%20Examples&period=30';
    paintQr(frame, { text: uri, moduleSize: 1.15, x: 601.3, y: 361.7 });
    const shot = join(dir, 'tiny.png');
    writeFileSync(shot, encodePng(frame));
    const result = await tessera('qr', shot);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`tessera: a QR code in ${shot} is too small or blurred to read: use a larger or sharper image\n`);
  });

  it('states its search and its safety time limit in --help', async () => {
    const { stdout } = await tessera('--help');
    expect(stdout).toMatch(/qr <image.png\|jpg>/);
    expect(stdout).toMatch(new RegExp(`a safety limit of ${DEFAULT_BUDGET_MS / 1000} s an image`));
    expect(stdout).toMatch(/The same image always\s+gets the same answer/);
  });
});
