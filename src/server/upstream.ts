/**
 * Reading the API's answer with a cap on its size, within the same deadline as the request: an upstream that
 * answers without end, or stalls half-way, costs a bounded amount of memory and time.
 */
import { decodeChunks } from './body.js';

export class AnswerTooLarge extends Error {
  override name = 'AnswerTooLarge';
}

/** The answer's text; throws AnswerTooLarge past `maxBytes`, and the signal's reason when it aborts first. */
export async function readAnswer(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  const declared = Number(response.headers.get('Content-Length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new AnswerTooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      // A fetch that ignores the signal once the headers are in is still held to the deadline here.
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new AnswerTooLarge();
      chunks.push(value);
    }
  } catch (err) {
    void reader.cancel().catch(() => undefined);
    throw err;
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
  return decodeChunks(chunks, size);
}
