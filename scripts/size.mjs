// `npm run size`: raw, gzip and brotli bytes of every shipped CDN file, and the budgets.
// Exits 1 when a budget is exceeded. Reads dist/ (npm run size builds it first).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const CDN = 'dist/cdn';
const ENTRY = 'samesurf-launcher.js';
const IIFE = 'samesurf-launcher.iife.js';
const BUNDLE = 'samesurf-launcher.bundle.js';
/** The agent's elements: each file, with the shared chunks it imports (the launcher's entry it joins with apart). */
const AGENT = {
  'samesurf-rooms.js': 28000,
  'samesurf-room-report.js': 28000,
  // With the room report it opens.
  'samesurf-analytics.js': 32000,
  'samesurf-scheduler.js': 28000,
};
/**
 * Bytes gzip. The IIFE is a loader: a classic-script page downloads it and the entry before the element works.
 * The bundle is everything in one classic script (Lit, the launch code, jsrsasign), used instead of all the others.
 */
const BUDGETS = { [ENTRY]: 9000, [IIFE]: 10500, [BUNDLE]: 45000, seen: 50000 };

function sizes(file) {
  const data = readFileSync(file);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** `file` and every file it imports statically, transitively, but the launcher's entry (a page may have it anyway). */
function closure(dir, file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  const base = file.includes('/') ? file.slice(0, file.lastIndexOf('/') + 1) : '';
  for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+)["']/g)) {
    const dep = join(base, m[1]).replace(/\\/g, '/');
    if (dep !== ENTRY) closure(dir, dep, seen);
  }
  return [...seen];
}

export function measure(dir = CDN) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.js')) files.push(path);
    }
  };
  walk(dir);
  const rows = files.map((path) => ({ file: path.slice(dir.length + 1), ...sizes(path) }));
  const row = (file) => {
    const found = rows.find((r) => r.file === file);
    if (!found) throw new Error(`${dir}/${file} is missing: run \`npm run build\` first.`);
    return found;
  };
  const [entry, iife, bundle] = [row(ENTRY), row(IIFE), row(BUNDLE)];
  const chunk = (prefix) => rows.find((r) => r.file.startsWith(`chunks/${prefix}-`)) ?? row(`chunks/${prefix}-*.js`);
  // Everything a visible launcher that signs its own tokens (api-key) has fetched once the page is idle.
  const seen = entry.gzip + chunk('launch').gzip + chunk('jsrsasign-jwths').gzip;
  const agent = Object.entries(AGENT).map(([file, budget]) => {
    const total = closure(dir, file).reduce((sum, f) => sum + row(f).gzip, 0);
    return { what: `${file} with the agent chunks it imports`, gzip: total, budget };
  });
  const checks = [
    { what: `${ENTRY} (first render)`, gzip: entry.gzip, budget: BUDGETS[ENTRY] },
    { what: `${IIFE} + ${ENTRY} (classic script, first render)`, gzip: iife.gzip + entry.gzip, budget: BUDGETS[IIFE] },
    { what: `${BUNDLE} (single file, everything)`, gzip: bundle.gzip, budget: BUDGETS[BUNDLE] },
    { what: 'a visible api-key launcher after idle (entry, launch code, signer)', gzip: seen, budget: BUDGETS.seen },
    ...agent,
  ];
  return { rows, checks };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { rows, checks } = measure();
  const pad = (v, n) => String(v).padStart(n);
  console.log(`${'file'.padEnd(34)}${pad('raw', 9)}${pad('gzip', 9)}${pad('brotli', 9)}  loaded`);
  for (const r of rows) {
    const when =
      r.file === BUNDLE
        ? 'instead of all the others: everything at once'
        : r.file.includes('jsrsasign')
          ? 'once seen or on intent, with the launch code; when the page signs'
          : r.file.startsWith('chunks/agent-')
            ? "with the agent's elements that share it"
            : r.file.startsWith('chunks/')
              ? 'once seen or on intent'
              : r.file.startsWith('samesurf-launcher')
                ? 'at once'
                : "an agent's element (not on a launcher-only page)";
    console.log(`${r.file.padEnd(34)}${pad(r.raw, 9)}${pad(r.gzip, 9)}${pad(r.brotli, 9)}  ${when}`);
  }
  console.log('');
  let over = false;
  for (const c of checks) {
    const ok = c.gzip <= c.budget;
    over ||= !ok;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${c.what}: ${c.gzip} B gzip (budget ${c.budget} B, ${Math.round((c.gzip / c.budget) * 100)}%)`,
    );
  }
  process.exit(over ? 1 : 0);
}
