// The published types as a consumer meets them: strict, skipLibCheck false, and without the dev-only
// @types/jsrsasign (the package must never need it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ROOT = resolve(new URL('../..', import.meta.url).pathname);
const declarations = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? declarations(join(dir, e.name)) : e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );

describe('the published types', () => {
  it('never import jsrsasign', () => {
    const offenders = declarations(join(ROOT, 'dist')).filter((f) =>
      /(?:import\(|from )['"]jsrsasign['"]/.test(readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('type-check in a consumer with skipLibCheck: false and no @types/jsrsasign, event details narrowed', () => {
    const app = mkdtempSync(join(tmpdir(), 'samesurf-consumer-'));
    const modules = join(app, 'node_modules');
    mkdirSync(join(modules, '@lit'), { recursive: true });
    // The package as installed, and its runtime dependencies' types; nothing else from this repository.
    symlinkSync(ROOT, join(modules, 'samesurf-launcher'));
    for (const dep of ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'])
      symlinkSync(join(ROOT, 'node_modules', dep), join(modules, dep));
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          preserveSymlinks: true,
          lib: ['ES2022', 'DOM'],
          types: [],
        },
        files: ['app.ts'],
      }),
    );
    writeFileSync(
      join(app, 'app.ts'),
      [
        "import 'samesurf-launcher/define';",
        "import { SameSurfClient, SameSurfError } from 'samesurf-launcher/client';",
        "const client = new SameSurfClient({ apiKey: 'k' });",
        "void client.createRoom({ starturl: 'https://example.com' }).catch((e: SameSurfError) => e.errorcode);",
        "const el = document.createElement('samesurf-launcher');",
        "el.addEventListener('samesurf-error', (e) => console.log(e.detail.code));",
        "el.addEventListener('samesurf-leave', (e) => console.log(e.detail.room));",
        "el.addEventListener('samesurf-created', (e) => console.log(e.detail.mode === 'room' ? e.detail.publicinvitation : e.detail.link));",
      ].join('\n'),
    );
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], { stdio: 'pipe' });
    } catch (err) {
      assert.fail(String(err.stdout) + String(err.stderr));
    }
  });
});
