import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, it } from 'node:test';
import { control, post, useEmulator, visit } from './helpers.js';

/** A raw request whose target is sent exactly as written (fetch would normalise it). */
function raw(url: string, method: string, target: string): Promise<{ status: number; text: string; type: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, method, path: target, headers: { 'Content-Length': 0 } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text, type: String(res.headers['content-type']) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('emulator: malformed request paths', () => {
  const ctx = useEmulator();

  it('answers 400, not 500, for broken percent-encoding in an invitation link', async () => {
    for (const [method, target] of [
      ['GET', '/realtime/%E0%A4%A/x'],
      ['GET', '/realtime/1/%ZZ'],
      ['POST', '/realtime/%E0%A4%A/x/leave'],
    ] as const) {
      const res = await raw(ctx.emu.url, method, target);
      assert.equal(res.status, 400, `${method} ${target}: ${res.text}`);
      assert.match(res.type, /text\/html/);
      assert.match(res.text, /not valid percent-encoding/);
    }
  });

  it('answers 400 JSON for broken percent-encoding in a control path', async () => {
    const res = await raw(ctx.emu.url, 'POST', '/__emulator/rooms/%ZZ/end');
    assert.equal(res.status, 400, res.text);
    const body = JSON.parse(res.text) as { success: boolean; error: string };
    assert.equal(body.success, false);
    assert.match(body.error, /not valid percent-encoding/);
  });

  it('reads a request target that starts with // as a path, never as a host', async () => {
    const res = await raw(ctx.emu.url, 'POST', '//elsewhere.test/__emulator/reset');
    assert.equal(res.status, 404, res.text);
  });

  it('still serves well-formed links and control paths, encoded or not', async () => {
    const created = await post(ctx.emu, 'create', {});
    const { room, privateinvitation } = created.body as { room: string; privateinvitation: string };
    const encoded = privateinvitation.replace(
      `/${room}/`,
      `/${[...room].map((d) => `%${d.charCodeAt(0).toString(16)}`).join('')}/`,
    );
    assert.equal((await visit(encoded)).status, 200);
    assert.equal((await control(ctx.emu, `rooms/${room}/end`, {})).status, 200);
    assert.equal((await raw(ctx.emu.url, 'GET', '/nothing%ZZ')).status, 404);
  });
});
