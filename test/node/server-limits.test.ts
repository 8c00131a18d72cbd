import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { describe, it } from 'node:test';
import { toNodeListener } from '../../src/server/index.js';
import { useEmulator } from './helpers.js';
import { callProxy, proxyFor, proxyKey, SITE } from './proxy-helpers.js';
import { serve } from './server-http.js';

const ctx = useEmulator({ keys: [proxyKey] });

/** A stand-in for the API at 127.0.0.1 that answers every call with `answer`; closed after the suite. */
async function upstream(answer: (res: ServerResponse) => void): Promise<string> {
  const { port } = await serve((_req, res) => answer(res));
  return `http://127.0.0.1:${port}/api/v3`;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the API's answer is read with a cap and a deadline", () => {
  it('an endless answer is cut off past maxResponseBytes: 502, a log line, the stream cancelled', async () => {
    let written = 0;
    let closed = false;
    const base = await upstream(async (res) => {
      res.on('close', () => (closed = true));
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"success":true,"room":"');
      const chunk = Buffer.alloc(64 * 1024, 'a');
      // Bounded: 200 MiB at most, far more than any cap, and stopped as soon as the proxy lets go.
      while (!closed && written < 200 * 1024 * 1024) {
        written += chunk.length;
        if (!res.write(chunk)) await new Promise((r) => res.once('drain', r).once('close', r));
      }
      res.end();
    });
    const lines: string[] = [];
    const res = await callProxy(proxyFor(ctx.emu, { baseUrl: base, maxResponseBytes: 64 * 1024 }, lines), 'create', {});
    assert.equal(res.status, 502);
    assert.equal(res.body.error, 'The co-browsing service answered unexpectedly.');
    assert.match(lines.join('\n'), /create: the API's answer is larger than 65536 bytes/);
    for (let i = 0; i < 100 && !closed; i++) await pause(20);
    assert.ok(closed, 'the proxy closed the upstream connection');
    assert.ok(written < 50 * 1024 * 1024, `stopped early (${written} bytes written)`);
  });

  it('a declared Content-Length above the cap is refused without reading it', async () => {
    const base = await upstream((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(200 * 1024 * 1024) });
      res.write('{"success":true,');
    });
    const lines: string[] = [];
    const res = await callProxy(proxyFor(ctx.emu, { baseUrl: base }, lines), 'create', {});
    assert.equal(res.status, 502);
    assert.match(lines.join('\n'), /larger than 262144 bytes/, 'the default cap is 256 KiB');
  });

  // The timeouts of these tests only turn a hang into a failure on code that never times out.
  it('an answer that stalls half-way is held to timeoutMs', { timeout: 30_000 }, async () => {
    const base = await upstream((res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"success":true,"room":"1'); // and nothing more, ever
    });
    const lines: string[] = [];
    // A site's own fetch (a tracing wrapper, say) that drops the signal once the headers are in.
    const res = await callProxy(
      proxyFor(
        ctx.emu,
        { baseUrl: base, timeoutMs: 300, fetch: (input, init) => fetch(input, { ...init, signal: undefined }) },
        lines,
      ),
      'create',
      {},
    );
    assert.equal(res.status, 502);
    assert.match(lines.join('\n'), /create: the API could not be reached \(TimeoutError\)/);
  });

  it('a real answer well under the cap passes unchanged', async () => {
    const res = await callProxy(proxyFor(ctx.emu, { maxResponseBytes: 4096 }), 'create', { title: 'small' });
    assert.equal(res.status, 200);
    assert.equal(ctx.emu.state.findRoom(res.body.room)!.title, 'small');
  });
});

/** Sends a request over a raw socket, the body a byte at a time; resolves with what came back. */
function trickle(
  port: number,
  head: string,
  bytes: number,
  everyMs: number,
): Promise<{ answer: string; sent: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent >= bytes || socket.destroyed) return clearInterval(timer);
        socket.write(' ');
        sent++;
      }, everyMs);
    });
    socket.setEncoding('utf8');
    socket.on('data', (d) => (answer += d));
    socket.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(err)));
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, sent });
    });
  });
}

describe('a request body is read within bodyTimeoutMs, over real HTTP', () => {
  it(
    'a body that trickles in a byte now and then is answered 408 and the connection closed',
    { timeout: 60_000 },
    async () => {
      const lines: string[] = [];
      const { port } = await serve(toNodeListener(proxyFor(ctx.emu, { bodyTimeoutMs: 300 }, lines)));
      // 1000 bytes announced, one sent every 50 ms: 50 s in all, were it not cut off (the bound of this test).
      const head = `POST /samesurf/create HTTP/1.1\r\nHost: shop.test\r\nOrigin: ${SITE}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`;
      const { answer, sent } = await trickle(port, head, 1000, 50);
      assert.match(answer, /^HTTP\/1\.1 408 /);
      assert.match(answer, /did not arrive within 300 ms/);
      assert.ok(sent < 1000, 'the server did not wait for the whole body');
    },
  );

  it(
    'a chunked body above maxBodyBytes gets its 413 (the socket is not torn down first)',
    { timeout: 30_000 },
    async () => {
      const { port } = await serve(toNodeListener(proxyFor(ctx.emu, { maxBodyBytes: 1024 })));
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            `POST /samesurf/create HTTP/1.1\r\nHost: shop.test\r\nOrigin: ${SITE}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
          );
          const chunk = 'x'.repeat(4096);
          socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        });
        let text = '';
        socket.setEncoding('utf8');
        socket.on('data', (d) => (text += d));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(text));
      });
      assert.match(answer, /^HTTP\/1\.1 413 /);
    },
  );
});
