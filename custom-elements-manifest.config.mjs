// `npm run analyze`: custom-elements.json, from the element's JSDoc.
export default {
  globs: ['src/launcher/samesurf-launcher.ts'],
  litelement: true,
  outdir: 'dist',
  // package.json already names dist/custom-elements.json; a run with another --outdir (the manifest test) must not rewrite it.
  packagejson: false,
};
