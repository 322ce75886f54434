// A chosen import file, read as the text every supported export is: UTF-8 (a byte-order mark is fine). A file that is
// not text (a picture, a zip, an app's own binary database) is refused with words, before anything shows or is parsed.
import { BackupError } from './errors';
import { refuseOversized } from './import';

export function decodeImportFile(bytes: Uint8Array): string {
  refuseOversized(bytes.length);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw notText();
  }
  // Text exports hold no control characters but tabs and line breaks.
  if (/[\u0000-\u0008\u000E-\u001F]/.test(text)) throw notText();
  return text;
}

function notText(): BackupError {
  return new BackupError('not_text',
    'This file is not a text export (it looks like a picture or another binary file). Choose the .json or .txt file your authenticator exported; to read a QR code, use Scan in the popup.');
}
