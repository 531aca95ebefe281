import type { IncomingMessage } from 'node:http';
import { ErrorCode, KlikbotError } from '../../errors.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../server/json-depth.js';

/** Bot Framework activities are small; anything larger is refused before parsing. */
const MAX_BODY_BYTES = 256 * 1024;

/** Reads a request body as JSON, or throws a BadRequest KlikbotError saying what is wrong. */
export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new KlikbotError(ErrorCode.BadRequest, `Request body is larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '')
    throw new KlikbotError(ErrorCode.BadRequest, 'Request body is empty; expected a Bot Framework activity');
  if (nestsDeeperThan(text))
    throw new KlikbotError(ErrorCode.BadRequest, `Request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new KlikbotError(ErrorCode.BadRequest, 'Request body is not valid JSON', { cause });
  }
}
