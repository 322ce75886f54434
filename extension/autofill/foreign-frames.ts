// A code field Tessera cannot reach: inside a frame of another origin. The page agent runs in the top frame and reads
// same-origin frames only, so such a frame is named by its address, never read, and never filled.
import { siteOf } from '../sites/sites';
import { isVisible } from './detect-fields';

// Big enough to hold a code field: leaves out tracking pixels and hidden helper frames.
const MIN_WIDTH = 40;
const MIN_HEIGHT = 20;

/** The site of the first visible frame of another origin that could hold the code field, or null. */
export function foreignFrameSite(frames: readonly HTMLIFrameElement[]): string | null {
  for (const frame of frames) {
    if (!isVisible(frame, MIN_WIDTH, MIN_HEIGHT)) continue;
    const site = siteOf(frame.src);
    if (site) return site;
  }
  return null;
}
