import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { measure } from '../../scripts/size.mjs';

describe('size budget of the CDN files', () => {
  it('keeps the entry and the classic-script path within budget, and npm run size says so', () => {
    const { checks, rows } = measure();
    for (const c of checks) assert.ok(c.gzip <= c.budget, `${c.what}: ${c.gzip} > ${c.budget}`);
    assert.ok(
      rows.some((r) => r.file.startsWith('chunks/jsrsasign')),
      'jsrsasign is a chunk of its own',
    );
    const run = spawnSync(process.execPath, ['scripts/size.mjs'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /ok {3}samesurf-launcher\.js/);
  });
});
