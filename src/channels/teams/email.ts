import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { InboundActivity } from './inbound-activity.js';

/**
 * The person's address from the conversation's roster (Teams: their UPN), asked only when a
 * claim needs it; undefined outside Teams or when the lookup fails
 * (the person then waits for approval, as anyone the channel cannot vouch for).
 */
export function teamsEmailLookup(
  context: TurnContext,
  activity: InboundActivity,
): (() => Promise<string | undefined>) | undefined {
  if (activity.channelId !== 'msteams') return undefined;
  return async () => {
    try {
      const member = await TeamsInfo.getMember(context, activity.from.id);
      // the UPN, not the mail attribute: a tenant can only give a UPN in a domain it has
      // verified it owns, while its administrators may set `mail` to any address
      return member.userPrincipalName ?? undefined;
    } catch {
      return undefined;
    }
  };
}
