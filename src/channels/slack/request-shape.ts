import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { nestsDeeperThan } from '../../server/json-depth.js';

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

const object = z.record(z.string(), z.unknown());

/**
 * The least of each payload that Bolt reads without checking. A type not listed here needs
 * only to be an object: Bolt reads nothing else of it before a listener would.
 */
const shapes: Record<string, z.ZodType> = {
  event_callback: z.object({ event: object }),
  block_actions: z.object({ user: object, actions: z.array(object) }),
  view_submission: z.object({ user: object, view: object }),
  view_closed: z.object({ user: object, view: object }),
};

function parseJson(text: string): unknown {
  // a payload nested deeper than any Slack sends is refused like one of the wrong shape
  if (nestsDeeperThan(text)) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    // not JSON at all: refused like JSON of the wrong shape
    return undefined;
  }
}

function isSlackPayload(value: unknown): boolean {
  const parsed = object.safeParse(value);
  if (!parsed.success) return false;
  const type = parsed.data.type;
  const shape = typeof type === 'string' ? shapes[type] : undefined;
  return shape === undefined || shape.safeParse(parsed.data).success;
}

/**
 * Whether the body has the shape Bolt assumes. Bolt reads fields of the parsed body without
 * checking them, and a signed body of `null` would throw where nothing catches it and stop
 * the process. Like Bolt, only exactly `application/x-www-form-urlencoded` is a form (a slash
 * command, or a `payload` field of JSON); any other body must be a JSON object.
 */
export function hasSlackShape(contentType: string | undefined, raw: Buffer): boolean {
  const text = raw.toString('utf8');
  if ((contentType ?? '') !== 'application/x-www-form-urlencoded') return isSlackPayload(parseJson(text));
  const payload = new URLSearchParams(text).get('payload');
  return payload === null || isSlackPayload(parseJson(payload));
}
