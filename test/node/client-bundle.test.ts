import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { rollup, type OutputChunk } from 'rollup';
// @ts-expect-error: a plain .mjs config without types
import { clientBuild } from '../../rollup.config.mjs';

describe('client bundle', () => {
  it('keeps the signer out of the entry chunk: jsrsasign’s JWT subset, loaded by import() on the first signature', async () => {
    const bundle = await rollup({ input: clientBuild.input, plugins: clientBuild.plugins, logLevel: 'silent' });
    const { output } = await bundle.generate({ format: 'es', chunkFileNames: '[name].js' });
    await bundle.close();
    const chunks = output.filter((o): o is OutputChunk => o.type === 'chunk');
    const entry = chunks.find((c) => c.isEntry)!;
    const lazy = chunks.filter((c) => !c.isEntry);
    const gz = (c: OutputChunk) => gzipSync(c.code, { level: 9 }).length;
    const jsrsasign = lazy.find((c) => Object.keys(c.modules).some((m) => m.includes('jsrsasign-jwths.js')))!;
    assert.ok(jsrsasign, 'the signer is in a chunk of its own');
    // The whole library (~80 KB gzip) is never part of what a browser may load.
    assert.deepEqual(
      chunks.flatMap((c) => Object.keys(c.modules)).filter((m) => m.includes('node_modules/jsrsasign')),
      [],
    );
    assert.equal(
      Object.keys(entry.modules).some((m) => m.includes('jsrsasign')),
      false,
    );
    assert.ok(gz(jsrsasign) < 25_000, `the signer chunk is ${gz(jsrsasign)} B gzip`);
    assert.ok(entry.dynamicImports.length >= 1, 'the entry imports it dynamically');
    console.log(
      `client entry: ${entry.code.length} B raw, ${gz(entry)} B gzip; lazy signer chunk: ${gz(jsrsasign)} B gzip`,
    );
  });
});
