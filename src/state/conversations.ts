import { nowIso, type Clock } from '../clock.js';
import type { DeepReadonly, StoredConversation } from './schema.js';
import { ListIndex } from './list-index.js';
import type { Store } from './store.js';

export type { StoredConversation } from './schema.js';

/** What a channel knows about a conversation when it sees it; the repository adds the times. */
export interface ConversationSighting {
  channel: string;
  conversationId: string;
  serviceUrl?: string;
  /** The channel's own conversation reference; anything JSON can hold, stored as its JSON form. */
  reference: object;
  tenantId?: string;
  teamId?: string;
  isGroup: boolean;
  /** In a 1:1 chat: the person klikbot chats with. */
  userId?: string;
}

type JsonRecord = StoredConversation['reference'];

/** How stale `lastSeen` may get before a sighting of an unchanged conversation is written. */
const LAST_SEEN_RESOLUTION_MS = 60 * 60 * 1000;

function key(channel: string, conversationId: string) {
  return (c: { channel: string; conversationId: string }) =>
    c.channel === channel && c.conversationId === conversationId;
}

/** The conversations the bot may write to later (proactive messages), kept across restarts. */
export class ConversationRepository {
  private readonly index = new ListIndex<DeepReadonly<StoredConversation>>((c) =>
    JSON.stringify([c.channel, c.conversationId]),
  );

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Records that a conversation was seen now: adds it, or refreshes its reference and
   * `lastSeen` while keeping `firstSeen`. Seeing it again clears a `dead` mark, since the
   * conversation has just proved it is alive. Resolves true when the bot could not write to
   * the conversation before: unknown, or marked dead (decided inside the serialized update, so
   * two sightings at once cannot both be first).
   */
  async remember(sighting: ConversationSighting): Promise<boolean> {
    // The JSON round trip drops undefined fields and anything else JSON cannot hold.
    const reference = JSON.parse(JSON.stringify(sighting.reference)) as JsonRecord;
    if (this.isFreshAndUnchanged(sighting, reference)) return false;
    const at = nowIso(this.clock);
    return this.store.update((draft) => {
      const index = draft.conversations.findIndex(key(sighting.channel, sighting.conversationId));
      const record: StoredConversation = {
        channel: sighting.channel,
        conversationId: sighting.conversationId,
        reference,
        isGroup: sighting.isGroup,
        firstSeen: draft.conversations[index]?.firstSeen ?? at,
        lastSeen: at,
      };
      if (sighting.serviceUrl !== undefined) record.serviceUrl = sighting.serviceUrl;
      if (sighting.tenantId !== undefined) record.tenantId = sighting.tenantId;
      if (sighting.teamId !== undefined) record.teamId = sighting.teamId;
      if (sighting.userId !== undefined) record.userId = sighting.userId;
      const wasReachable = index !== -1 && draft.conversations[index]!.dead === undefined;
      if (index === -1) draft.conversations.push(record);
      else draft.conversations[index] = record;
      return !wasReachable;
    });
  }

  /**
   * Every write is fsynced, so a busy conversation must not cost one per message: an
   * unchanged, living conversation seen within the hour is left as it is.
   */
  private isFreshAndUnchanged(sighting: ConversationSighting, reference: JsonRecord): boolean {
    const stored = this.get(sighting.channel, sighting.conversationId);
    if (!stored || stored.dead) return false;
    // every message asks this; Date.parse reads the stored ISO instant exactly, far cheaper than luxon
    const storedMillis = Date.parse(stored.lastSeen);
    if (this.clock.now().toMillis() - storedMillis >= LAST_SEEN_RESOLUTION_MS) return false;
    return (
      JSON.stringify(stored.reference) === JSON.stringify(reference) &&
      stored.serviceUrl === sighting.serviceUrl &&
      stored.tenantId === sighting.tenantId &&
      stored.teamId === sighting.teamId &&
      stored.isGroup === sighting.isGroup &&
      stored.userId === sighting.userId
    );
  }

  /** The 1:1 chat klikbot has with a person in one of these stored channels, most recently seen first; undefined if none. */
  personalChat(channels: readonly string[], userId: string): DeepReadonly<StoredConversation> | undefined {
    return this.store
      .read()
      .conversations.filter((c) => !c.isGroup && !c.dead && c.userId === userId && channels.includes(c.channel))
      .toSorted((a, b) => b.lastSeen.localeCompare(a.lastSeen))[0];
  }

  /**
   * The stored conversation, or undefined if the bot has never seen it. Looked up in an index
   * of the list the store holds now (a write replaces the list, and with it the index):
   * reminders ask this for every conversation due.
   */
  get(channel: string, conversationId: string): DeepReadonly<StoredConversation> | undefined {
    return this.index.get(this.store.read().conversations, JSON.stringify([channel, conversationId]));
  }

  /** Every stored conversation, dead ones included, in the order first seen. */
  list(): readonly DeepReadonly<StoredConversation>[] {
    return this.store.read().conversations;
  }

  /** Marks a conversation as one the bot can no longer post to. False if it is unknown. */
  async markDead(channel: string, conversationId: string, reason: string): Promise<boolean> {
    const at = nowIso(this.clock);
    return this.store.update((draft) => {
      const record = draft.conversations.find(key(channel, conversationId));
      if (record) record.dead = { reason, at };
      return record !== undefined;
    });
  }

  /** Forgets every conversation in a team (the app was removed from it). Resolves how many. */
  async removeTeam(channel: string, teamId: string): Promise<number> {
    return this.store.update((draft) => {
      const before = draft.conversations.length;
      draft.conversations = draft.conversations.filter((c) => !(c.channel === channel && c.teamId === teamId));
      return before - draft.conversations.length;
    });
  }

  /** Forgets a conversation. False if it was not stored. */
  async remove(channel: string, conversationId: string): Promise<boolean> {
    return this.store.update((draft) => {
      const index = draft.conversations.findIndex(key(channel, conversationId));
      if (index !== -1) draft.conversations.splice(index, 1);
      return index !== -1;
    });
  }
}
