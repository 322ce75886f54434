// Panels the popup's first screen does not show are loaded when first shown, so opening the popup parses only what
// the list of codes needs (the public suffix list, QR sign-in and the scan panels come later).
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export type Later<P> = ComponentType<P> & {
  /** Starts loading now, e.g. alongside other work the first render waits for anyway. */
  preload(): void;
};

/** A component whose module is loaded on its first render (or `preload`); it renders nothing until then. */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): Later<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () => (loading ??= load().then((component) => (loaded = component)));
  function Later(props: P) {
    // A function given to useState would be called as its initialiser: hand the component over inside one.
    const [component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (component) return;
      let current = true;
      // Also when the module arrived between this render and now: the render showed nothing and needs another.
      void start().then((ready) => current && setComponent(() => ready));
      return () => { current = false; };
    }, []);
    return component ? h(component, props) : null;
  }
  return Object.assign(Later, { preload: () => void start() });
}
