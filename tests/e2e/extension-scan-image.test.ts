// "Scan from an image" in the popup (opened as a tab, where Playwright can set a file input): a QR code saved as a
// picture, chosen, dropped or pasted; a file that is not a picture gets a message saying what to use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { buildOtpauthUri } from '#shared/otp/index.ts';
import { corpusAccount } from '../support/qr-pages';
import { createVault, launchExtension, rowOf, type Extension } from './extension-helpers';

let extension: Extension;
let popup: Page;
const pictureOf = (issuer: string, account: string) => QRCode.toBuffer(buildOtpauthUri(corpusAccount(issuer.length * 31 + account.length, issuer, account)), { scale: 4 });

beforeAll(async () => {
  extension = await launchExtension();
  popup = await extension.open('popup');
  await createVault(popup);
});
afterAll(() => extension?.browser.close());

/** Drops or pastes the bytes as a file on the popup, as the browser would hand them over. */
async function handOver(how: 'drop' | 'paste', bytes: Buffer, type: string): Promise<void> {
  await popup.evaluate(({ how, base64, type }) => {
    const file = new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'code.png', { type });
    const data = new DataTransfer();
    data.items.add(file);
    if (how === 'paste') return void document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    const target = document.querySelector('.popup')!;
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, { how, base64: bytes.toString('base64'), type });
}

describe('Scan from an image', () => {
  it('reads a chosen picture, previews it with no site yet, and adds it', async () => {
    await popup.getByRole('button', { name: 'Add', exact: true }).click();
    await popup.getByLabel('Scan from an image').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: await pictureOf('Example', 'picked@example.com') });
    await popup.getByRole('heading', { name: 'Add Example: picked@example.com?' }).waitFor();
    await expect(popup.locator('.preview').textContent()).resolves.toContain('no site yet');
    await popup.getByRole('button', { name: 'Add account' }).click();
    await rowOf(popup, 'Example: picked@example.com').waitFor();
    await expect(popup.getByRole('status').textContent()).resolves.toBe('Added Example: picked@example.com.');
  });

  it('reads a picture dropped on the popup, and one pasted into it', async () => {
    await handOver('drop', await pictureOf('Dropped', 'drop@example.com'), 'image/png');
    await popup.getByRole('heading', { name: 'Add Dropped: drop@example.com?' }).waitFor();
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await handOver('paste', await pictureOf('Pasted', 'paste@example.com'), 'image/png');
    await popup.getByRole('heading', { name: 'Add Pasted: paste@example.com?' }).waitFor();
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await expect(rowOf(popup, 'Dropped: drop@example.com').count()).resolves.toBe(0);
  });

  it('says which pictures it reads when the file is not one, and adds nothing', async () => {
    await handOver('drop', Buffer.from('otpauth://totp/x?secret=JBSWY3DPEHPK3PXP'), 'text/plain');
    await popup.getByRole('heading', { name: 'No code read' }).waitFor();
    const message = (await popup.getByRole('alert').first().textContent()) ?? '';
    expect(message).toMatch(/PNG, JPEG, GIF or WebP/);
    expect(message).not.toContain('JBSWY3DPEHPK3PXP');
    // There is no page behind a picture to draw a box on.
    await expect(popup.getByRole('button', { name: 'Select an area' }).count()).resolves.toBe(0);
  });
});
