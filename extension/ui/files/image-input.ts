// Finding the picture in a drop or a paste: the first file that says it is an image (or any file, for a drop,
// so a picture with a wrong type still gets the decoder's clear message).
export function pickImageFile(transfer: DataTransfer | null, anyFile = false): File | null {
  if (!transfer) return null;
  const files = Array.from(transfer.files ?? []);
  const image = files.find((file) => file.type.startsWith('image/'));
  if (image) return image;
  for (const item of Array.from(transfer.items ?? [])) {
    if (item.kind === 'file' && item.type.startsWith('image/')) return item.getAsFile();
  }
  return anyFile ? files[0] ?? null : null;
}
