import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('importing the element where there is no DOM (server-side rendering)', () => {
  it('does not throw, and registers nothing it cannot', async () => {
    assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
    const entry = await import('../../src/index.js');
    assert.equal(typeof entry.SameSurfLauncher, 'function');
    assert.equal(typeof entry.SameSurfClient, 'function');
    const define = await import('../../src/define.js');
    assert.equal(define.TAG, 'samesurf-launcher');
    // A second copy of the module is as harmless on the server as in a page.
    await import('../../src/define.js?again' as string);
  });
});
