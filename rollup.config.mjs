// Builds. For now: the client as a browser ES module with jsrsasign split into a
// chunk of its own that loads on the first signature. The element and CDN builds join later.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

/** Shared by every browser build (and by the bundle test, which builds in memory). */
export const browserPlugins = () => [
  nodeResolve({ browser: true }),
  commonjs(),
  esbuild({ target: 'es2022', tsconfig: './tsconfig.json' }),
  terser({ format: { comments: false } }),
];

export const clientBuild = {
  input: { client: 'src/api/index.ts' },
  plugins: browserPlugins(),
  output: {
    dir: 'dist/browser',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name]-[hash].js',
    sourcemap: true,
  },
};

export default [clientBuild];
