// `npm run build`:
//  dist/          the npm build: one ES module per source module, lit and jsrsasign left as dependencies
//  dist/cdn/      self-contained files for a script tag: Lit bundled and minified; the launch code and
//                 jsrsasign in chunks of their own, loaded by import() in idle time or on first intent;
//                 samesurf-launcher.iife.js, a classic-script loader of that entry; samesurf-launcher.bundle.js,
//                 everything in one classic script
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import esbuild from 'rollup-plugin-esbuild';

const tsconfig = './tsconfig.json';
/** How the agent's CDN files name the launcher's entry beside them (see agentCdnBuild). */
const LAUNCHER_CDN = '\0samesurf-launcher-cdn-entry';
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/**
 * Shared by every minified browser build (and by the bundle tests, which build in memory). `module: false` for a
 * classic script: terser then keeps its "use strict" (module code is strict by itself; a classic script is not).
 */
export const browserPlugins = ({ module = true } = {}) => [
  nodeResolve({ browser: true }),
  commonjs(),
  esbuild({ target: 'es2022', tsconfig }),
  // Whitespace inside html`` and css`` templates, which terser leaves alone.
  minifyHTML(),
  terser({ ecma: 2022, module, format: { comments: false }, compress: { passes: 2 } }),
];

/** The client alone, as a page would bundle it (see test/node/client-bundle.test.ts). */
export const clientBuild = {
  input: { client: 'src/api/index.ts' },
  plugins: browserPlugins(),
};

/** The element for a script tag. */
export const cdnBuild = {
  input: { 'samesurf-launcher': 'src/define.ts' },
  // The entry is one file (no facade over a shared chunk): its exports are not part of the CDN contract.
  preserveEntrySignatures: false,
  plugins: browserPlugins(),
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
};

/**
 * The agent's elements for a script tag: a build of their own, so that a launcher-only page's files stay exactly as
 * they are. What the agent's files share (Lit, the client, strings, the theme) goes into chunks of their own; the
 * launcher their rows join rooms with is the launcher's own CDN entry beside them, imported, never copied.
 */
export const agentCdnBuild = {
  input: {
    'samesurf-rooms': 'src/agent/rooms.ts',
    'samesurf-room-report': 'src/agent/room-report.ts',
    'samesurf-analytics': 'src/agent/analytics.ts',
    'samesurf-scheduler': 'src/agent/scheduler.ts',
  },
  preserveEntrySignatures: false,
  plugins: [
    {
      name: 'launcher-entry-beside',
      resolveId(source, importer) {
        if (source === '../define.js' && importer?.includes('/src/agent/')) return { id: LAUNCHER_CDN, external: true };
        return null;
      },
    },
    ...browserPlugins(),
  ],
  output: {
    dir: 'dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/agent-[name]-[hash].js',
    paths: { [LAUNCHER_CDN]: './samesurf-launcher.js' },
    sourcemap: true,
  },
};

/** The classic-script loader: finds the CDN folder (data-base, window.SameSurfLauncherBase, its src), imports the entry. */
const loaderBuild = {
  input: 'src/cdn/loader.ts',
  plugins: [
    esbuild({ target: 'es2022', tsconfig, define: { __SAMESURF_VERSION__: JSON.stringify(version) } }),
    terser({ format: { comments: false } }),
  ],
  output: { file: 'dist/cdn/samesurf-launcher.iife.js', format: 'iife', sourcemap: true },
};

/** Everything in one classic script, no chunks, no further request: for places that take exactly one file. */
export const bundleBuild = {
  input: 'src/cdn/bundle.ts',
  plugins: [
    ...browserPlugins({ module: false }),
    {
      // It may be pasted inside <script>…</script>: either of these would end or derail that element.
      name: 'safe-inline',
      renderChunk(code) {
        if (/<\/script|<!--/i.test(code)) this.error('samesurf-launcher.bundle.js contains "</script" or "<!--"');
        return null;
      },
    },
  ],
  output: {
    file: 'dist/cdn/samesurf-launcher.bundle.js',
    format: 'iife',
    inlineDynamicImports: true,
    sourcemap: true,
  },
};

/** Copies what the emulator serves from disk beside its built module. */
const emulatorAssets = {
  name: 'emulator-assets',
  writeBundle() {
    mkdirSync('dist/emulator/assets', { recursive: true });
    copyFileSync('src/emulator/assets/recording.webm', 'dist/emulator/assets/recording.webm');
  },
};

const npmBuild = {
  input: {
    index: 'src/index.ts',
    define: 'src/define.ts',
    'api/index': 'src/api/index.ts',
    'emulator/index': 'src/emulator/index.ts',
    'emulator/cli': 'src/emulator/cli.ts',
    'server/index': 'src/server/index.ts',
    'server/redis': 'src/server/redis.ts',
    react: 'src/react.ts',
    'agent/rooms': 'src/agent/rooms.ts',
    'agent/room-report': 'src/agent/room-report.ts',
    'agent/analytics': 'src/agent/analytics.ts',
    'agent/scheduler': 'src/agent/scheduler.ts',
  },
  external: (id) => /^(lit|jsrsasign|@lit|node:|ioredis)/.test(id) || /^react(-dom)?(\/|$)/.test(id),
  plugins: [esbuild({ target: 'es2022', tsconfig }), emulatorAssets],
  output: {
    dir: 'dist',
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: 'src',
    entryFileNames: '[name].js',
    sourcemap: true,
    // react.js: a client component, for React Server Components frameworks (Next.js) to import as it is.
    banner: (chunk) =>
      ({ 'emulator/cli.js': '#!/usr/bin/env node', 'react.js': "'use client';" })[chunk.fileName] ?? '',
  },
};

export default [npmBuild, cdnBuild, agentCdnBuild, loaderBuild, bundleBuild];
