// The site under test in the Playwright recipe (`npm run dev`): a page with the launcher from the installed
// package's CDN files, set up for the emulator as the README's emulator section says (api-base, realtime-origin).
// SITE_PORT and SITE_EMULATOR come from the test that runs the recipe (test/consumer/recipes.test.mjs).
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, normalize } from 'node:path';

const port = Number(process.env.SITE_PORT);
const emulator = process.env.SITE_EMULATOR;
const cdn = join(dirname(createRequire(import.meta.url).resolve('samesurf-launcher/package.json')), 'dist', 'cdn');
const page = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Shop</title><script type="module" src="/samesurf-launcher.js"></script></head>
  <body>
    <h1>Shop</h1>
    <samesurf-launcher api-key="demo-key" api-base="${emulator}/api/v3" realtime-origin="${emulator}">Co-browse with us</samesurf-launcher>
  </body>
</html>`;

createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://site.invalid');
  if (pathname === '/') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  const file = join(cdn, normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(cdn) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(port, '127.0.0.1', () => console.log(`site on http://127.0.0.1:${port}`));
