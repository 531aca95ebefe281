import type { Reply } from './types.js';

/**
 * The card as the whole conversation sees it: a presser's own copy (their vote marked) gives
 * way to the shared card, so that nothing meant for one person is written where all can read it.
 */
export function forEveryone(reply: Reply): Reply {
  return reply.ownCopy?.shared ?? reply;
}
