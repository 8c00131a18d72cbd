/**
 * Reading a request body that may come from anyone: at most `maxBytes`, and all of it within `timeoutMs`, so a
 * client that trickles a byte now and then cannot hold the handler (and its socket) for ever.
 */
export type BodyRead = { ok: true; text: string } | { ok: false; reason: 'too-large' | 'timeout' };

export async function readRequestBody(request: Request, maxBytes: number, timeoutMs: number): Promise<BodyRead> {
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (declared > maxBytes) return { ok: false, reason: 'too-large' };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const read = await Promise.race([reader.read(), deadline]);
      if (read === 'timeout') return stop(reader, 'timeout');
      if (read.done) break;
      size += read.value.byteLength;
      if (size > maxBytes) return stop(reader, 'too-large');
      chunks.push(read.value);
    }
  } finally {
    clearTimeout(timer);
  }
  return { ok: true, text: decodeChunks(chunks, size) };
}

/** UTF-8 text of `chunks`, `size` bytes in all. */
export function decodeChunks(chunks: readonly Uint8Array[], size: number): string {
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/**
 * Lets go of the rest without cancelling it: on Node, cancelling the request stream destroys the socket before the
 * refusal is written. The refusal carries `Connection: close` instead, which ends the connection once it is sent.
 */
function stop(reader: ReadableStreamDefaultReader<Uint8Array>, reason: 'too-large' | 'timeout'): BodyRead {
  try {
    reader.releaseLock();
  } catch {
    /* a pending read keeps the lock on older runtimes: the connection still closes after the refusal */
  }
  return { ok: false, reason };
}
