import type { IncomingMessage } from 'node:http';

/** Slack's payloads are small; a body larger than this is refused before Bolt sees it. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The raw body, or undefined when it is larger than Slack ever sends. */
export async function readRawBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    // not JSON at all: the same answer as JSON that is not an object
    return false;
  }
}

/**
 * Whether the body has the shape Bolt assumes: a JSON object, or a form whose `payload` (if
 * any) is one. Bolt reads fields of the parsed body without checking it, and a signed body of
 * `null` would throw where nothing catches it and stop the process.
 */
export function hasSlackShape(contentType: string | undefined, raw: Buffer): boolean {
  const text = raw.toString('utf8');
  if ((contentType ?? '').startsWith('application/json')) return isJsonObject(text);
  const payload = new URLSearchParams(text).get('payload');
  return payload === null || isJsonObject(payload);
}
