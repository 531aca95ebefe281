import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { nowIso, type Clock } from '../clock.js';
import type { DashboardLink } from './dashboard-link-schema.js';
import type { DeepReadonly } from './schema.js';
import { personRecord, samePerson } from './person.js';
import type { Store } from './store.js';

export type { DashboardLink } from './dashboard-link-schema.js';

/** How long a link opens the dashboard: a working week and the weekend around it. */
export const DASHBOARD_LINK_DAYS = 7;
/** A link long past its end is dropped when the next is handed out, so the list does not grow with the years. */
const KEEP_EXPIRED_DAYS = 30;

/** The person a link is for, or who revokes links. */
export interface LinkPerson {
  channel: string;
  userId: string;
  name?: string;
}

/** What a new link opens. */
export type LinkScope = { scope: 'national' } | { scope: 'municipality'; municipalityId: string };

/** The hash a link's secret is kept and looked up by. */
export function secretHashOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** What a link's secret looks like: 32 random bytes, base64url. Anything else is not looked up. */
export function isLinkSecret(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

/** The links to the dashboard: handed out in chat, looked up by the secret a request carries, revoked. */
export class DashboardLinkRepository {
  #index: { links: unknown; byHash: Map<string, DeepReadonly<DashboardLink>> } | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** A new link for `to`; the secret is returned once and kept only as a hash. */
  async issue(to: LinkPerson, scope: LinkScope): Promise<{ secret: string; link: DashboardLink }> {
    const secret = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const link: DashboardLink = {
      id: randomUUID(),
      secretHash: secretHashOf(secret),
      scope: scope.scope,
      ...(scope.scope === 'municipality' ? { municipalityId: scope.municipalityId } : {}),
      issuedTo: personRecord(to),
      issuedAt: nowIso(this.clock),
      expiresAt: now.plus({ days: DASHBOARD_LINK_DAYS }).toISO() ?? '',
    };
    const forgetBefore = now.minus({ days: KEEP_EXPIRED_DAYS }).toMillis();
    await this.store.update((draft) => {
      // links that ended a month ago tell nothing anyone needs
      for (let index = draft.dashboardLinks.length - 1; index >= 0; index -= 1) {
        if (Date.parse(draft.dashboardLinks[index]!.expiresAt) < forgetBefore) draft.dashboardLinks.splice(index, 1);
      }
      draft.dashboardLinks.push(link);
    });
    return { secret, link };
  }

  /** The link a secret opens, while it has neither ended nor been revoked. */
  open(secret: string): DeepReadonly<DashboardLink> | undefined {
    if (!isLinkSecret(secret)) return undefined;
    const link = this.#byHash().get(secretHashOf(secret));
    if (!link || link.revokedAt !== undefined) return undefined;
    return Date.parse(link.expiresAt) > this.clock.now().toMillis() ? link : undefined;
  }

  /**
   * Revokes the links still open: those handed to `of`, or every link when `of` is undefined
   * (an administrator closing them all). Resolves with how many were revoked.
   */
  async revoke(by: LinkPerson, of: LinkPerson | undefined): Promise<number> {
    const now = this.clock.now().toMillis();
    const at = nowIso(this.clock);
    return this.store.update((draft) => {
      let revoked = 0;
      for (const link of draft.dashboardLinks) {
        if (link.revokedAt !== undefined || Date.parse(link.expiresAt) <= now) continue;
        if (of !== undefined && !samePerson(link.issuedTo, of)) continue;
        link.revokedAt = at;
        link.revokedBy = personRecord(by);
        revoked += 1;
      }
      return revoked;
    });
  }

  // the state is replaced, never changed in place, so the index holds while the list is the same
  #byHash(): Map<string, DeepReadonly<DashboardLink>> {
    const links = this.store.read().dashboardLinks;
    if (this.#index?.links !== links) {
      this.#index = { links, byHash: new Map(links.map((link) => [link.secretHash, link])) };
    }
    return this.#index.byHash;
  }
}
