// The page agent in a real Chromium, on pages built like real sites' code steps.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { serveStatic, type StaticServer } from '../support/static-server';
import { FIELD_PAGES } from './fixture-pages';

const AGENT = resolve(import.meta.dirname, '../../.output/chrome-mv3/autofill.js');
const LOOPBACK = ['127.0.0.1'];

let browser: LaunchedBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(FIELD_PAGES);
  browser = await launchBrowser({ extension: false, args: ['--host-resolver-rules=MAP * 127.0.0.1'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, host?: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path, host));
  await page.addScriptTag({ path: AGENT });
  return page;
}

function fill(page: Page, code: string, sites = LOOPBACK, confirmedSite: string | null = null) {
  return page.evaluate(([c, s, ok]) => (globalThis as any).tesseraAutofill.fillCodeField({ code: c, sites: s, confirmedSite: ok }), [code, sites, confirmedSite] as const);
}

describe('filling code fields', () => {
  it('fills an autocomplete=one-time-code input', async () => {
    const page = await open('/single');
    expect(await fill(page, '123456')).toMatchObject({ status: 'filled', kind: 'single', site: '127.0.0.1' });
    expect(await page.inputValue('#c')).toBe('123456');
  });

  it('leaves submitting to the user: the form of a filled field, single or split, is not sent', async () => {
    for (const path of ['/single', '/split']) {
      const page = await open(path);
      await page.evaluate(() => {
        (window as any).submitted = 0;
        document.querySelector('form')!.addEventListener('submit', (event) => { event.preventDefault(); (window as any).submitted++; });
      });
      expect(await fill(page, '123456')).toMatchObject({ status: 'filled' });
      // What the fill set going runs first (tasks run in order); then the user sends the form, once, by hand.
      const counts = await page.evaluate(async () => {
        await new Promise((resolve) => setTimeout(resolve, 0));
        const before = (window as any).submitted;
        document.querySelector('form')!.requestSubmit();
        return [before, (window as any).submitted];
      });
      expect(counts).toEqual([0, 1]);
    }
  });

  it('fills six split boxes one character at a time, with key events', async () => {
    const page = await open('/split');
    expect(await fill(page, '654321')).toMatchObject({ status: 'filled', kind: 'split' });
    const values = await page.$$eval('.digit', (boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(values).toEqual(['6', '5', '4', '3', '2', '1']);
    expect(await page.evaluate(() => (window as any).keyEvents)).toBe(6);
  });

  it('reaches a framework-controlled input through the native setter', async () => {
    const page = await open('/controlled');
    await fill(page, '112233');
    expect(await page.evaluate(() => (window as any).componentState)).toBe('112233');
  });

  it('finds fields in an open shadow root and in a same-origin frame', async () => {
    const shadow = await open('/shadow');
    expect(await fill(shadow, '246810')).toMatchObject({ status: 'filled' });
    expect(await shadow.evaluate(() => (document.getElementById('host')!.shadowRoot!.getElementById('inner') as HTMLInputElement).value)).toBe('246810');

    const framed = await open('/frame');
    await framed.frameLocator('#f').locator('#code').waitFor();
    expect(await fill(framed, '135790')).toMatchObject({ status: 'filled' });
    expect(await framed.frameLocator('#f').locator('#code').inputValue()).toBe('135790');
    const written = await open('/srcdoc');
    await written.frameLocator('#f').locator('#code').waitFor();
    expect(await fill(written, '246801')).toMatchObject({ status: 'filled' });
    expect(await written.frameLocator('#f').locator('#code').inputValue()).toBe('246801');
  });

  it('fills type=tel and type=number fields, and reads labels in other languages', async () => {
    const tel = await open('/tel');
    await fill(tel, '000111');
    expect(await tel.inputValue('#tel')).toBe('000111');
    expect(await tel.inputValue('input[name=email]')).toBe('');
    const num = await open('/number');
    await fill(num, '424242');
    expect(await num.inputValue('#num')).toBe('424242');
    const german = await open('/german');
    await fill(german, '777888');
    expect(await german.inputValue('#g')).toBe('777888');
  });

  it('never fills password, recovery-code, backup-code or hidden fields', async () => {
    const page = await open('/crowded');
    expect(await fill(page, '987654')).toMatchObject({ status: 'filled' });
    expect(await page.inputValue('#real')).toBe('987654');
    for (const id of ['#pw', '#rc', '#bk', '#hid', '#invisible']) expect(await page.inputValue(id)).toBe('');
  });

  it('fills six type=number boxes without a maxlength one digit each, not the whole code into the first', async () => {
    const page = await open('/split-number');
    expect(await fill(page, '314159')).toMatchObject({ status: 'filled', kind: 'split' });
    const values = await page.$$eval('.digit', (boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    expect(values).toEqual(['3', '1', '4', '1', '5', '9']);
  });

  it('finds a field whose only hint is a label beside it saying "code"', async () => {
    const page = await open('/nearby-label');
    expect(await fill(page, '271828')).toMatchObject({ status: 'filled', kind: 'single' });
    expect(await page.inputValue('#t')).toBe('271828');
  });

  it('fills a field labelled for either the authenticator\'s code or a backup code', async () => {
    const page = await open('/either');
    expect(await fill(page, '161803')).toMatchObject({ status: 'filled' });
    expect(await page.inputValue('#e')).toBe('161803');
  });

  const refusals: Record<string, string> = {
    '/nearby-recovery': 'a recovery field labelled by nearby text', '/nearby-zip': 'a ZIP field labelled by nearby text',
    '/wide-row': 'wide text boxes in a row', '/password-boxes': 'a row of password boxes', '/hidden-boxes': 'hidden split boxes',
  };
  for (const [path, what] of Object.entries(refusals)) {
    it(`still refuses ${what}`, async () => {
      const page = await open(path);
      expect(await fill(page, '123456')).toMatchObject({ status: 'no_field' });
      const values = await page.$$eval('input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      expect(values.every((v) => v === '')).toBe(true);
    });
  }

  it('says when there is no code field, and fills nothing', async () => {
    const page = await open('/none');
    expect(await fill(page, '123456')).toEqual({ status: 'no_field', site: '127.0.0.1' });
    const values = await page.$$eval('input', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(values.every((v) => v === '')).toBe(true);
  });
});

describe('binding to the site', () => {
  it('refuses to fill on look-alike domains and on a page titled like the issuer', async () => {
    for (const host of ['github.com.evil.example', 'githib.com', 'evil.example']) {
      const page = await open('/single', host);
      await page.evaluate(() => { document.title = 'GitHub - Two-factor authentication'; });
      expect(await fill(page, '123456', ['github.com'])).toMatchObject({ status: 'wrong_site' });
      expect(await page.inputValue('#c')).toBe('');
    }
  });

  it('fills on the account\'s own domain and its subdomains', async () => {
    // (github.com itself is HSTS-preloaded, so plain-HTTP test pages use another name.)
    const page = await open('/single', 'login.acme-bank.com');
    expect(await fill(page, '123456', ['acme-bank.com'])).toMatchObject({ status: 'filled', site: 'acme-bank.com' });
    const lookalike = await open('/single', 'acme-bank.com.evil.example');
    expect(await fill(lookalike, '123456', ['acme-bank.com'])).toMatchObject({ status: 'wrong_site', site: 'evil.example' });
  });

  it('names a frame of another site that holds the code field, and fills nothing in it', async () => {
    const page = await open('/foreign-frame', 'login.acme-bank.com');
    await page.frameLocator('#f').locator('#code').waitFor();
    expect(await fill(page, '123456', ['acme-bank.com'])).toEqual({ status: 'foreign_frame', site: 'acme-bank.com', frameSite: 'evil.test' });
    expect(await page.frameLocator('#f').locator('#code').inputValue()).toBe('');
    // Confirming the page's own site changes nothing for the frame.
    expect(await fill(page, '123456', ['acme-bank.com'], 'acme-bank.com')).toMatchObject({ status: 'foreign_frame', frameSite: 'evil.test' });
    expect(await page.frameLocator('#f').locator('#code').inputValue()).toBe('');
  });

  it('names a frame of the account\'s own site on another origin (out of reach), and leaves tracking pixels out', async () => {
    const own = await open('/own-site-frame', 'www.acme-bank.com');
    await own.frameLocator('#f').locator('#code').waitFor();
    expect(await fill(own, '123456', ['acme-bank.com'])).toEqual({ status: 'foreign_frame', site: 'acme-bank.com', frameSite: 'acme-bank.com' });
    const pixel = await open('/pixel-frame', 'login.acme-bank.com');
    await pixel.frameLocator('#f').locator('#code').waitFor({ state: 'attached' });
    expect(await fill(pixel, '123456', ['acme-bank.com'])).toEqual({ status: 'no_field', site: 'acme-bank.com' });
  });

  it('fills another domain only after the user confirmed it', async () => {
    const page = await open('/single', 'githib.com');
    expect(await fill(page, '123456', ['github.com'], 'githib.com')).toMatchObject({ status: 'filled', site: 'githib.com' });
    expect(await page.inputValue('#c')).toBe('123456');
  });

  it('holds a confirmation to the domain it named: a tab that moved to another domain meanwhile gets nothing', async () => {
    const page = await open('/single', 'github.com.evil.example');
    expect(await fill(page, '123456', ['github.com'], 'githib.com')).toMatchObject({ status: 'wrong_site', site: 'evil.example' });
    expect(await page.inputValue('#c')).toBe('');
  });
});
