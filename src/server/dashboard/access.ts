import type { Request } from 'restify';
import type { Viewer } from '../../dashboard/viewer.js';
import type { DashboardLink, DashboardLinkRepository } from '../../state/dashboard-links.js';
import type { DeepReadonly, State } from '../../state/schema.js';
import { namesThisMachine } from '../local-host.js';
import type { TeamsSessions } from './teams-sessions.js';

/** The cookie a link's secret is kept in once the link was opened, so the address bar and history lose it. */
export const LINK_COOKIE = 'klikbot_dashboard';
/** The cookie a Teams tab's session is kept in. */
export const TEAMS_COOKIE = 'klikbot_teams';

/** What deciding who looks needs. */
export interface AccessDeps {
  /** Local mode on loopback: the people on this machine see everything without a link. */
  openOnThisMachine: boolean;
  links: DashboardLinkRepository;
  /** `${channel}:${userId}` of the administrators, as configured now. */
  administrators: ReadonlySet<string>;
  state: { read(): Pick<DeepReadonly<State>, 'memberships'> };
  /** Where the Teams tab signs people in with Teams single sign-on; absent where it is not set up. */
  teamsSessions?: TeamsSessions;
  /** The wall clock's milliseconds: a Teams session ends in real time, whatever time klikbot replays. */
  wallMillis: () => number;
}

/** The value of one cookie of the request, or undefined. */
export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function verifiedMembership(deps: AccessDeps, person: { channel: string; userId: string }) {
  const membership = deps.state
    .read()
    .memberships.find((m) => m.channel === person.channel && m.userId === person.userId);
  // a membership verified only because local mode trusts this machine says nothing elsewhere
  return membership?.state === 'verified' && membership.basis !== 'local' ? membership : undefined;
}

/** What a person may see now: everything as an administrator, their municipality as a verified member. */
export function viewerOfPerson(
  deps: AccessDeps,
  person: { channel: string; userId: string },
  via: 'link' | 'teams',
): Viewer | undefined {
  if (deps.administrators.has(`${person.channel}:${person.userId}`)) return { sees: 'national', via };
  const membership = verifiedMembership(deps, person);
  return membership ? { sees: 'municipality', municipalityId: membership.municipalityId, via } : undefined;
}

/**
 * Whether the person a link was handed to may still see what it opens: an administrator still
 * configured as one, a member still verified for the municipality. A link outlives neither.
 */
function stillEntitled(deps: AccessDeps, link: DeepReadonly<DashboardLink>): boolean {
  const now = viewerOfPerson(deps, link.issuedTo, 'link');
  if (now?.sees === 'national') return true;
  return link.scope === 'municipality' && now?.municipalityId === link.municipalityId;
}

/** Who a link's secret lets in, or undefined when it lets no one in (unknown, ended, revoked, no longer entitled). */
export function viewerOfSecret(deps: AccessDeps, secret: string | undefined): Viewer | undefined {
  if (secret === undefined) return undefined;
  const link = deps.links.open(secret);
  if (!link || !stillEntitled(deps, link)) return undefined;
  if (link.scope === 'national') return { sees: 'national', via: 'link' };
  return link.municipalityId === undefined
    ? undefined
    : { sees: 'municipality', municipalityId: link.municipalityId, via: 'link' };
}

/**
 * Who looks: this machine in local mode, else whoever the link in the cookie is for, else the
 * person a Teams tab's session names; undefined lets no one in.
 */
export function viewerOf(deps: AccessDeps, req: Request): Viewer | undefined {
  if (deps.openOnThisMachine && namesThisMachine(req)) return { sees: 'national', via: 'local' };
  const byLink = viewerOfSecret(deps, cookieOf(req, LINK_COOKIE));
  if (byLink || !deps.teamsSessions) return byLink;
  const userId = deps.teamsSessions.open(cookieOf(req, TEAMS_COOKIE), deps.wallMillis());
  return userId === undefined ? undefined : viewerOfPerson(deps, { channel: 'teams', userId }, 'teams');
}
