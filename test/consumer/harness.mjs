// What the recipe checks share: the packed tarball installed into test/consumer as npm would install it, commands
// run in the consumer apps, and a site server (static files plus the `/samesurf` proxy from the packed package).
import { execFile, spawn } from 'node:child_process';
import {
  chmodSync,
  createReadStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { CONSUMER, ROOT } from '../../scripts/readme-recipes.mjs';

export { CONSUMER, ROOT };
export const MODULES = join(CONSUMER, 'node_modules');
export const PACKAGE = join(MODULES, 'samesurf-launcher');

/**
 * Runs a command to its end; resolves with its output, rejects with an Error holding the output's tail.
 * `timeoutMs` ends a command that hangs (its whole process group).
 */
export function run(cmd, args, { cwd = CONSUMER, env = {}, timeoutMs = 300_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = execFile(
      cmd,
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        const output = `${stdout}${stderr}`.trim();
        if (!err) return resolve(output);
        const tail = output.split('\n').slice(-60).join('\n');
        reject(new Error(`${[cmd, ...args].join(' ')} (in ${cwd}) failed: ${err.signal ?? err.code}\n${tail}`));
      },
    );
    child.stdin?.end();
  });
}

/** `node <consumer's tool> …`: the tools come from test/consumer/node_modules (TypeScript 5.9, not the root's 7). */
export const tool = (bin, args, options) => run(process.execPath, [join(MODULES, bin), ...args], options);

/** A free TCP port on 127.0.0.1 (closed again before it is returned). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createNetServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers (any status below 500), or fails after `timeoutMs`. */
export async function waitForHttp(url, { timeoutMs = 60_000, child } = {}) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}) before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Starts a long-running command in a process group of its own; `stop()` ends that group (and only it).
 * Its output is kept for error messages.
 */
export function start(cmd, args, { cwd, env = {} } = {}) {
  const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  return {
    child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          resolve();
        }
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 5000).unref();
      }),
  };
}

const lockMtime = () => statSync(join(CONSUMER, 'package-lock.json')).mtimeMs;
const installedMtime = () => {
  const hidden = join(MODULES, '.package-lock.json');
  return existsSync(hidden) ? statSync(hidden).mtimeMs : 0;
};

/**
 * The consumer apps' own install (`npm ci` in test/consumer), only when node_modules is missing or older than the
 * lock. Returns whether it ran.
 */
export async function installConsumer() {
  if (installedMtime() >= lockMtime()) return false;
  await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: CONSUMER, timeoutMs: 900_000 });
  return true;
}

/** `npm pack` of the repository into a temporary folder; returns the .tgz path. */
export async function pack() {
  const dir = mkdtempSync(join(tmpdir(), 'samesurf-pack-'));
  const out = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT });
  const [{ filename }] = JSON.parse(out.slice(out.indexOf('[')));
  return join(dir, filename);
}

/**
 * Installs the tarball's files as node_modules/samesurf-launcher (a real folder, never a link to the repository)
 * and its bin as npm does. Its dependencies must already be in test/consumer's lock at the versions it names.
 */
export async function installTarball(tgz) {
  rmSync(PACKAGE, { recursive: true, force: true });
  mkdirSync(PACKAGE, { recursive: true });
  await run('tar', ['-xzf', tgz, '-C', PACKAGE, '--strip-components=1']);
  const manifest = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8'));
  const wrong = [];
  for (const [name, spec] of Object.entries(manifest.dependencies ?? {})) {
    const file = join(MODULES, name, 'package.json');
    const version = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
    // The root pins exact versions; a range is only checked for presence.
    if (!version || (/^\d+\.\d+\.\d+$/.test(spec) && version !== spec))
      wrong.push(`${name}@${spec} (has ${version ?? 'none'})`);
  }
  if (wrong.length) {
    throw new Error(
      `test/consumer lacks the packed package's dependencies ${wrong.join(', ')}: ` +
        'add them to test/consumer/package.json (cd test/consumer && npm i -D -E NAME@VERSION) and commit its lock',
    );
  }
  mkdirSync(join(MODULES, '.bin'), { recursive: true });
  for (const [name, file] of Object.entries(manifest.bin ?? {})) {
    const link = join(MODULES, '.bin', name);
    rmSync(link, { force: true });
    symlinkSync(join('..', 'samesurf-launcher', file), link);
    chmodSync(join(PACKAGE, file), 0o755);
  }
  return manifest;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
  '.ico': 'image/x-icon',
};

/** Answers a GET from the files under `dir` (index.html for folders and unknown paths without an extension). */
export function serveFile(dir, pathname, res) {
  let rel;
  try {
    rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    rel = '';
  }
  if (rel.split(sep).includes('..')) rel = '';
  let file = join(dir, rel);
  if (!existsSync(file) || statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    file = existsSync(index) ? index : extname(rel) ? '' : join(dir, 'index.html');
  }
  if (!file || !existsSync(file)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

/**
 * A site: the built app in `dir`, and `/samesurf/*` answered by the packed `samesurf-launcher/server` proxy in front
 * of the emulator (the server key, as a site's server holds it). Listens on 127.0.0.1; resolves `{ url, close }`.
 */
export async function startSite(dir, apiBase) {
  const { createSameSurfHandler, toNodeListener } = await import('samesurf-launcher/server');
  const proxy = toNodeListener(
    createSameSurfHandler({ apiKey: 'server-key', apiSecret: 'server-secret', baseUrl: apiBase, rateLimit: false }),
  );
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://site.invalid');
    if (pathname.startsWith('/samesurf/')) return void proxy(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405).end();
    serveFile(dir, pathname, res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
