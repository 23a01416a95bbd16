/** Code-split a page: its chunk is fetched the first time it renders (esbuild splitting). */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazy<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): ComponentType<P> {
  let Loaded: ComponentType<P> | null = null;
  let failed: unknown = null;
  return function Lazy(props: P) {
    const [, rerender] = useState(0);
    useEffect(() => {
      if (Loaded) return;
      load().then(
        (m) => {
          Loaded = m.default;
          rerender((n) => n + 1);
        },
        (e: unknown) => {
          failed = e;
          rerender((n) => n + 1);
        },
      );
    }, []);
    if (failed) throw failed; // the ErrorBoundary shows it
    return Loaded ? <Loaded {...props} /> : <div class="page-loading" aria-busy="true" />;
  };
}
