import type { Reply } from '../../src/core/types.js';
import type { Contact } from '../../src/knowledge/systems-queries.js';
import { words } from '../../src/knowledge/text.js';
import { stem } from '../../src/understanding/stem.js';
import type { Dialog, DialogContext } from '../types.js';
import { say, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';
import { unlistedPerson } from './person-contact.js';
import { asksTheSubjectLine } from '../../src/understanding/intent-checks.js';
import { queryWords } from '../../src/understanding/query-words.js';

const DEFAULT_CONTACT = 'mbprogrammet';

// Topics (folded, see words()) that point at contacts whose purposes do not name them in so many words.
const topicContacts: Record<string, string[]> = {
  kigo: ['kigo'],
  ky: ['trg', 'ndf'],
  indstationering: ['trg', 'ndf'],
  ydelsessystem: ['trg', 'ndf'],
  programleder: ['mvp', 'kombit-programlederindsats', 'mbprogrammet'],
  programlederrolle: ['mvp'],
  rollebeskrivelse: ['mvp'],
  programledermoede: ['mbprogrammet'],
  spoergsmaal: ['mbprogrammet'],
  questions: ['mbprogrammet'],
  feedback: ['mbprogrammet'],
  plancher: ['programledermoeder-dokumenter'],
  slides: ['programledermoeder-dokumenter'],
  materialer: ['programledermoeder-dokumenter'],
  dokumenter: ['share-komm', 'programledermoeder-dokumenter'],
  'share komm': ['share-komm'],
  sharekomm: ['share-komm'],
  programlederindsats: ['kombit-programlederindsats'],
};

function contactLine(context: DialogContext, contact: Contact): string {
  const purposes = contact.purposes.join('; ');
  if (contact.kind === 'web') return `${contact.display} (${contact.url}): ${purposes}`;
  const who = contact.person ? `${contact.person}, ` : '';
  const phone = contact.phone ? say(context, `, tlf. ${contact.phone}`, `, phone ${contact.phone}`) : '';
  const subject = contact.subject
    ? say(context, ` (emne: "${contact.subject}")`, ` (subject: "${contact.subject}")`)
    : '';
  return `${who}**${contact.email}**${phone}: ${purposes}${subject}`;
}

/** Contacts for a topic: a contact id, a known topic word, or a word in a contact's purposes. */
function contactsFor(context: DialogContext, topic: string): Contact[] {
  const all = context.knowledge.contacts;
  const byId = all.filter((contact) => contact.id === topic.toLowerCase());
  if (byId.length > 0) return byId;
  const folded = words(topic).join(' ');
  const ids = topicContacts[folded] ?? topicContacts[folded.replaceAll(' ', '')];
  if (ids) return ids.flatMap((id) => all.filter((contact) => contact.id === id));
  const wanted = words(topic);
  if (wanted.length === 0) return [];
  return all.filter((contact) => {
    const said = words(
      [...contact.purposes, contact.kind === 'email' ? (contact.person ?? '') : contact.display].join(' '),
    );
    return wanted.every((word) => said.some((candidate) => candidate === word || stem(candidate) === stem(word)));
  });
}

function buttons(context: DialogContext) {
  return [
    dialogButton(say(context, 'Nyheder', 'News'), ANSWER_DIALOGS.news),
    dialogButton(say(context, 'Næste programledermøde', 'Next programme leader meeting'), ANSWER_DIALOGS.nextMeeting),
  ];
}

function allContactsReply(context: DialogContext): Reply {
  const all = context.knowledge.contacts;
  const main = all.find((contact) => contact.id === DEFAULT_CONTACT);
  const rest = all.filter((contact) => contact !== main);
  // (with the subject the material asks questions from the meeting to be sent with)
  const subject = main?.kind === 'email' && main.subject ? main.subject : undefined;
  const withSubject = subject
    ? say(
        context,
        ` (spørgsmål fra programledermødet gerne med emnet "${subject}")`,
        ` (questions from the programme leader meeting with the subject "${subject}", please)`,
      )
    : '';
  const intro = main
    ? say(
        context,
        `Skriv til **${main.kind === 'email' ? main.email : main.display}** med spørgsmål til Monopolbrudsprogrammet${withSubject}. Andre adresser:`,
        `Write to **${main.kind === 'email' ? main.email : main.display}** with questions for the Monopolbrud programme${withSubject}. Other addresses:`,
      )
    : say(context, 'Adresserne fra materialet:', 'The addresses in the material:');
  return listReply({
    heading: say(context, 'Kontakter', 'Contacts'),
    intro,
    list: rest.map((contact) => contactLine(context, contact)),
    source: sourcesLine(
      context,
      all.map((contact) => contact.source.label),
    ),
    buttons: buttons(context),
  });
}

/** "hvad skal jeg skrive i emnefeltet?": the subject each address asks for, where the material gives one. */
function subjectReply(context: DialogContext): Reply | undefined {
  const withSubject = context.knowledge.contacts.filter(
    (contact): contact is Contact & { kind: 'email'; subject: string } =>
      contact.kind === 'email' && contact.subject !== undefined,
  );
  if (withSubject.length === 0) return undefined;
  const lines = withSubject.map((contact) => {
    const about = contact.purposes[0] ? ` (${contact.purposes[0]})` : '';
    return say(
      context,
      `Skriv gerne "${contact.subject}" i emnefeltet, når du skriver til **${contact.email}**${about}.`,
      `Write "${contact.subject}" in the subject line when you write to **${contact.email}**${about}.`,
    );
  });
  return {
    heading: say(context, 'Kontakt', 'Contact'),
    text: lines.join('\n'),
    source: sourcesLine(
      context,
      withSubject.map((contact) => contact.source.label),
    ),
    buttons: [dialogButton(say(context, 'Alle kontakter', 'All contacts'), ANSWER_DIALOGS.contacts)],
  };
}

/** Whom to write to about a topic (KIGO, KY, the programme leader role, ...), the right address first; by default the programme's mailbox. */
export const contacts: Dialog = (context, args) => {
  const unlisted = unlistedPerson(context);
  if (unlisted) return unlisted;
  // (a topic asked about is its address's question, whatever its subject)
  const asksSubject = !args.topic?.trim() && asksTheSubjectLine(queryWords(context.turn.text ?? '').tokens);
  const subject = asksSubject ? subjectReply(context) : undefined;
  if (subject) return [subject];
  if (args.topic === undefined || args.topic.trim() === '') return [allContactsReply(context)];
  const found = contactsFor(context, args.topic);
  const main = context.knowledge.contacts.find((contact) => contact.id === DEFAULT_CONTACT);
  if (found.length === 0) {
    const fallback = main && main.kind === 'email' ? main.email : 'mbprogrammet@kombit.dk';
    return [
      {
        text: say(
          context,
          `Jeg har ingen særlig adresse om "${args.topic}". Skriv til **${fallback}**.`,
          `I have no particular address for "${args.topic}". Write to **${fallback}**.`,
        ),
        source: sourcesLine(context, main ? [main.source.label] : []),
        buttons: [dialogButton(say(context, 'Alle kontakter', 'All contacts'), ANSWER_DIALOGS.contacts)],
      },
    ];
  }
  const text = found.map((contact) => contactLine(context, contact)).join('\n');
  return [
    {
      heading: say(context, 'Kontakt', 'Contact'),
      text,
      source: sourcesLine(
        context,
        found.map((contact) => contact.source.label),
      ),
      buttons: [
        dialogButton(say(context, 'Alle kontakter', 'All contacts'), ANSWER_DIALOGS.contacts),
        ...buttons(context).slice(0, 1),
      ],
    },
  ];
};
