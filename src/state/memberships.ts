import { nowIso, type Clock } from '../clock.js';
import type { DeepReadonly, Membership } from './schema.js';
import type { Store } from './store.js';

export type { Membership } from './schema.js';

function key(channel: string, userId: string) {
  return (m: { channel: string; userId: string }) => m.channel === channel && m.userId === userId;
}

/** Which municipality each person belongs to (one each), kept across restarts. */
export class MembershipRepository {
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
    return this.store.read().memberships.find(key(channel, userId));
  }
}
