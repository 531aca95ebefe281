import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { TeamsPerson } from './teams-sessions.js';

/** Where Entra publishes the keys its tokens are signed with (the public cloud). */
export const ENTRA_KEYS_URL = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';

/**
 * The Teams clients that ask Entra for a tab's token (Microsoft's published ids): the desktop
 * and mobile apps, and Teams on the web. A token another application asked for is not Teams'.
 */
const TEAMS_CLIENT_IDS = new Set(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']);

/** What checking a tab's token needs: the app it is for, where klikbot is reached, the tenant, Entra's keys. */
export interface TeamsTabSettings {
  appId: string;
  publicUrl: string;
  /** For a single-tenant app: only its tenant's people. Absent: any tenant (a multi-tenant app). */
  tenantId?: string;
  keysUrl: string;
}

/** The audiences a tab's token may name: the app id (v2 tokens) or its Application ID URI (v1). */
export function tabAudiences(settings: Pick<TeamsTabSettings, 'appId' | 'publicUrl'>): string[] {
  return [settings.appId, `api://${new URL(settings.publicUrl).host}/${settings.appId}`];
}

function text(payload: JWTPayload, claim: string): string | undefined {
  const value = payload[claim];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The checks beyond the signature and the times: issuer of the token's own tenant, the tenant allowed, Teams as the client, the scope. */
function claimsHold(payload: JWTPayload, settings: TeamsTabSettings): boolean {
  const tenant = text(payload, 'tid');
  if (tenant === undefined || text(payload, 'oid') === undefined) return false;
  if (settings.tenantId !== undefined && tenant !== settings.tenantId) return false;
  const issuers = [`https://login.microsoftonline.com/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`];
  if (!issuers.includes(payload.iss ?? '')) return false;
  const client = text(payload, 'azp') ?? text(payload, 'appid');
  if (client === undefined || !TEAMS_CLIENT_IDS.has(client)) return false;
  return (text(payload, 'scp') ?? '').split(' ').includes('access_as_user');
}

/**
 * Checks the token a Teams tab gets from Teams single sign-on as strictly as the bot's own:
 * RS256 signed by Entra's published keys, for this app, not expired, issued by the tenant it
 * names (and the configured one, for a single-tenant app), asked for by a Teams client, with
 * the scope the app exposes.
 */
export class TeamsTabTokens {
  readonly #keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: TeamsTabSettings) {
    this.#keys = createRemoteJWKSet(new URL(settings.keysUrl), { timeoutDuration: 5_000 });
  }

  /**
   * The person the token is for; `invalid` when it is not a valid tab token for this app;
   * `unavailable` when Entra's keys could not be fetched, so nothing can be said of it now.
   */
  async personOf(token: string): Promise<TeamsPerson | 'invalid' | { unavailable: unknown }> {
    try {
      const { payload } = await jwtVerify(token, this.#keys, {
        algorithms: ['RS256'],
        audience: tabAudiences(this.settings),
        requiredClaims: ['exp', 'iss', 'tid', 'oid'],
        // the same leeway for clocks that differ as the Bot Framework's check allows
        clockTolerance: 300,
      });
      if (!claimsHold(payload, this.settings)) return 'invalid';
      const name = text(payload, 'name');
      return { userId: text(payload, 'oid')!, ...(name !== undefined ? { name } : {}) };
    } catch (error) {
      // the keys did not come (a timeout, a network error, an answer that is no key set, which
      // jose reports as a bare JOSEError): not the token's fault
      const keysMissing =
        error instanceof errors.JWKSTimeout ||
        error instanceof errors.JWKSInvalid ||
        !(error instanceof errors.JOSEError) ||
        error.constructor === errors.JOSEError;
      return keysMissing ? { unavailable: error } : 'invalid';
    }
  }
}
