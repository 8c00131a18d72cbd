#!/usr/bin/env node
// `npm test`: type-check, lint, Node tests of the emulator, browser tests in headless Chromium.
// Ends with one line "N passed, N failed" summed over every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromePath } from './helpers/chromium.mjs';

const chrome = chromePath();
if (!chrome || !existsSync(chrome)) {
  console.error(
    'No Chrome or Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH to its binary.',
  );
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'samesurf-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const env = { ...process.env, CHROME_PATH: chrome };

function run(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return result.status === 0;
}

function add(title, counts, ok) {
  // A runner that failed without reporting any failure still fails the run.
  if (!ok && counts.failed === 0) counts.failed = 1;
  for (const k of Object.keys(totals)) totals[k] += counts[k] ?? 0;
  console.log(
    `--- ${title}: ${counts.passed} passed, ${counts.failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ''}`,
  );
}

// 1. Types.
const typesOk = run('type-check (tsc --noEmit)', process.execPath, [
  'node_modules/typescript/bin/tsc',
  '--noEmit',
  '-p',
  'tsconfig.json',
]);
add('type-check', { passed: typesOk ? 1 : 0, failed: typesOk ? 0 : 1 }, typesOk);

// 2. Lint: prettier, ESLint, lines of at most 120 characters in src/, lit-analyzer (scripts/lint/run.mjs installs
// its own tools with `npm ci --prefix scripts/lint` when they are missing or older than their lockfile).
const lintCounts = join(tmp, 'lint.json');
const lintOk = run('lint (prettier, ESLint, lit-analyzer)', process.execPath, ['scripts/lint/run.mjs'], {
  SAMESURF_LINT_COUNTS: lintCounts,
});
add('lint', existsSync(lintCounts) ? JSON.parse(readFileSync(lintCounts, 'utf8')) : { passed: 0, failed: 0 }, lintOk);

/** Runs node:test files, counting from a TAP copy of the report. */
function nodeTests(title, files, loader = []) {
  const tap = join(tmp, `${title.replace(/\W+/g, '-')}.tap`);
  const ok = run(title, process.execPath, [
    ...loader,
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...files,
  ]);
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  add(title, { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') }, ok);
}
const testFiles = (dir, ending) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ending))
    .map((f) => join(dir, f));

// 3. Node tests (the emulator, the client in Node, the manifest).
nodeTests('node tests', testFiles('test/node', '.test.ts'), ['--import', 'tsx']);

// 4. Browser tests.
const counts = join(tmp, 'wtr.json');
const wtrOk = run(
  'browser tests (web-test-runner, headless Chromium)',
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'],
  { SAMESURF_WTR_COUNTS: counts },
);
add('browser tests', existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : { passed: 0, failed: 0 }, wtrOk);

// 5. The build, then end-to-end tests of what it publishes.
const buildOk = run('build (npm run build)', 'npm', ['run', '--silent', 'build']);
add('build', { passed: buildOk ? 1 : 0, failed: buildOk ? 0 : 1 }, buildOk);
if (buildOk) nodeTests('end-to-end tests (playwright-core, built files)', testFiles('test/e2e', '.test.mjs'));

// 6. The README's recipes in fresh apps, from the packed tarball (test/consumer; the build above is packed).
if (buildOk) {
  env.SAMESURF_BUILT = '1';
  nodeTests('README recipes (packed tarball in consumer apps)', ['test/consumer/recipes.test.mjs']);
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
