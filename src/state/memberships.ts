import { nowIso, type Clock } from '../clock.js';
import type { Actor, ConversationLink, DeepReadonly, Membership, MembershipBasis, RosterEntry } from './schema.js';
import { ListIndex } from './list-index.js';
import type { Store } from './store.js';
import { plainCopy } from './mirror.js';

export type { ConversationLink, DeepReadonly, Membership, MembershipBasis, RosterEntry } from './schema.js';

/** How many approval cards one person's claims may send in an hour: enough for a mistake and its correction, not for spam. */
export const APPROVAL_REQUESTS_PER_HOUR = 3;
const APPROVAL_WINDOW_MS = 60 * 60 * 1000;

/**
 * Where the municipality a person acts for comes from: their own membership, or the
 * conversation's link. `verified` false: a claim still waiting, or a link made before
 * verification existed; the person reads, but changes nothing.
 */
export interface ActingFor {
  municipalityId: string;
  via: 'person' | 'conversation';
  verified: boolean;
  /** How it was verified (the membership's basis, or `link`), for the status history. */
  basis?: string;
}

/** A person, as a channel knows them. */
export interface Person {
  channel: string;
  userId: string;
}

/** A claim to belong to a municipality ("vi er Aarhus Kommune", `kommune Aarhus`). */
export interface Claim extends Person {
  name?: string;
  municipalityId: string;
  /** Where it was made (the stored conversation's key): the claimant hears the outcome there. */
  conversation?: { channel: string; conversationId: string };
  /** Verified as it is made (local mode, an administrator, the email domain); otherwise the roster decides, or it waits. */
  basis?: MembershipBasis;
  /** The person's email address, where the channel tells it: the roster may list them by it. */
  email?: string;
  /** For basis `email-domain`: the domain that verified it. */
  emailDomain?: string;
}

/** What became of an approval or a decline: done, or why not (the claim was withdrawn, moved, or settled already). */
export type Decision = 'done' | 'gone' | 'settled';

/** The roster's key for a person: `slack:U0ABC`, `teams:29:1abc`. */
export function personKey(person: Person): string {
  return `${person.channel}:${person.userId}`;
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
  private readonly links = new ListIndex<DeepReadonly<ConversationLink>>((l) =>
    JSON.stringify([l.channel, l.conversationId]),
  );

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a claim, replacing any earlier membership. It is verified when it says how
   * (`basis`) or the roster lists the person for that municipality; otherwise it waits for an
   * approver. The same municipality again changes nothing, except that a waiting claim may now
   * be verified. Resolves with the membership before and after.
   */
  async claim(claim: Claim): Promise<{ previous?: DeepReadonly<Membership>; membership: DeepReadonly<Membership> }> {
    const at = nowIso(this.clock);
    return this.store.update((draft) => {
      const index = draft.memberships.findIndex(key(claim.channel, claim.userId));
      const existing = draft.memberships[index];
      const previous = existing ? plainCopy(existing) : undefined;
      const keys = [personKey(claim), ...(claim.email ? [`email:${claim.email.toLowerCase()}`] : [])];
      const listed = draft.roster.find(
        (entry) => keys.includes(entry.person) && entry.municipalityId === claim.municipalityId,
      );
      const basis = claim.basis ?? (listed ? 'roster' : undefined);
      const rosterKey = basis === 'roster' && listed ? { rosterKey: listed.person } : {};
      if (existing && existing.municipalityId === claim.municipalityId) {
        if (existing.state === 'pending' && basis)
          Object.assign(existing, {
            state: 'verified',
            basis,
            verifiedAt: at,
            ...rosterKey,
            ...(claim.emailDomain ? { emailDomain: claim.emailDomain } : {}),
          });
        if (claim.name !== undefined) existing.name = claim.name;
        // a claim from before verification existed learns where its holder is told the outcome, and they are told now
        if (!existing.claimedIn && claim.conversation) existing.claimedIn = { ...claim.conversation };
        existing.told = true;
        return { previous, membership: plainCopy(existing) };
      }
      const membership: Membership = {
        approvalRequests:
          existing?.approvalRequests.filter(
            (at) => Date.parse(at) > this.clock.now().toMillis() - APPROVAL_WINDOW_MS,
          ) ?? [],
        channel: claim.channel,
        userId: claim.userId,
        municipalityId: claim.municipalityId,
        since: at,
        state: basis ? 'verified' : 'pending',
        ...(claim.conversation ? { claimedIn: { ...claim.conversation } } : {}),
        // the claimant is told in the answer to the claim itself
        told: true,
        ...(claim.name !== undefined ? { name: claim.name } : {}),
        ...(basis ? { basis, verifiedAt: at } : {}),
        ...rosterKey,
        ...(basis === 'email-domain' && claim.emailDomain ? { emailDomain: claim.emailDomain } : {}),
      };
      if (index === -1) draft.memberships.push(membership);
      else draft.memberships[index] = membership;
      return { previous, membership: plainCopy(membership) };
    });
  }

  /**
   * Sets a verified membership directly, as the roster or an administrator settles it (and
   * tests set up a member). Resolves with the municipality the person belonged to before.
   */
  async set(
    channel: string,
    userId: string,
    municipalityId: string,
    basis: MembershipBasis = 'roster',
  ): Promise<{ previous?: string }> {
    const { previous } = await this.claim({ channel, userId, municipalityId, basis });
    return previous ? { previous: previous.municipalityId } : {};
  }

  /**
   * Records that approvers are sent a card for the person's waiting claim, unless they have
   * been sent `APPROVAL_REQUESTS_PER_HOUR` in the last hour (claims moved back and forth);
   * resolves with whether it may be sent.
   */
  async mayRequestApproval(person: Person): Promise<boolean> {
    const now = this.clock.now().toMillis();
    const at = nowIso(this.clock);
    return this.store.update((draft) => {
      const existing = draft.memberships.find(key(person.channel, person.userId));
      if (!existing) return false;
      existing.approvalRequests = existing.approvalRequests.filter(
        (when) => Date.parse(when) > now - APPROVAL_WINDOW_MS,
      );
      if (existing.approvalRequests.length >= APPROVAL_REQUESTS_PER_HOUR) return false;
      existing.approvalRequests.push(at);
      return true;
    });
  }

  /** Verifies a waiting claim to this municipality, as approved by `by`. */
  async approve(person: Person, municipalityId: string, by: Actor): Promise<Decision> {
    const at = nowIso(this.clock);
    return this.store.update((draft) => {
      const existing = draft.memberships.find(key(person.channel, person.userId));
      if (!existing || existing.municipalityId !== municipalityId) return 'gone';
      if (existing.state === 'verified') return 'settled';
      const verifiedBy = {
        channel: by.channel,
        userId: by.userId,
        ...(by.name !== undefined ? { name: by.name } : {}),
      };
      Object.assign(existing, { state: 'verified', basis: 'approval', verifiedBy, verifiedAt: at });
      return 'done';
    });
  }

  /** Declines a waiting claim to this municipality: the claim is removed. */
  async decline(person: Person, municipalityId: string): Promise<Decision> {
    return this.store.update((draft) => {
      const index = draft.memberships.findIndex(key(person.channel, person.userId));
      const existing = draft.memberships[index];
      if (!existing || existing.municipalityId !== municipalityId) return 'gone';
      if (existing.state === 'verified') return 'settled';
      draft.memberships.splice(index, 1);
      return 'done';
    });
  }

  /**
   * Ends a person's membership (or withdraws their claim); resolves with what it was. With
   * `revokeRoster` (an administrator ending it) the roster entries that name the person, or
   * that verified them, go too, so a new claim waits for approval like anyone's.
   */
  async end(person: Person, options: { revokeRoster?: boolean } = {}): Promise<DeepReadonly<Membership> | undefined> {
    return this.store.update((draft) => {
      const index = draft.memberships.findIndex(key(person.channel, person.userId));
      if (index === -1) return undefined;
      const [ended] = draft.memberships.splice(index, 1);
      if (options.revokeRoster) {
        const revoked = new Set([personKey(person), ...(ended?.rosterKey ? [ended.rosterKey] : [])]);
        draft.roster = draft.roster.filter((entry) => !revoked.has(entry.person));
      }
      return ended;
    });
  }

  /** Notes that the holder of a waiting claim has been told so. */
  async markTold(person: Person): Promise<void> {
    await this.store.update((draft) => {
      const existing = draft.memberships.find(key(person.channel, person.userId));
      if (existing) existing.told = true;
    });
  }

  /** Everyone who belongs to, or claims, the municipality: verified first, then by when. */
  members(municipalityId: string): DeepReadonly<Membership>[] {
    return this.store
      .read()
      .memberships.filter((m) => m.municipalityId === municipalityId)
      .toSorted((a, b) => (a.state === b.state ? a.since.localeCompare(b.since) : a.state === 'verified' ? -1 : 1));
  }

  /**
   * Adds the roster's entries (replacing a person's earlier entry) and verifies what they
   * settle: a waiting claim to the listed municipality, or a new membership for someone listed
   * by channel and id who has claimed nothing. Resolves with how many memberships it verified.
   */
  async importRoster(
    entries: readonly { person: string; municipalityId: string }[],
    importedBy: string,
  ): Promise<{ entries: number; verified: number }> {
    const at = nowIso(this.clock);
    return this.store.update((draft) => {
      let verified = 0;
      for (const entry of entries) {
        const stored: RosterEntry = {
          person: entry.person,
          municipalityId: entry.municipalityId,
          importedAt: at,
          importedBy,
        };
        const earlier = draft.roster.findIndex((item) => item.person === entry.person);
        if (earlier === -1) draft.roster.push(stored);
        else draft.roster[earlier] = stored;
        const [channel, ...rest] = entry.person.split(':');
        const userId = rest.join(':');
        if (channel === 'email' || !channel || !userId) continue;
        const existing = draft.memberships.find(key(channel, userId));
        if (existing && (existing.municipalityId !== entry.municipalityId || existing.state === 'verified')) continue;
        if (existing)
          Object.assign(existing, { state: 'verified', basis: 'roster', verifiedAt: at, rosterKey: entry.person });
        else
          draft.memberships.push({
            channel,
            userId,
            municipalityId: entry.municipalityId,
            since: at,
            state: 'verified',
            basis: 'roster',
            verifiedAt: at,
            rosterKey: entry.person,
            told: true,
            approvalRequests: [],
          });
        verified += 1;
      }
      return { entries: entries.length, verified };
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
  async linkConversation(
    channel: string,
    conversationId: string,
    municipalityId: string,
    by: Actor,
    verified = true,
  ): Promise<{ previous?: string }> {
    const since = nowIso(this.clock);
    return this.store.update((draft) => {
      const existing = draft.conversationLinks.find(linkKey(channel, conversationId));
      if (!existing) {
        draft.conversationLinks.push({
          channel,
          conversationId: linkedConversationId(conversationId),
          municipalityId,
          since,
          by,
          verified,
        });
        return {};
      }
      const previous = existing.municipalityId;
      if (previous !== municipalityId || existing.verified !== verified) {
        existing.municipalityId = municipalityId;
        existing.since = since;
        existing.by = by;
        existing.verified = verified;
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
    return this.links.get(
      this.store.read().conversationLinks,
      JSON.stringify([channel, linkedConversationId(conversationId)]),
    );
  }

  /**
   * The municipality a person acts for here: their own membership first (someone from Køge
   * in Aarhus' channel still speaks for Køge), else the conversation's link.
   */
  municipalityOf(person: Person, conversation: { channel: string; conversationId: string }): ActingFor | undefined {
    const own = this.get(person.channel, person.userId);
    if (own)
      return {
        municipalityId: own.municipalityId,
        via: 'person',
        verified: own.state === 'verified',
        ...(own.basis ? { basis: own.basis } : {}),
      };
    const link = this.conversationLink(conversation.channel, conversation.conversationId);
    return link
      ? { municipalityId: link.municipalityId, via: 'conversation', verified: link.verified, basis: 'link' }
      : undefined;
  }
}
