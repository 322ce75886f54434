import { useEffect } from 'preact/hooks';
import { pickImageFile } from '../../ui/files/image-input';

/** A picture pasted anywhere in the popup is scanned; pasting text into a field works as usual. */
export function useImagePaste(onImage: (file: File) => void): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const file = pickImageFile(event.clipboardData);
      if (!file) return;
      event.preventDefault();
      onImage(file);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onImage]);
}

/** Handlers for the popup's root: a file dropped anywhere on it is scanned (row reordering carries no file). */
export function createImageDropHandlers(onImage: (file: File) => void) {
  const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
  return {
    onDragOver: (event: DragEvent) => { if (hasFiles(event)) event.preventDefault(); },
    onDrop: (event: DragEvent) => {
      const file = hasFiles(event) ? pickImageFile(event.dataTransfer, true) : null;
      if (!file) return;
      event.preventDefault();
      onImage(file);
    },
  };
}
