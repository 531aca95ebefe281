import type { Reply } from '../../src/core/types.js';
import { words } from '../../src/knowledge/text.js';
import type { DialogContext } from '../types.js';
import { PROGRAMME_MAILBOX } from '../shared/replies.js';
import { say, sourcesLine } from '../shared/say.js';

/** Whether the question's words hold the person's first and last name ("mimi rasmussens" too). */
function names(question: string[], person: string): boolean {
  const parts = words(person);
  const first = parts[0];
  const last = parts.at(-1);
  if (!first || !last || parts.length < 2) return false;
  const has = (part: string) => question.some((word) => word === part || word === `${part}s`);
  return has(first) && has(last);
}

/**
 * "hvad er Mimi Rasmussens telefonnummer?": a person the material names but gives no address
 * for (a meeting's host) gets an honest "I don't know" that says who they are and where to
 * write instead; someone with an address of their own is answered by the contacts as usual
 * (undefined here).
 */
export function unlistedPerson(context: DialogContext): Reply[] | undefined {
  const question = words(context.turn.text);
  const { contacts, meetings } = context.knowledge;
  if (contacts.some((contact) => contact.kind === 'email' && contact.person && names(question, contact.person)))
    return undefined;
  const meeting = meetings.find((candidate) => candidate.hosts.some((host) => names(question, host)));
  const host = meeting?.hosts.find((candidate) => names(question, candidate));
  if (!meeting || !host) return undefined;
  return [
    {
      text: say(
        context,
        `Materialet giver ingen telefon eller mail til ${host}, der er vært på ${meeting.title}. Skriv til **${PROGRAMME_MAILBOX}**.`,
        `The material gives no phone or email for ${host}, one of the hosts of ${meeting.title}. Write to **${PROGRAMME_MAILBOX}**.`,
      ),
      source: sourcesLine(context, [meeting.source.label]),
      notKnown: true,
    },
  ];
}
