import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { rollup, type OutputChunk } from 'rollup';
// @ts-expect-error: a plain .mjs config without types
import { clientBuild } from '../../rollup.config.mjs';

describe('client bundle', () => {
  it('keeps jsrsasign out of the entry chunk: it loads by import() on the first signature', async () => {
    const bundle = await rollup({ input: clientBuild.input, plugins: clientBuild.plugins, logLevel: 'silent' });
    const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js' });
    await bundle.close();
    const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry)!;
    const lazy = chunks.filter((c) => !c.isEntry);
    const gz = (c: OutputChunk) => gzipSync(c.code, { level: 9 }).length;
    const jsrsasign = lazy.find((c) => Object.keys(c.modules).some((m) => m.includes('jsrsasign.js')))!;
    assert.ok(jsrsasign, 'jsrsasign is in a chunk of its own');
    assert.equal(
      Object.keys(entry.modules).some((m) => m.includes('node_modules/jsrsasign')),
      false,
    );
    assert.ok(entry.dynamicImports.length >= 1, 'the entry imports it dynamically');
    assert.ok(gz(jsrsasign) > 10 * gz(entry), `entry ${gz(entry)} B gzip vs jsrsasign ${gz(jsrsasign)} B gzip`);
    console.log(
      `client entry: ${entry.code.length} B raw, ${gz(entry)} B gzip; lazy jsrsasign chunk: ${gz(jsrsasign)} B gzip`,
    );
  });
});
