import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Mention } from '../../core/types.js';
import type { InboundActivity } from './inbound-activity.js';

/** How Teams writes a mention in a message's text. */
const WRITTEN_MENTION = /<at>(.*?)<\/at>/g;

/** The text with each remaining mention (the bot's already removed) written `@name`, as a person reads it. */
export function mentionsAsWritten(text: string): string {
  return text.replace(WRITTEN_MENTION, (_whole, name: string) => `@${name.trim()}`);
}

/**
 * The people a Teams message @mentions besides klikbot, in order. A mention carries the
 * person's Bot Framework id (`29:…`), while turns carry the Entra object id: it is looked up in
 * the conversation's roster (TeamsInfo.getMember) only when a dialog needs it; undefined when
 * the roster does not tell.
 */
export function teamsMentions(context: TurnContext, activity: InboundActivity): Mention[] {
  const mentions: Mention[] = [];
  for (const entity of activity.entities ?? []) {
    if (entity.type !== 'mention' || !('mentioned' in entity)) continue;
    const mentioned = entity.mentioned as { id: string; name?: string; aadObjectId?: string };
    if (mentioned.id === activity.recipient.id) continue;
    const name = mentioned.name ?? (typeof entity.text === 'string' ? mentionsAsWritten(entity.text).slice(1) : '');
    mentions.push({
      ...(name ? { name } : {}),
      identify: async () => {
        try {
          const member = await TeamsInfo.getMember(context, mentioned.id);
          const id = member.aadObjectId ?? mentioned.aadObjectId;
          return id ? { id, name: member.name ?? name } : undefined;
        } catch {
          // the roster could not be asked (the bot not in the team, the connector down): only
          // an Entra id Teams put in the mention itself can name the person; else the dialog
          // says it cannot tell who was meant
          return mentioned.aadObjectId ? { id: mentioned.aadObjectId, ...(name ? { name } : {}) } : undefined;
        }
      },
    });
  }
  return mentions;
}
