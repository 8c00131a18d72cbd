#!/usr/bin/env node
// `npm run lint`, and the lint stage of `npm test`: prettier, ESLint (typescript-eslint, eslint-plugin-lit, lines of
// at most 120 characters in src/) and lit-analyzer (bindings in html`` templates).
//
// ESLint's TypeScript parser and lit-analyzer need TypeScript's JavaScript API, which the project's TypeScript 7
// does not have, so they live here with TypeScript 5.9 and a lockfile of their own (not a workspace: nothing is
// hoisted to the root). They are installed with `npm ci` when node_modules is missing or older than the lockfile.
//
// Each check prints its findings and one line "✓ name" or "✗ name"; with SAMESURF_LINT_COUNTS=<file> the
// counts are also written there as JSON { passed, failed } (test/run-all.mjs reads them). Exit status 1 on any
// failure.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const counts = { passed: 0, failed: 0 };
const failures = [];

function report(name, ok, detail = '') {
  counts[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(name);
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? `: ${detail}` : ''}`);
}

function timed(label, fn) {
  const start = performance.now();
  const result = fn();
  const done = () => console.log(`  (${label}: ${((performance.now() - start) / 1000).toFixed(1)} s)`);
  if (result instanceof Promise) return result.finally(done);
  done();
  return result;
}

// 1. The tools, installed from their own lockfile when missing or stale.
const lock = join(here, 'package-lock.json');
// npm writes node_modules/.package-lock.json at the end of a complete install.
const installed = join(here, 'node_modules', '.package-lock.json');
let toolsReady = existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
if (!toolsReady) {
  console.log(`Installing the lint tools (npm ci --prefix ${relative(root, here)})…`);
  const npm = timed('npm ci', () =>
    spawnSync('npm', ['ci', '--prefix', here, '--no-audit', '--no-fund'], { stdio: 'inherit', cwd: root }),
  );
  toolsReady = npm.status === 0 && existsSync(installed);
  if (!toolsReady) {
    const why = npm.error ? npm.error.message : `exit status ${npm.status}${npm.signal ? `, ${npm.signal}` : ''}`;
    console.error(
      `\n!!! The lint tools could not be installed: npm ci --prefix ${relative(root, here)} failed (${why}).` +
        '\n!!! ESLint and lit-analyzer did not run. The npm registry must be reachable on first use.\n',
    );
    report('install the lint tools (scripts/lint)', false, why);
  }
}

// 2. Formatting: prettier (a root devDependency) over the sources and the configuration files.
{
  const prettier = join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const args = [
    '--check',
    '--cache',
    '--cache-strategy',
    'content',
    'src',
    'test',
    'scripts',
    'demo',
    '*.{js,mjs,json}',
  ];
  const result = timed('prettier', () =>
    spawnSync(process.execPath, [prettier, ...args], { stdio: 'inherit', cwd: root }),
  );
  report('prettier --check', result.status === 0, result.status === 0 ? '' : 'run `npm run format`');
}

if (toolsReady) {
  // 3. ESLint, through its Node API so that the line-length rule is reported as a check of its own.
  const { ESLint } = await import('eslint');
  const overrideConfigFile = join(here, 'eslint.config.mjs');

  // First, that the configuration still bites: a file placed in src/ (not written to disk) with one mistake per
  // kind must get each finding. A broken parser, plugin or glob would otherwise pass everything silently.
  const probe = new ESLint({ cwd: root, overrideConfigFile });
  const probeSource = [
    "import { html } from 'lit';",
    'export const unused = (value: any) => html`<p a=${value} a=${value}></p>`;',
    `export const long = '${'x'.repeat(120)}';`,
    '',
  ].join('\n');
  const [probeResult] = await probe.lintText(probeSource, { filePath: join(root, 'src', '__lint_probe__.ts') });
  const expected = ['@typescript-eslint/no-explicit-any', 'lit/no-duplicate-template-bindings', 'max-len'];
  const found = new Set(probeResult?.messages.map((m) => m.ruleId));
  const missing = expected.filter((rule) => !found.has(rule));
  report(
    'ESLint configuration catches known mistakes',
    missing.length === 0,
    missing.length ? `missed ${missing}` : '',
  );

  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile,
    cache: true,
    cacheStrategy: 'content',
    cacheLocation: join(here, 'node_modules', '.cache', 'eslint'),
    errorOnUnmatchedPattern: true,
  });
  const results = await timed('ESLint', () => eslint.lintFiles(['src', 'test', 'scripts', 'demo']));
  const formatter = await eslint.loadFormatter('stylish');
  const output = await formatter.format(results);
  if (output) console.log(output);
  const messages = results.flatMap((r) => r.messages);
  const long = messages.filter((m) => m.ruleId === 'max-len').length;
  const other = messages.length - long;
  report(`ESLint (${results.length} files)`, other === 0, other ? `${other} problems` : '');
  report('lines of at most 120 characters in src/', long === 0, long ? `${long} longer lines` : '');

  // 4. lit-analyzer over src/, in one program with a probe of known mistakes (fixtures/bad-bindings.ts) whose
  // findings must all be reported. Its settings are in scripts/lint/tsconfig.json, hence the working directory.
  const cli = join(here, 'node_modules', 'lit-analyzer', 'cli.js');
  const lit = timed('lit-analyzer', () =>
    spawnSync(
      process.execPath,
      [cli, relative(here, join(root, 'src')), 'fixtures/bad-bindings.ts', '--format', 'list', '--noColor'],
      { cwd: here, encoding: 'utf8' },
    ),
  );
  const byFile = new Map();
  let file = null;
  for (const line of (lit.stdout ?? '').split('\n')) {
    if (/^\S/.test(line) && !/^Analyzing /.test(line)) file = line.trim();
    else if (file && /^\s+\d+:\d+\s/.test(line)) byFile.set(file, [...(byFile.get(file) ?? []), line.trim()]);
  }
  const probeFile = [...byFile.keys()].find((f) => f.endsWith('fixtures/bad-bindings.ts'));
  const probeFindings = (probeFile && byFile.get(probeFile)) || [];
  const wanted = [/Type '"three"' is not assignable to 'number'/, /Unknown attribute 'colour'/, /Missing import for/];
  const missed = wanted.filter((re) => !probeFindings.some((f) => re.test(f)));
  const crashed = lit.status !== 0 && lit.status !== 1;
  report(
    'lit-analyzer configuration catches known mistakes',
    !crashed && missed.length === 0,
    crashed ? `exit status ${lit.status}` : missed.length ? `missed ${missed.join(', ')}` : '',
  );
  let litProblems = 0;
  for (const [f, findings] of byFile) {
    if (f === probeFile) continue;
    litProblems += findings.length;
    console.log(f);
    for (const finding of findings) console.log(`  ${finding}`);
  }
  if (crashed || !/Analyzing \d+ files/.test(lit.stdout ?? '')) console.log(lit.stdout, lit.stderr);
  report('lit-analyzer (src)', !crashed && litProblems === 0, litProblems ? `${litProblems} problems` : '');
}

console.log(
  `\nlint: ${counts.passed} passed, ${counts.failed} failed${failures.length ? ` (${failures.join('; ')})` : ''}`,
);
if (process.env.SAMESURF_LINT_COUNTS) writeFileSync(process.env.SAMESURF_LINT_COUNTS, JSON.stringify(counts));
process.exit(counts.failed > 0 ? 1 : 0);
