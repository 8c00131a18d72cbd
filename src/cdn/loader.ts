/**
 * samesurf-launcher.iife.js: for CMSs and tag managers that only allow a classic `<script>`. It loads the
 * ES module entry, `samesurf-launcher.js`, from the folder that holds the CDN files. That folder is, first found:
 *
 * 1. the `data-base` attribute of its own script tag (`<script src="…/samesurf-launcher.iife.js"
 *    data-base="https://cdn.jsdelivr.net/npm/samesurf-launcher@0.1.0/dist/cdn/">`),
 * 2. `window.SameSurfLauncherBase`, set before this script runs (for tag managers that give no script tag),
 * 3. the folder of its own `src`.
 *
 * A relative base is read against the page. Pasted inline (no `src`) with neither of the first two, it has no way
 * to know, so it fetches nothing and says so in the console, unless the element gets defined anyway (by another
 * copy or the ES module entry on the same page). Loaded twice, concatenated into another bundle or injected after
 * DOMContentLoaded, it stays harmless: one copy loads the entry, the others see it and stop.
 */

declare const __SAMESURF_VERSION__: string;

declare global {
  interface Window {
    /** Where the CDN files are (the folder of `samesurf-launcher.js`), for the classic-script loader. */
    SameSurfLauncherBase?: string;
  }
}

const TAG = 'samesurf-launcher';
const ENTRY = 'samesurf-launcher.js';
/** Set on window while a copy of the loader is loading the entry (a symbol: no name the page could collide with). */
const LOADING = Symbol.for('samesurf-launcher.loader');
const HINT =
  `set data-base on the script tag or window.SameSurfLauncherBase before it to the folder of ${ENTRY}, e.g. ` +
  `"https://cdn.jsdelivr.net/npm/samesurf-launcher@${__SAMESURF_VERSION__}/dist/cdn/", ` +
  'or use samesurf-launcher.bundle.js, which needs no other file';

type Marked = Window & { [LOADING]?: string };

(() => {
  const w = window as Marked;
  const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
  const given = script?.getAttribute('data-base') || w.SameSurfLauncherBase;
  // A folder given without its trailing slash still means that folder.
  const base = given ? given.replace(/\/*$/, '/') : script?.src;

  if (customElements.get(TAG) || w[LOADING]) return; // already there, or another copy is loading it

  if (!base) {
    // Pasted inline with no base: do not guess a URL next to the page (a 404 and an element that never appears).
    // Stay quiet if the element comes anyway (another copy, the ES module entry later on the page).
    const check = () => {
      if (!customElements.get(TAG) && !w[LOADING]) {
        console.error(`<${TAG}>: this classic-script loader cannot tell where ${ENTRY} is: ${HINT}.`);
      }
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', check, { once: true });
    else setTimeout(check);
    return;
  }

  let url: string;
  try {
    url = new URL(ENTRY, new URL(base, document.baseURI)).href;
  } catch {
    console.error(`<${TAG}>: the base ${JSON.stringify(base)} is not a URL: ${HINT}.`);
    return;
  }
  w[LOADING] = url;
  import(/* @vite-ignore */ url).catch((err: unknown) => {
    if (w[LOADING] === url) delete w[LOADING]; // another copy may try again
    console.error(`<${TAG}>: could not load ${url}: ${HINT}.`, err);
  });
})();

export {};
