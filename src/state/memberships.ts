import { nowIso, type Clock } from '../clock.js';
import type { Actor, ConversationLink, DeepReadonly, Membership } from './schema.js';
import { ListIndex } from './list-index.js';
import type { Store } from './store.js';

export type { ConversationLink, Membership } from './schema.js';

/** Where the municipality a person acts for comes from: their own membership, or the conversation's link. */
export interface ActingFor {
  municipalityId: string;
  via: 'person' | 'conversation';
}

function key(channel: string, userId: string) {
  return (m: { channel: string; userId: string }) => m.channel === channel && m.userId === userId;
}

/**
 * The conversation a link belongs to. Every message in a Teams channel carries its thread
 * ("19:…@thread.tacv2;messageid=…"), but a link is for the whole channel: every thread in it.
 */
export function linkedConversationId(conversationId: string): string {
  const thread = conversationId.indexOf(';messageid=');
  return thread === -1 ? conversationId : conversationId.slice(0, thread);
}

function linkKey(channel: string, conversationId: string) {
  const id = linkedConversationId(conversationId);
  return (link: { channel: string; conversationId: string }) => link.channel === channel && link.conversationId === id;
}

/** Which municipality each person belongs to (one each), and each conversation is linked to; kept across restarts. */
export class MembershipRepository {
  private readonly people = new ListIndex<DeepReadonly<Membership>>((m) => JSON.stringify([m.channel, m.userId]));
  // reminders ask for every conversation due, so a link is found by key, not by a search
  private readonly links = new ListIndex<DeepReadonly<ConversationLink>>((l) => JSON.stringify([l.channel, l.conversationId]));

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Links a person to a municipality, replacing any earlier one. Resolves with the
   * municipality they belonged to before, if any (the same one when nothing changed; then
   * nothing is written and `since` stays).
   */
  async set(channel: string, userId: string, municipalityId: string): Promise<{ previous?: string }> {
    const since = nowIso(this.clock);
    return this.store.update((draft) => {
      const existing = draft.memberships.find(key(channel, userId));
      if (!existing) {
        draft.memberships.push({ channel, userId, municipalityId, since });
        return {};
      }
      const previous = existing.municipalityId;
      if (previous !== municipalityId) {
        existing.municipalityId = municipalityId;
        existing.since = since;
      }
      return { previous };
    });
  }

  /** The person's membership, or undefined when they belong to no municipality. */
  get(channel: string, userId: string): DeepReadonly<Membership> | undefined {
    return this.people.get(this.store.read().memberships, JSON.stringify([channel, userId]));
  }

  /**
   * Links a conversation (all of a Teams channel's threads) to a municipality, replacing any
   * earlier link. Resolves with the municipality it was linked to before, if any (the same one
   * when nothing changed; then nothing is written and `since` and `by` stay).
   */
  async linkConversation(channel: string, conversationId: string, municipalityId: string, by: Actor): Promise<{ previous?: string }> {
    const since = nowIso(this.clock);
    return this.store.update((draft) => {
      const existing = draft.conversationLinks.find(linkKey(channel, conversationId));
      if (!existing) {
        draft.conversationLinks.push({ channel, conversationId: linkedConversationId(conversationId), municipalityId, since, by });
        return {};
      }
      const previous = existing.municipalityId;
      if (previous !== municipalityId) {
        existing.municipalityId = municipalityId;
        existing.since = since;
        existing.by = by;
      }
      return { previous };
    });
  }

  /** Removes a conversation's link; false when it had none. */
  async unlinkConversation(channel: string, conversationId: string): Promise<boolean> {
    return this.store.update((draft) => {
      const index = draft.conversationLinks.findIndex(linkKey(channel, conversationId));
      if (index === -1) return false;
      draft.conversationLinks.splice(index, 1);
      return true;
    });
  }

  /** The conversation's link, or undefined when it is linked to no municipality. */
  conversationLink(channel: string, conversationId: string): DeepReadonly<ConversationLink> | undefined {
    return this.links.get(this.store.read().conversationLinks, JSON.stringify([channel, linkedConversationId(conversationId)]));
  }

  /**
   * The municipality a person acts for here: their own membership first (someone from Køge
   * in Aarhus' channel still speaks for Køge), else the conversation's link.
   */
  municipalityOf(person: { channel: string; userId: string }, conversation: { channel: string; conversationId: string }): ActingFor | undefined {
    const own = this.get(person.channel, person.userId);
    if (own) return { municipalityId: own.municipalityId, via: 'person' };
    const link = this.conversationLink(conversation.channel, conversation.conversationId);
    return link ? { municipalityId: link.municipalityId, via: 'conversation' } : undefined;
  }
}
