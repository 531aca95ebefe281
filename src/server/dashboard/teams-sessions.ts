import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a Teams tab's session lasts before the tab asks Teams for a new token: a working day. */
export const TEAMS_SESSION_HOURS = 8;

/** The person a valid token names: their Entra object id (klikbot's Teams user id) and name. */
export interface TeamsPerson {
  userId: string;
  name?: string;
}

/**
 * A tab's session, kept by the browser in a cookie: who, until when, sealed with a key only
 * klikbot's instances share. What they may see is decided at each request from who they are
 * now (administrator, verified member), so a membership that ends ends the session's view too.
 */
export class TeamsSessions {
  constructor(private readonly key: Buffer) {}

  #mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }

  /** The cookie value for a person until `untilMillis`. */
  seal(person: TeamsPerson, untilMillis: number): string {
    const body = Buffer.from(JSON.stringify({ u: person.userId, e: untilMillis })).toString('base64url');
    return `${body}.${this.#mac(body)}`;
  }

  /** The Teams user id a cookie value names, while it is sealed by this key and not past its end. */
  open(value: string | undefined, nowMillis: number): string | undefined {
    const [body, mac, ...rest] = (value ?? '').split('.');
    if (!body || !mac || rest.length > 0 || body.length > 500) return undefined;
    const expected = Buffer.from(this.#mac(body));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { u?: unknown; e?: unknown };
      if (typeof parsed.u !== 'string' || typeof parsed.e !== 'number' || parsed.e <= nowMillis) return undefined;
      return parsed.u;
    } catch {
      return undefined;
    }
  }
}
