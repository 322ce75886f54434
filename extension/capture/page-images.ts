// The pictures a page shows that may be QR codes (<img>, <canvas>, inline <svg>), read from the page itself: taking a
// picture of the whole tab costs a quarter to half a second on a large screen, reading a page's picture milliseconds.
// Only what the user can see counts, as with a capture: in the viewport, displayed, not transparent.

export interface PageImages {
  /** The origin of the page the pictures came from: they are credited to it only if the tab still shows it. */
  origin: string;
  /** PNG data URLs, in reading order (top to bottom, then left to right). */
  images: string[];
}

/**
 * Runs in the page through scripting.executeScript, so it is self-contained: no imports, nothing from outside.
 * Pictures of another origin that the page may not read (a tainted canvas) are left to the capture.
 */
export async function collectPageImages(): Promise<PageImages> {
  // A code drawn small on a high-DPI screen can be 30 CSS pixels wide and still hold its modules.
  const MIN_SIDE_CSS_PX = 20;
  const MAX_PICTURES = 8;
  // Big enough for the decoder's modules, small enough to stay quick on a large photo.
  const MIN_SIDE_PX = 400;
  const MAX_SIDE_PX = 1200;

  const isCandidate = (element: Element, rect: DOMRect): boolean => {
    if (rect.width < MIN_SIDE_CSS_PX || rect.height < MIN_SIDE_CSS_PX) return false;
    const ratio = rect.width / rect.height;
    if (ratio < 0.75 || ratio > 1.33) return false; // a QR code is square, give or take a caption
    if (rect.bottom <= 0 || rect.right <= 0 || rect.top >= innerHeight || rect.left >= innerWidth) return false;
    const visible = (element as Element & { checkVisibility?(options: object): boolean }).checkVisibility;
    return !visible || visible.call(element, { opacityProperty: true, visibilityProperty: true });
  };

  const drawOnWhite = (source: CanvasImageSource, width: number, height: number): string | null => {
    if (width <= 0 || height <= 0) return null;
    const longest = Math.max(width, height);
    const scale = Math.min(Math.max(1, MIN_SIDE_PX / longest), MAX_SIDE_PX / longest);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) return null;
    // Transparent pixels would read as black; a code drawn small is scaled up with crisp module edges.
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.imageSmoothingEnabled = scale < 1;
    context.drawImage(source, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png'); // throws on a picture the page may not read
  };

  const svgPicture = async (svg: SVGSVGElement, rect: DOMRect): Promise<string | null> => {
    const copy = svg.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('width', String(rect.width));
    copy.setAttribute('height', String(rect.height));
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
    await image.decode();
    return drawOnWhite(image, rect.width, rect.height);
  };

  const picture = async (element: Element, rect: DOMRect): Promise<string | null> => {
    if (element instanceof HTMLImageElement) {
      if (!element.complete || element.naturalWidth === 0) return null;
      return drawOnWhite(element, element.naturalWidth, element.naturalHeight);
    }
    if (element instanceof HTMLCanvasElement) return drawOnWhite(element, element.width, element.height);
    if (element instanceof SVGSVGElement) return svgPicture(element, rect);
    return null;
  };

  const candidates: { element: Element; rect: DOMRect }[] = [];
  for (const element of document.querySelectorAll('img, canvas, svg')) {
    if (element instanceof SVGSVGElement && element.ownerSVGElement) continue; // a drawing inside another
    const rect = element.getBoundingClientRect();
    if (isCandidate(element, rect)) candidates.push({ element, rect });
  }
  // The largest few (not the icons and avatars of a page's header), then in reading order.
  const chosen = candidates.sort((a, b) => b.rect.width * b.rect.height - a.rect.width * a.rect.height).slice(0, MAX_PICTURES);
  chosen.sort((a, b) => a.rect.top - b.rect.top || a.rect.left - b.rect.left);

  const images: string[] = [];
  for (const { element, rect } of chosen) {
    try {
      const url = await picture(element, rect);
      if (url) images.push(url);
    } catch {
      // Not readable from the page (another origin's picture, a page policy): the capture still sees it.
    }
  }
  return { origin: location.origin, images };
}
