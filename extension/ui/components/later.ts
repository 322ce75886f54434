// Panels the popup's first screen does not show are loaded when first shown, so opening the popup parses only what
// the list of codes needs (the public suffix list, QR sign-in and the scan panels come later).
import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A component whose module is loaded on its first render; it renders nothing until then (a few milliseconds). */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  return function Later(props: P) {
    const [, setReady] = useState(loaded !== null);
    useEffect(() => {
      if (loaded) return;
      let current = true;
      loading ??= load();
      void loading.then((component) => { loaded = component; if (current) setReady(true); });
      return () => { current = false; };
    }, []);
    return loaded ? h(loaded, props) : null;
  };
}
