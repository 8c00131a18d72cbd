import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { render } from '../../scripts/docs.mjs';

describe('README reference', () => {
  it('matches custom-elements.json (npm run docs regenerates it)', () => {
    const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
    const readme = readFileSync('README.md', 'utf8');
    assert.equal(render(readme, manifest), readme, 'README.md is out of date: run `npm run docs`');
    for (const name of ['api-key', 'samesurf-error', 'minimise-button', '--samesurf-accent', 'launch()'])
      assert.ok(readme.includes(name), name);
  });
});

describe('custom-elements.json', () => {
  it('points its module paths at files the package ships (dist/), not at sources', async () => {
    const { existsSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
    const paths = JSON.stringify(manifest).match(/"(?:path|module)":"[^"]+"/g) ?? [];
    assert.ok(paths.length > 0);
    for (const entry of paths) {
      const path = entry.split('":"')[1].slice(0, -1);
      assert.match(path, /^dist\/.*\.js$/, path);
      assert.ok(existsSync(path), `${path} is built`);
    }
  });
});
