// A capture is credited to the page the tab showed: a tab that moved to another origin while it was being captured
// gives no findings at all (its QR could otherwise pass for the first site's, which is what a sign-in QR is bound to).
import { describe, expect, it } from 'vitest';
import { captureTab, type ScanDeps } from '../../extension/capture/scan-tab';
import { CaptureError } from '../../extension/capture/errors';
import { memoryArea } from '../../extension/storage/area';

function depsWith(urls: string[]): ScanDeps & { captures: number } {
  const deps = {
    captures: 0,
    async getTab() {
      return { url: urls.shift(), active: true, windowId: 1 };
    },
    async captureVisibleTab() {
      deps.captures++;
      return 'data:image/png;base64,';
    },
    progress: memoryArea(),
    prepareDecoder: async () => undefined,
  };
  return deps as ScanDeps & { captures: number };
}

describe('captureTab', () => {
  it('refuses a capture when the tab moved to another origin meanwhile, and says to scan again', async () => {
    const deps = depsWith(['https://bank.example/login', 'https://evil.example/relay']);
    const error = await captureTab({ tabId: 3, windowId: 1 }, deps).catch((e: unknown) => e);
    expect(deps.captures).toBe(1);
    expect(error).toBeInstanceOf(CaptureError);
    expect(error).toMatchObject({ code: 'tab_not_visible', message: 'The page changed while it was being scanned: wait until it has loaded, then scan again.' });
  });

  it('goes on to read the capture when only the path changed on the same origin', async () => {
    const deps = depsWith(['https://bank.example/login', 'https://bank.example/login#step-2']);
    const error = await captureTab({ tabId: 3, windowId: 1 }, deps).catch((e: unknown) => e);
    // Past the check, on to reading the picture: an empty capture (Node has no image decoder anyway) is unreadable.
    expect(error).toMatchObject({ code: 'unreadable_image' });
  });
});
