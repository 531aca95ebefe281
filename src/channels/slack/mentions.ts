import type { Mention } from '../../core/types.js';

/** How Slack writes a mention of a person in a message's text: `<@U0PETER>` or `<@U0PETER|peter>`. */
const PERSON_MENTION = /<@([UW][A-Z0-9]{2,})(?:\|([^>]*))?>/g;

type UsersClient = { users: { info(args: { user: string }): Promise<unknown> } };

/** What users.info answers that the name lookup reads. */
interface UsersInfo {
  user?: { name?: string; real_name?: string; profile?: { real_name?: string; display_name?: string } };
}

/** The person's name as Slack shows it (users.info), or undefined when it cannot be asked. */
async function nameOf(client: UsersClient, userId: string): Promise<string | undefined> {
  try {
    const { user } = (await client.users.info({ user: userId })) as UsersInfo;
    const name = user?.profile?.real_name || user?.real_name || user?.profile?.display_name || user?.name;
    return name || undefined;
  } catch {
    // no users:read, or Slack unreachable: the person is still known by id, only unnamed
    return undefined;
  }
}

/**
 * The people a message @mentions, in order, and its text with each mention written `@name`
 * (or `@U…` where Slack gives no name), as a person reads it. The id is Slack's own, the same
 * as the person's turns carry; the name is asked of users.info only when a dialog needs it.
 */
export function slackMentions(text: string, client: UsersClient): { text: string; mentions: Mention[] } {
  const mentions: Mention[] = [];
  const written = text.replace(PERSON_MENTION, (_whole, id: string, label: string | undefined) => {
    mentions.push({
      ...(label ? { name: label } : {}),
      identify: async () => {
        const name = (await nameOf(client, id)) ?? label;
        return name ? { id, name } : { id };
      },
    });
    return `@${label || id}`;
  });
  return { text: written, mentions };
}

/** The turn with the people its text @mentions, their mentions written as a person reads them. */
export function withMentions<T extends { text: string; mentions?: Mention[] }>(turn: T, client: UsersClient): T {
  const { text, mentions } = slackMentions(turn.text, client);
  return mentions.length === 0 ? turn : { ...turn, text, mentions };
}
