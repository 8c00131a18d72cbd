#!/usr/bin/env node
// The README's recipes, as files: every fenced block marked `<!-- recipe: APP/PATH -->` (on the line before its
// fence) is written to APP/PATH of a consumer app (test/consumer/APP, copied to test/consumer/.work/APP), where
// test/consumer/recipes.test.mjs type-checks, builds, runs and clicks it against the packed tarball.
//
// In the sections that hold recipes (frameworks, the server, the emulator) every block needs a marker, so that no
// snippet slips in unchecked: `<!-- recipe: APP/PATH -->`, or, for shell commands only,
// `<!-- recipe-skip: why -->`. A block there without one, a marker with no block after it, a path that leaves its
// app, or two blocks for one file fail.
//
//   node scripts/readme-recipes.mjs          lists the recipes (exit 1 with the problems, if any)
//   node scripts/readme-recipes.mjs --write  also copies every app to test/consumer/.work and writes the recipes in
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CONSUMER = join(ROOT, 'test', 'consumer');
export const WORK = join(CONSUMER, '.work');

/** `## ` headings whose code blocks must all be marked. */
export const CHECKED_SECTIONS = [
  /^## Using it from frameworks\b/,
  /^## Keeping the key off the page\b/,
  /^## The emulator\b/,
];

/** Fence languages that may be skipped (with a reason): commands, not code a user pastes into a file. */
const SKIPPABLE = new Set(['sh', 'shell', 'bash', 'console', 'text']);

const MARKER = /^<!--\s*recipe(-skip)?:\s*(.*?)\s*-->$/;
const FENCE = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)/;

/**
 * Reads the README's fenced blocks. Returns `{ recipes: [{ path, app, file, lang, code, line }], problems: [...] }`;
 * `line` is the fence's line number (1-based).
 */
export function extractRecipes(text) {
  const lines = text.split('\n');
  const recipes = [];
  const problems = [];
  let section = '';
  let pending; // the last marker, waiting for its fence: { kind, value, line }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^## /.test(line)) section = line;
    const marker = MARKER.exec(line.trim());
    if (marker) {
      if (pending) problems.push(`line ${pending.line}: a recipe marker with no code block after it`);
      pending = { kind: marker[1] ? 'skip' : 'recipe', value: marker[2], line: i + 1 };
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) {
      if (pending && line.trim() !== '') {
        problems.push(`line ${pending.line}: a recipe marker must stand right before its code block`);
        pending = undefined;
      }
      continue;
    }
    // A fenced block: find its end (the same fence characters, at least as many).
    const [, indent, ticks, lang] = fence;
    const start = i;
    const body = [];
    for (i++; i < lines.length; i++) {
      const close = lines[i].trim();
      if (close.startsWith(ticks[0].repeat(ticks.length)) && /^[`~]+$/.test(close)) break;
      body.push(indent && lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i]);
    }
    const where = `line ${start + 1}`;
    const checked = CHECKED_SECTIONS.some((re) => re.test(section));
    const mark = pending;
    pending = undefined;
    if (!mark) {
      if (checked) {
        problems.push(
          `${where} (${section.slice(3)}): a \`${lang || 'plain'}\` block without a recipe marker: put ` +
            '`<!-- recipe: APP/PATH -->` on the line before it (see scripts/readme-recipes.mjs)',
        );
      }
      continue;
    }
    if (mark.kind === 'skip') {
      if (!SKIPPABLE.has(lang)) problems.push(`${where}: only shell blocks may be skipped, not \`${lang || 'plain'}\``);
      else if (!mark.value) problems.push(`${where}: recipe-skip needs a reason`);
      continue;
    }
    const path = normalize(mark.value).split(sep).join('/');
    const [app, ...rest] = path.split('/');
    if (!app || rest.length === 0 || path.startsWith('..') || path.includes('/../') || /^[/\\]/.test(mark.value)) {
      problems.push(`${where}: recipe path ${JSON.stringify(mark.value)} must be APP/FILE inside one app`);
      continue;
    }
    if (!existsSync(join(CONSUMER, app))) {
      problems.push(`${where}: recipe path ${JSON.stringify(mark.value)}: there is no app test/consumer/${app}`);
      continue;
    }
    if (recipes.some((r) => r.path === path)) {
      problems.push(`${where}: a second block for ${path}`);
      continue;
    }
    recipes.push({ path, app, file: rest.join('/'), lang, code: body.join('\n') + '\n', line: start + 1 });
  }
  if (pending) problems.push(`line ${pending.line}: a recipe marker with no code block after it`);
  return { recipes, problems };
}

/** What is never copied from a committed app, nor removed from its work copy: installs, builds and caches. */
const SKIP_COPY = new Set(['node_modules', '.next', '.cache', 'dist', 'test-results', 'playwright-report']);

/**
 * Copies each app that has recipes (or every app in `apps`) to test/consumer/.work/APP and writes the recipes into
 * the copies. Build caches in the copies (`.next`) are kept between runs. Returns the recipes written.
 */
export function writeRecipes({ readme = join(ROOT, 'README.md'), apps } = {}) {
  const { recipes, problems } = extractRecipes(readFileSync(readme, 'utf8'));
  if (problems.length) throw new Error(`README recipes:\n  ${problems.join('\n  ')}`);
  const wanted = new Set(
    apps ??
      readdirSync(CONSUMER, { withFileTypes: true })
        .filter(isApp)
        .map((d) => d.name),
  );
  for (const app of wanted) {
    const target = join(WORK, app);
    mkdirSync(target, { recursive: true });
    for (const entry of readdirSync(target))
      if (!SKIP_COPY.has(entry)) rmSync(join(target, entry), { recursive: true });
    cpSync(join(CONSUMER, app), target, {
      recursive: true,
      filter: (src) => !SKIP_COPY.has(src.split(sep).at(-1)),
    });
  }
  for (const r of recipes) {
    if (!wanted.has(r.app)) continue;
    const file = join(WORK, r.app, r.file);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, r.code);
  }
  return recipes.filter((r) => wanted.has(r.app));
}

/** An app folder: a directory of test/consumer other than installs and the work copies. */
const isApp = (d) => d.isDirectory() && !d.name.startsWith('.') && d.name !== 'node_modules';

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { recipes, problems } = extractRecipes(readFileSync(join(ROOT, 'README.md'), 'utf8'));
  for (const r of recipes) console.log(`README.md:${r.line}\t${r.path}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  if (process.argv.includes('--write')) {
    writeRecipes();
    console.log(`\nwritten to ${WORK}`);
  }
}
