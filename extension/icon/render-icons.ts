// Build step (run by wxt.config.ts in Node): the icon's SVG sources rendered to the PNG sizes browsers and stores take.
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ICON_SIZES, iconFile, type IconState } from './icon-files';

const SOURCES: Record<IconState, string> = {
  unlocked: join(import.meta.dirname, 'icon.svg'),
  locked: join(import.meta.dirname, 'icon-locked.svg'),
};

export function renderIcon(state: IconState, size: number): Buffer {
  return new Resvg(readFileSync(SOURCES[state]), { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Writes every size of both states under `dir`; gives each file's path there and in the build. */
export function renderIcons(dir: string): { absoluteSrc: string; relativeDest: string }[] {
  return (Object.keys(SOURCES) as IconState[]).flatMap((state) => ICON_SIZES.map((size) => {
    const relativeDest = iconFile(state, size);
    const absoluteSrc = join(dir, relativeDest);
    mkdirSync(dirname(absoluteSrc), { recursive: true });
    writeFileSync(absoluteSrc, renderIcon(state, size));
    return { absoluteSrc, relativeDest };
  }));
}
