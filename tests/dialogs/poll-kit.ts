import { beforeEach, expect } from 'vitest';
import type { DialogContext, ActionServices } from '../../dialogs/types.js';
import { pollDialogsByName } from '../../dialogs/polls/index.js';
import type { PollServices } from '../../dialogs/polls/access.js';
import type { ChannelKind, Reply } from '../../src/core/types.js';
import { PollRepository } from '../../src/state/polls.js';
import { loadVoteKey } from '../../src/state/vote-key.js';
import { ADMIN, useActionKit, type ActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';

/** The action kit with a poll repository in its services. */
export interface PollKit extends ActionKit {
  polls: PollRepository;
  services: ActionServices & PollServices;
}

/** A fresh state file with polls per test. */
export function usePollKit(): PollKit {
  const kit = useActionKit() as PollKit;
  beforeEach(async () => {
    kit.polls = new PollRepository(kit.store, kit.clock, await loadVoteKey(kit.store.filePath));
    kit.services = { ...kit.services, polls: kit.polls };
  });
  return kit;
}

/** People in the meeting's Teams channel. */
export const HOST = { channel: 'teams' as const, userId: 'aad-host', name: 'Vera Vært' };
export const ANNA = { channel: 'teams' as const, userId: 'aad-anna', name: 'Anna Andersen' };
export const BO = { channel: 'teams' as const, userId: 'aad-bo', name: 'Bo Berg' };
export const CARL = { channel: 'teams' as const, userId: 'aad-carl', name: 'Carl Clausen' };
export { ADMIN };

/** One person's turn in a conversation (the meeting's channel unless told), at the kit clock's time. */
export function turnOf(
  kit: PollKit,
  who: { channel: ChannelKind; userId: string; name?: string },
  text = '',
  conversationId = '19:meeting@thread.tacv2',
  language: 'da' | 'en' = 'da',
): DialogContext {
  return {
    knowledge,
    language,
    turn: {
      user: { id: who.userId, ...(who.name ? { name: who.name } : {}) },
      conversation: { channel: who.channel, id: conversationId, isGroup: true, kind: 'channel' },
      text,
      now: kit.clock.now(),
    },
  };
}

/** Runs a poll dialog by name. */
export async function run(
  kit: PollKit,
  dialog: string,
  context: DialogContext,
  args: Record<string, string> = {},
): Promise<Reply[]> {
  const found = pollDialogsByName[dialog];
  if (!found) throw new Error(`no poll dialog ${dialog}`);
  return found(context, args, kit.services);
}

/** The one reply, checked to be no notice (it may take a card's place). */
export function only(replies: Reply[]): Reply {
  expect(replies).toHaveLength(1);
  expect(replies[0]!.notice).toBeUndefined();
  return replies[0]!;
}

/** The one reply, checked to be a notice (a refusal that never takes a card's place); its text. */
export function refusal(replies: Reply[]): string {
  expect(replies).toHaveLength(1);
  expect(replies[0]!.notice).toBe(true);
  return replies[0]!.text;
}
