import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { InboundActivity } from './inbound-activity.js';

/**
 * The person's email address from the conversation's roster (Teams: their email, else their
 * UPN), asked only when a claim needs it; undefined outside Teams or when the lookup fails
 * (the person then waits for approval, as anyone the channel cannot vouch for).
 */
export function teamsEmailLookup(context: TurnContext, activity: InboundActivity): (() => Promise<string | undefined>) | undefined {
  if (activity.channelId !== 'msteams') return undefined;
  return async () => {
    try {
      const member = await TeamsInfo.getMember(context, activity.from.id);
      return member.email ?? member.userPrincipalName ?? undefined;
    } catch {
      return undefined;
    }
  };
}
