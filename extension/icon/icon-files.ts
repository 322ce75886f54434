// Where the toolbar and store icons are in the build, rendered from icon.svg and icon-locked.svg (render-icons.ts).
export const ICON_SIZES = [16, 32, 48, 128] as const;

export type IconState = 'unlocked' | 'locked';

/** The build's path of one icon, e.g. icon/16.png, icon/locked-16.png. */
export function iconFile(state: IconState, size: number): string {
  return state === 'locked' ? `icon/locked-${size}.png` : `icon/${size}.png`;
}

/** Every size of one state, as the manifest and action.setIcon take them ({ 16: 'icon/16.png', ... }). */
export function iconSet(state: IconState, prefix = ''): Record<number, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [size, prefix + iconFile(state, size)]));
}
