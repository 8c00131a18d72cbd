/**
 * What a click needs past the button, fetched once for every launcher on the page: the launch chunk and, for a page
 * that signs its own tokens, the signer.
 */
export type LaunchModule = typeof import('./launch.js');

let pending: Promise<LaunchModule> | undefined;
/** The launch code once it has arrived. */
export let launchCode: LaunchModule | undefined;

/**
 * Everything past the button (configuration, API calls, the dialog, most strings) is a chunk of its own, fetched once
 * a launcher is seen or on the first pointer or focus intent.
 */
export const loadLaunch = () =>
  (pending ??= import('./launch.js').then(
    (mod) => (launchCode = mod),
    (err: unknown) => {
      pending = undefined; // fetch again on the next try
      throw err;
    },
  ));

// Once for the page: a thousand launchers seen at once would otherwise each start their own import().
let signer: Promise<unknown> | undefined;
/**
 * jsrsasign's JWT subset, the module src/api/jwt.ts signs with: fetched beside the launch code (not after it) when
 * the page signs its own tokens, so that both arrive together; jwt.ts's own import() then finds it loaded.
 */
export const loadSigner = () =>
  (signer ??= import('../api/vendor/jsrsasign-jwths.js').catch(() => (signer = undefined)));

/** Save-Data or a 2G connection: nothing big is fetched before the visitor shows intent. */
export const frugal = () => {
  const c = (navigator as { connection?: { saveData?: boolean; effectiveType?: string } }).connection;
  return !!c?.saveData || /2g/.test(String(c?.effectiveType));
};
