// Injected on demand (never at install) into the tab being scanned: lets the user drag a box over the page.
// `select()` resolves to the box in CSS pixels, with the viewport it was drawn in, or to null on Esc.
// The overlay is removed, and two frames painted, before it resolves: the capture that follows must not show it.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { MIN_SELECTION_PX, type RegionSelection } from '../capture/region';

/** Nobody dragging for this long has walked away: give up rather than keep the page covered. */
const GIVE_UP_MS = 120_000;

interface RegionSelect { select(): Promise<RegionSelection | null> }
type Scope = typeof globalThis & { tesseraRegionSelect?: RegionSelect };

export default defineUnlistedScript(() => {
  const scope = globalThis as Scope;
  let cancelCurrent: (() => void) | undefined;
  scope.tesseraRegionSelect ??= {
    select() {
      cancelCurrent?.(); // a second request replaces the first one
      return new Promise((resolve) => {
        const overlay = createOverlay();
        const finish = (result: RegionSelection | null) => {
          cancelCurrent = undefined;
          clearTimeout(timer);
          window.removeEventListener('keydown', onKey, true);
          overlay.host.remove();
          void afterTwoFrames().then(() => resolve(result));
        };
        const onKey = (event: KeyboardEvent) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          finish(null);
        };
        const timer = setTimeout(() => finish(null), GIVE_UP_MS);
        cancelCurrent = () => finish(null);
        window.addEventListener('keydown', onKey, true);
        trackDrag(overlay, (box) => finish(toSelection(box)));
      });
    },
  };
});

interface Overlay { host: HTMLElement; layer: HTMLElement; box: HTMLElement }
interface Box { x: number; y: number; width: number; height: number }

// In a closed shadow root, so the page's styles cannot reach it and its scripts cannot read it.
function createOverlay(): Overlay {
  const host = document.createElement('tessera-region-select');
  host.style.cssText = 'all: initial; position: fixed; inset: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'closed' });
  const layer = document.createElement('div');
  layer.style.cssText = 'position: fixed; inset: 0; cursor: crosshair; background: rgba(0,0,0,0.25); user-select: none; touch-action: none;';
  const hint = document.createElement('div');
  hint.textContent = 'Drag a box around the QR code. Esc cancels.';
  hint.style.cssText = 'position: fixed; top: 12px; left: 50%; transform: translateX(-50%); padding: 6px 12px; border-radius: 6px; background: #1f2933; color: #fff; font: 14px system-ui, sans-serif; pointer-events: none;';
  const box = document.createElement('div');
  box.style.cssText = 'position: fixed; display: none; border: 2px dashed #fff; outline: 1px solid #000; background: rgba(255,255,255,0.1); pointer-events: none;';
  layer.append(hint, box);
  root.append(layer);
  document.documentElement.append(host);
  return { host, layer, box };
}

function trackDrag(overlay: Overlay, done: (box: Box) => void): void {
  let start: { x: number; y: number } | undefined;
  const boxFrom = (event: PointerEvent): Box => ({
    x: Math.min(start!.x, event.clientX),
    y: Math.min(start!.y, event.clientY),
    width: Math.abs(event.clientX - start!.x),
    height: Math.abs(event.clientY - start!.y),
  });
  overlay.layer.addEventListener('pointerdown', (event) => {
    start = { x: event.clientX, y: event.clientY };
    overlay.layer.setPointerCapture?.(event.pointerId);
  });
  overlay.layer.addEventListener('pointermove', (event) => {
    if (!start) return;
    const box = boxFrom(event);
    Object.assign(overlay.box.style, { display: 'block', left: `${box.x}px`, top: `${box.y}px`, width: `${box.width}px`, height: `${box.height}px` });
  });
  overlay.layer.addEventListener('pointerup', (event) => {
    if (!start) return;
    const box = boxFrom(event);
    start = undefined;
    // A click without a drag is not a box: keep waiting for one.
    if (box.width < MIN_SELECTION_PX || box.height < MIN_SELECTION_PX) {
      overlay.box.style.display = 'none';
      return;
    }
    done(box);
  });
}

function toSelection(box: Box): RegionSelection {
  return { ...box, viewportWidth: window.innerWidth, viewportHeight: window.innerHeight, devicePixelRatio: window.devicePixelRatio };
}

function afterTwoFrames(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}
