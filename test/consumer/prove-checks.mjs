#!/usr/bin/env node
// Proof that each recipe check bites: for every mutation below, a copy of the README with one recipe broken the way a
// user's copy could be broken is given to recipes.test.mjs (SAMESURF_README), only the check of that recipe runs,
// and it must fail. Not part of `npm test` (each run packs and installs again); run it after changing a check:
//
//   npm run build && node test/consumer/prove-checks.mjs [name…]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/readme-recipes.mjs';

/** [name, test-name pattern, text in the README, its broken form]: the text must occur exactly once. */
const MUTATIONS = [
  [
    'react: event not narrowed by mode',
    '^React',
    "setRoom(e.detail.mode === 'room' ? e.detail.room : '')}\n        onSamesurfError",
    'setRoom(e.detail.room)}\n        onSamesurfError',
  ],
  [
    'react: proxy path misspelt (runtime)',
    '^React',
    'apiBase="/samesurf"\n        startUrl={location.href}',
    'apiBase="/samesurff"\n        startUrl={location.href}',
  ],
  ['react tag: misspelt event', '^React', 'onsamesurf-created={(e) => setRoom', 'onsamesurf-creatd={(e) => setRoom'],
  ['react tag: no jsx types', '^React', "import type {} from 'samesurf-launcher/jsx';\n", ''],
  ["next: no 'use client'", '^Next', "'use client';\nimport { useEffect", 'import { useEffect'],
  [
    'next: route handler answers GET only (runtime)',
    '^Next',
    'export function POST(request: Request)',
    'export function GET(request: Request)',
  ],
  ['vue: misspelt attribute', '^Vue', ':start-url="startUrl"', ':start-urll="startUrl"'],
  [
    'vue: handler of the wrong type',
    '^Vue',
    "function onCreated(e: CustomEvent<SameSurfCreatedDetail>) {\n  if (e.detail.mode === 'room') room.value = e.detail.room;",
    'function onCreated(e: CustomEvent<string>) {\n  room.value = e.detail;',
  ],
  [
    'vue: no isCustomElement (runtime warning)',
    '^Vue',
    "plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('samesurf-') } } })],",
    'plugins: [vue()],',
  ],
  [
    'angular: handler of the wrong type',
    '^Angular',
    "onCreated(e: CustomEvent<SameSurfCreatedDetail>) {\n    if (e.detail.mode === 'room') this.room.set(e.detail.room);",
    'onCreated(e: CustomEvent<number>) {\n    this.room.set(String(e.detail));',
  ],
  [
    'angular: no CUSTOM_ELEMENTS_SCHEMA',
    '^Angular',
    '  schemas: [CUSTOM_ELEMENTS_SCHEMA],\n  template: `\n    <samesurf-launcher',
    '  template: `\n    <samesurf-launcher',
  ],
  ['svelte: misspelt event (runtime)', '^Svelte', 'onsamesurf-created={onCreated}', 'onsamesurf-creatd={onCreated}'],
  [
    'svelte: detail not narrowed',
    '^Svelte',
    "if (e.detail.mode === 'room') room = e.detail.room;\n  }\n</script>",
    'room = e.detail.room;\n  }\n</script>',
  ],
  [
    'html: another version on the CDN (runtime)',
    '^plain HTML',
    'samesurf-launcher@0.1.0/dist/cdn/samesurf-launcher.js"></script>\n  </head>',
    'samesurf-launcher@0.0.9/dist/cdn/samesurf-launcher.js"></script>\n  </head>',
  ],
  [
    'html: listener on a misspelt event (runtime)',
    '^plain HTML',
    "addEventListener('samesurf-created', (e) => {\n        if (e.detail.mode !== 'room') return;",
    "addEventListener('samesurf-create', (e) => {\n        if (e.detail.mode !== 'room') return;",
  ],
  [
    'express: env read without a fallback',
    '^Express',
    "apiKey: process.env.SAMESURF_KEY ?? '', // a missing key or secret stops the start",
    'apiKey: process.env.SAMESURF_KEY, // a missing key or secret stops the start',
  ],
  [
    'express: mounted elsewhere (runtime)',
    '^Express',
    "app.use('/samesurf', toNodeListener(",
    "app.use('/cobrowse', toNodeListener(",
  ],
  [
    'express: authorize answers a wrong shape',
    '^Express',
    "return { deny: 'This support session is not yours.' };",
    "return { refuse: 'This support session is not yours.' };",
  ],
  [
    'workers: a misspelt binding',
    '^Cloudflare Workers: type-checked',
    'apiKey: env.SAMESURF_KEY,\n      apiSecret: env.SAMESURF_SECRET,',
    'apiKey: env.SAMESURF_KEYS,\n      apiSecret: env.SAMESURF_SECRET,',
  ],
  [
    'workers: the wrong origin allowed (runtime)',
    '^Cloudflare Workers: type-checked',
    "allowedOrigins: ['https://shop.example'],\n      clientAddressHeader",
    "allowedOrigins: ['https://www.shop.example'],\n      clientAddressHeader",
  ],
  [
    'vitest: a wrong expectation',
    '^vitest',
    'expect(emu.requests()).toEqual({ create: 1 });',
    'expect(emu.requests()).toEqual({ create: 2 });',
  ],
  [
    'vitest: a control misspelt',
    '^vitest',
    "emu.fault({ call: 'create', status: 503 });",
    "emu.fault({ call: 'create', stauts: 503 } as never);",
  ],
  [
    'playwright: emulator without --test-mode',
    '^Playwright',
    "command: 'npx samesurf-emulator --port 8787 --test-mode',",
    "command: 'npx samesurf-emulator --port 8787',",
  ],
  [
    'playwright: a wrong button name',
    '^Playwright',
    "test('a visitor opens a co-browsing room', async ({ page }) => {\n  await page.goto('/');\n  await page.getByRole('button', { name: 'Co-browse with us' })",
    "test('a visitor opens a co-browsing room', async ({ page }) => {\n  await page.goto('/');\n  await page.getByRole('button', { name: 'Cobrowse with us' })",
  ],
  ['an unmarked block', '^README', '<!-- recipe: svelte/src/Cobrowse.svelte -->\n', ''],
];

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'samesurf-prove-'));
const results = [];
for (const [name, pattern, from, to] of MUTATIONS) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  const count = readme.split(from).length - 1;
  if (count !== 1) {
    results.push([name, `NOT APPLIED: the README has that text ${count} times`]);
    continue;
  }
  const file = join(dir, `${name.replace(/\W+/g, '-')}.md`);
  writeFileSync(file, readme.replace(from, to));
  const t = Date.now();
  const run = spawnSync(
    process.execPath,
    ['--test', '--test-reporter=tap', `--test-name-pattern=${pattern}`, join(ROOT, 'test/consumer/recipes.test.mjs')],
    { env: { ...process.env, SAMESURF_README: file, SAMESURF_BUILT: '1' }, encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const tally = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(run.stdout)?.[1] ?? 0);
  const [failed, passed] = [tally('fail') + tally('cancelled'), tally('pass')];
  const why = /error TS\d+: [^\n]+|(?:Assertion)?Error: \S[^\n]+|\[Vue warn\][^\n]+|Expected[^\n]+/.exec(
    run.stdout,
  )?.[0];
  const verdict = run.status !== 0 && failed > 0 ? 'fails, as it must' : `DID NOT FAIL (${passed} passed)`;
  results.push([name, `${verdict} in ${((Date.now() - t) / 1000).toFixed(0)} s${why ? `: ${why.slice(0, 160)}` : ''}`]);
  console.log(`${name}: ${results.at(-1)[1]}`);
}
console.log('\n' + results.map(([n, r]) => `- ${n}: ${r}`).join('\n'));
process.exit(results.every(([, r]) => r.startsWith('fails')) ? 0 : 1);
