// `npm run analyze`: custom-elements.json, from the element's JSDoc.
/** Source paths become the published ones (src/x.ts → dist/x.js): tools open what the package ships. */
const published = (path) => path.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js');

export default {
  globs: ['src/launcher/samesurf-launcher.ts'],
  litelement: true,
  outdir: 'dist',
  // package.json already names dist/custom-elements.json; a run with another --outdir (the manifest test) must not rewrite it.
  packagejson: false,
  plugins: [
    {
      name: 'published-paths',
      packageLinkPhase({ customElementsManifest }) {
        const visit = (node) => {
          if (Array.isArray(node)) node.forEach(visit);
          else if (node && typeof node === 'object') {
            for (const [key, value] of Object.entries(node)) {
              if ((key === 'path' || key === 'module') && typeof value === 'string' && value.startsWith('src/'))
                node[key] = published(value);
              else visit(value);
            }
          }
        };
        visit(customElementsManifest.modules);
      },
    },
  ],
};
