// The browser signs with jsrsasign's JWT subset (a quarter of the bytes); its tokens must be the full library's,
// byte for byte, or the real API would see something the vendor's own examples never send.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import jsrsasign from 'jsrsasign';
import { claimsFor, signJwt } from '../../src/api/jwt.js';

const full = jsrsasign.KJUR;
// A fresh header each time: jsrsasign writes `alg` into the object it is given.
const header = () => ({ typ: 'JWT' }) as unknown as { alg: string };
const vendored = new URL('../../src/api/vendor/jsrsasign-jwths.js', import.meta.url);

describe('the JWT subset of jsrsasign', () => {
  const keys = ['demo-key', 'k', 'ключ "quoted" \\ \u2028 🔑', 'x'.repeat(500)];
  const secrets = ['demo-secret', '00ff', 'deadbeef', 'ünïcødé 🔑', 's'.repeat(300)];
  const times = [0, 1, 1_700_000_000, 2_147_483_647, 4_102_444_800];

  it('signs none tokens exactly like the full library', async () => {
    for (const sub of keys)
      for (const iat of times) {
        const claims = { iat, sub };
        assert.equal(await signJwt('none', claims), full.jws.JWS.sign('none', header(), claims));
      }
  });

  it('signs HS256 tokens exactly like the full library (secrets read as UTF-8, also when they look like hex)', async () => {
    for (const sub of keys)
      for (const secret of secrets) {
        const claims = claimsFor(sub, 1_700_000_000_123);
        const token = await signJwt('HS256', claims, secret);
        assert.equal(token, full.jws.JWS.sign('HS256', header(), claims, { utf8: secret }));
        assert.equal(full.jws.JWS.verify(token, { utf8: secret }, ['HS256']), true);
      }
  });

  it('is a module that leaves the page alone: no global KJUR, window or navigator written, no eval', async () => {
    const before = Object.getOwnPropertyNames(globalThis).sort();
    await import('../../src/api/vendor/jsrsasign-jwths.js');
    assert.deepEqual(Object.getOwnPropertyNames(globalThis).sort(), before);
    const code = readFileSync(vendored, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.doesNotMatch(code, /\beval\s*\(|new Function|\bFunction\s*\(/);
  });

  it('is what scripts/vendor-jwths.mjs makes from the installed jsrsasign (regenerate after an update)', () => {
    execFileSync(process.execPath, [new URL('../../scripts/vendor-jwths.mjs', import.meta.url).pathname, '--check']);
  });
});
