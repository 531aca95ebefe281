import type { Request } from 'restify';
import type { Viewer } from '../../dashboard/viewer.js';
import type { DashboardLink, DashboardLinkRepository } from '../../state/dashboard-links.js';
import type { DeepReadonly, State } from '../../state/schema.js';
import { namesThisMachine } from '../local-host.js';

/** The cookie a link's secret is kept in once the link was opened, so the address bar and history lose it. */
export const LINK_COOKIE = 'klikbot_dashboard';

/** What deciding who looks needs. */
export interface AccessDeps {
  /** Local mode on loopback: the people on this machine see everything without a link. */
  openOnThisMachine: boolean;
  links: DashboardLinkRepository;
  /** `${channel}:${userId}` of the administrators, as configured now. */
  administrators: ReadonlySet<string>;
  state: { read(): Pick<DeepReadonly<State>, 'memberships'> };
}

/** The value of one cookie of the request, or undefined. */
export function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * Whether the person a link was handed to may still see what it opens: an administrator still
 * configured as one, a member still verified for the municipality. A link outlives neither.
 */
function stillEntitled(deps: AccessDeps, link: DeepReadonly<DashboardLink>): boolean {
  const key = `${link.issuedTo.channel}:${link.issuedTo.userId}`;
  if (link.scope === 'national') return deps.administrators.has(key);
  if (deps.administrators.has(key)) return true;
  const membership = deps.state
    .read()
    .memberships.find((m) => m.channel === link.issuedTo.channel && m.userId === link.issuedTo.userId);
  // a membership verified only because local mode trusts this machine says nothing elsewhere
  return (
    membership?.state === 'verified' &&
    membership.basis !== 'local' &&
    membership.municipalityId === link.municipalityId
  );
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

/** Who looks: this machine in local mode, else whoever the link in the cookie is for; undefined lets no one in. */
export function viewerOf(deps: AccessDeps, req: Request): Viewer | undefined {
  if (deps.openOnThisMachine && namesThisMachine(req)) return { sees: 'national', via: 'local' };
  return viewerOfSecret(deps, cookieOf(req, LINK_COOKIE));
}
