// PNG and JPEG files to pixels for the command line, and clear errors for files it cannot use.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQrCodes } from '#shared/qr/index.ts';
import { readImageFile } from '#shared/qr/read-image.ts';
import { loadZxingForNode } from '#shared/qr/zxing-node.ts';
import { createImageFolder, encodeJpeg, encodePng } from '../support/qr-files';
import { frameWithQr } from '../support/qr-images';

const TEXT = 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example';
const folder = createImageFolder();
const frame = frameWithQr(800, 600, { text: TEXT, moduleSize: 4, dark: [20, 40, 90] });

beforeAll(() => loadZxingForNode());
afterAll(() => folder.remove());

describe('readImageFile', () => {
  it('reads a PNG screenshot into the exact pixels written', async () => {
    const image = await readImageFile(folder.write('shot.png', encodePng(frame)));
    expect({ width: image.width, height: image.height }).toEqual({ width: 800, height: 600 });
    expect(Buffer.from(image.data).equals(Buffer.from(frame.data))).toBe(true);
    expect((await decodeQrCodes(image)).texts).toEqual([TEXT]);
  });

  it('reads a JPEG photo whose code survives compression', async () => {
    const image = await readImageFile(folder.write('photo.jpg', encodeJpeg(frame, 70)));
    expect({ width: image.width, height: image.height }).toEqual({ width: 800, height: 600 });
    expect((await decodeQrCodes(image)).texts).toEqual([TEXT]);
  });

  it('goes by the content, not the file name', async () => {
    const image = await readImageFile(folder.write('misnamed.txt', encodePng(frame)));
    expect((await decodeQrCodes(image)).texts).toEqual([TEXT]);
  });

  it('refuses a file that is not PNG or JPEG, saying which formats it takes', async () => {
    const gif = folder.write('anim.gif', 'GIF89a\u0001\u0000\u0001\u0000');
    await expect(readImageFile(gif)).rejects.toMatchObject({ name: 'QrError', code: 'unsupported_image', message: expect.stringMatching(/not a PNG or JPEG image/) });
    await expect(readImageFile(folder.write('empty.png', ''))).rejects.toMatchObject({ code: 'unsupported_image' });
  });

  it('refuses a damaged PNG or JPEG as unreadable', async () => {
    const png = encodePng(frame);
    await expect(readImageFile(folder.write('cut.png', png.subarray(0, 200)))).rejects.toMatchObject({ code: 'unreadable_image', message: expect.stringContaining('starts like a PNG') });
    const jpg = encodeJpeg(frame);
    await expect(readImageFile(folder.write('cut.jpg', jpg.subarray(0, 40)))).rejects.toMatchObject({ code: 'unreadable_image', message: expect.stringContaining('starts like a JPEG') });
  });

  it('refuses a PNG that claims to be larger than any screen before unpacking it', async () => {
    const png = Buffer.from(encodePng(frame));
    png.writeUInt32BE(100_000, 16);
    png.writeUInt32BE(100_000, 20);
    await expect(readImageFile(folder.write('huge.png', png))).rejects.toMatchObject({ code: 'unreadable_image' });
  });

  it('says plainly when the path is missing or a folder', async () => {
    await expect(readImageFile(`${folder.dir}/nope.png`)).rejects.toMatchObject({ code: 'unreadable_image', message: expect.stringContaining('there is no such file') });
    await expect(readImageFile(folder.dir)).rejects.toMatchObject({ code: 'unreadable_image', message: expect.stringContaining('it is a folder') });
  });
});
