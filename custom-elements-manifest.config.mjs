// `npm run analyze`: custom-elements.json, from the element's JSDoc.
export default {
  globs: ['src/launcher/samesurf-launcher.ts'],
  litelement: true,
  outdir: 'dist',
};
