import { expect } from 'vitest';

/** One Server-Sent Events stream, read as it comes: `next(event)` resolves with the next such event's data. */
export async function openWebChatStream(
  url: string,
): Promise<{ next(event: string): Promise<unknown>; close(): void }> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  // frames of other events are passed over
  const next = async (event: string): Promise<unknown> => {
    for (;;) {
      const end = buffered.indexOf('\n\n');
      if (end === -1) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before a "${event}" event`);
        buffered += value;
        continue;
      }
      const frame = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (frame.startsWith(`event: ${event}\n`)) return JSON.parse(frame.slice(frame.indexOf('\ndata: ') + 7));
    }
  };
  return { next, close: () => abort.abort() };
}
