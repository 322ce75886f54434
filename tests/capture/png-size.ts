// Width and height from a PNG's IHDR chunk, to check what resolution a capture was taken at.
export function decodePngSize(png: Buffer): { width: number; height: number } {
  if (png.toString('latin1', 1, 4) !== 'PNG') throw new Error('Not a PNG capture.');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
