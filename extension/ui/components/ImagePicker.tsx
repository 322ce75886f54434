/** "Scan from an image": a file picker for a QR code saved as a picture (drop and paste work on the whole popup). */
export function ImagePicker({ onImage }: { onImage(file: File): void }) {
  return (
    <label class="button image-picker">
      Scan from an image
      <input type="file" accept="image/*" class="visually-hidden" onChange={(event) => {
        const input = event.currentTarget;
        const file = input.files?.[0];
        input.value = ''; // the same file chosen again still scans
        if (file) onImage(file);
      }} />
    </label>
  );
}
