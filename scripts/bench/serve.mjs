// `npm run bench`: the pages and files it measures, from one 127.0.0.1 server, gzip-compressed (level 9, as
// `npm run size` counts) like a CDN would send them, so that Resource Timing's encodedBodySize is the gzip size.
//   /cdn/…   dist/cdn's scripts (the built CDN files and chunks), read at the start
//   /ref/…   the reference elements, bundled and minified here in memory with rollup.config.mjs browserPlugins()
//   /p/…     the bench pages, made by pageHtml()
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { browserPlugins } from '../../rollup.config.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CDN = join(ROOT, 'dist/cdn');
const HERE = fileURLToPath(new URL('./', import.meta.url));

/** The two reference elements: bare-lit.js and floor.js, built as the CDN entry is. */
export async function buildReferences() {
  const out = new Map();
  for (const name of ['bare-lit', 'floor']) {
    const bundle = await rollup({ input: join(HERE, `${name}.js`), plugins: browserPlugins() });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    if (output.length !== 1) throw new Error(`${name}.js should build to one file, not ${output.length}`);
    out.set(`/ref/${name}.js`, output[0].code);
  }
  return out;
}

/** What each variant puts in <head>, and the element it measures. */
export const VARIANTS = {
  ours: { head: '<script type="module" src="/cdn/samesurf-launcher.js"></script>', tag: 'samesurf-launcher' },
  'ours-iife': {
    head: '<script src="/cdn/samesurf-launcher.iife.js" data-base="/cdn/"></script>',
    tag: 'samesurf-launcher',
  },
  'ours-bundle': { head: '<script src="/cdn/samesurf-launcher.bundle.js"></script>', tag: 'samesurf-launcher' },
  lit: { head: '<script type="module" src="/ref/bare-lit.js"></script>', tag: 'bare-lit-button' },
  floor: { head: '<script type="module" src="/ref/floor.js"></script>', tag: 'floor-launcher' },
};

/** The attributes of a launcher against an emulator (the same for ours and the floor; the bare Lit ignores them). */
export const launcherAttributes = (emulatorUrl) => ({
  'api-key': 'demo-key',
  'api-base': `${emulatorUrl}/api/v3`,
  'realtime-origin': emulatorUrl,
  'start-url': 'https://example.com/bench/{i}',
});

const escapeAttr = (v) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * A bench page: `variant`'s script in the head and, unless `many`, one launcher marked data-bench, at the top of the
 * page or (`below`) under three screens of content, never scrolled into view. `many`: an empty #host to append to.
 */
export function pageHtml({ variant, emulatorUrl, below = false, many = false }) {
  const v = VARIANTS[variant];
  if (!v) throw new Error(`unknown variant ${variant}`);
  const attrs = Object.entries(launcherAttributes(emulatorUrl))
    .map(([k, val]) => ` ${k}="${escapeAttr(val.replace('{i}', '0'))}"`)
    .join('');
  const launcher = `<${v.tag} data-bench${attrs}>Co-browse</${v.tag}>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bench: ${variant}</title>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem; } .spacer { height: 300vh; }</style>
${v.head}
</head>
<body>
<h1>A page</h1>
<p>Some text before the launcher.</p>
${many ? '<div id="host"></div>' : below ? `<div class="spacer"></div>\n${launcher}` : launcher}
</body>
</html>
`;
}

/** Every .js file of dist/cdn, read once at the start: a build running meanwhile cannot mix two builds in one run. */
function readCdn() {
  const files = new Map();
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) files.set(`/cdn/${relative(CDN, path).split('\\').join('/')}`, readFileSync(path));
    }
  };
  walk(CDN);
  return files;
}

/**
 * Starts the server. `pages(pathname)` answers /p/… with HTML (or undefined: 404); `refs` is buildReferences().
 * Every answer is gzip, compressed once.
 */
export async function startBenchServer({ pages, refs }) {
  const cdn = readCdn();
  const cache = new Map();
  const gz = (key, make) => {
    if (!cache.has(key)) cache.set(key, gzipSync(make(), { level: 9 }));
    return cache.get(key);
  };
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://bench');
    let body;
    let type = 'text/javascript; charset=utf-8';
    if (cdn.has(pathname)) {
      body = gz(pathname, () => cdn.get(pathname));
    } else if (refs.has(pathname)) {
      body = gz(pathname, () => refs.get(pathname));
    } else if (pathname.startsWith('/p/')) {
      const html = pages(pathname);
      if (html !== undefined) body = gz(pathname, () => html);
      type = 'text/html; charset=utf-8';
    } else if (pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!body) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`Not found: ${pathname}`);
      return;
    }
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Encoding': 'gzip',
      'Content-Length': body.length,
      // As a CDN serves a pinned version. Every run has a fresh browser context, so nothing is cached across runs.
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Gzip bytes of the reference builds, for the report. */
export const gzipSize = (code) => gzipSync(code, { level: 9 }).length;
