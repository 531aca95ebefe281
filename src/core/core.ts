import { routeTurn, unknownButtonReply } from '../../dialogs/router.js';
import type { Knowledge } from '../knowledge/registry.js';
import type { Reply, Turn } from './types.js';

/** The channel-neutral bot: a Turn in, Replies out. */
export interface Core {
  handle(turn: Turn): Promise<Reply[]>;
  /** The answer to a button payload the channel could not read. */
  unknownButton(turn: Turn): Reply[];
}

/** Builds the core over the loaded knowledge. */
export function createCore(deps: { knowledge: Knowledge }): Core {
  return {
    handle: async (turn) => routeTurn(turn, { knowledge: deps.knowledge }),
    unknownButton: (turn) => [unknownButtonReply(turn)],
  };
}
