/**
 * samesurf-launcher.bundle.js: the whole element in one classic script (Lit, the launch code and jsrsasign
 * inlined), for places that take exactly one file: pasted inline into a page, concatenated into a site's own
 * bundle, or a single upload. It defines <samesurf-launcher> with no further request. Safe beside the other
 * files: whichever copy defines the element first wins, the others leave it in place.
 */
import '../define.js';
