/**
 * samesurf-launcher.iife.js: for CMSs and tag managers that only allow a classic
 * `<script src>`. It loads the ES module that sits beside it; nothing else.
 */
(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const src = new URL('samesurf-launcher.js', script?.src || document.baseURI).href;
  import(/* @vite-ignore */ src).catch((err: unknown) => {
    console.error(`<samesurf-launcher>: could not load ${src}`, err);
  });
})();
