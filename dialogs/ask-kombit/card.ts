import type { Language, Reply } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { municipalityNameOf } from '../membership/acting-for.js';
import { ASK_KOMBIT_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import { type StoredQuestion } from './common.js';
import { momentText, nameOf } from '../shared/people.js';

const channelNames: Record<string, string> = {
  teams: 'Teams',
  msteams: 'Teams',
  slack: 'Slack',
  web: 'web chat',
  webchat: 'web chat',
  emulator: 'Emulator',
};

/** Where the question was asked, in a few words: "Teams, kanal" / "Slack, 1:1-chat". */
function placeText(question: StoredQuestion, language: Language): string {
  const channel = channelNames[question.askedIn.channel] ?? question.askedIn.channel;
  const kinds: Record<string, [string, string]> = {
    personal: ['1:1-chat med klikbot', '1:1 chat with klikbot'],
    group: ['gruppechat', 'group chat'],
    channel: ['kanal', 'channel'],
  };
  const kind = kinds[question.askedIn.kind ?? ''];
  if (!kind) return channel;
  return `${channel}, ${language === 'da' ? kind[0] : kind[1]}`;
}

/** What the question says, the asker's own line below it, quoted and inert. */
export function questionText(context: { language: Language }, question: StoredQuestion): string {
  const asked = `»${inert(question.text)}«`;
  return question.note ? `${asked}\n\n${say(context, 'Tilføjet', 'Added')}: ${inert(question.note)}` : asked;
}

/** Where the question stands, for the card's last line. */
function standing(context: { language: Language }, question: StoredQuestion): string {
  const { language } = context;
  if (question.answer) {
    const by = nameOf(question.answer.by);
    const at = momentText(question.answer.at, language);
    const saved = question.answer.saved ? say(context, ' Gemt som svar.', ' Saved as an answer.') : '';
    return `${say(context, `Besvaret af ${by} ${at}.`, `Answered by ${by} on ${at}.`)}${saved}\n\n${inert(question.answer.text)}`;
  }
  if (question.takenBy) {
    const by = nameOf(question.takenBy);
    const at = momentText(question.takenBy.at, language);
    return say(context, `Taget af ${by} ${at}.`, `Taken by ${by} on ${at}.`);
  }
  return say(context, 'Ingen har taget det endnu.', 'Nobody has taken it yet.');
}

/**
 * The card KOMBIT's experts get for a handed-over question: the question, who asked (shown to
 * the experts only), their municipality, where and when, what klikbot answered, and where it
 * stands; with "Jeg tager den" and "Svar" while it is open.
 */
export function expertCard(context: { language: Language; knowledge: Knowledge }, question: StoredQuestion): Reply {
  const { language } = context;
  const municipality = question.municipalityId
    ? municipalityNameOf(context.knowledge, question.municipalityId)
    : say(context, 'ikke oplyst', 'not known');
  const asker = `${nameOf(question.asker)} (${question.asker.channel}:${question.asker.userId})`;
  const facts = [
    { label: say(context, 'Spurgt af', 'Asked by'), value: asker },
    { label: say(context, 'Kommune', 'Municipality'), value: municipality },
    { label: say(context, 'Hvor', 'Where'), value: placeText(question, language) },
    { label: say(context, 'Hvornår', 'When'), value: momentText(question.askedAt, language) },
    {
      label: say(context, 'klikbot svarede', 'klikbot answered'),
      value: question.klikbotAnswer ? inert(question.klikbotAnswer) : say(context, 'intet', 'nothing'),
    },
  ];
  const status = standing(context, question);
  const args = { id: question.id };
  const answerButton = {
    ...dialogButton(say(context, 'Svar', 'Answer'), ASK_KOMBIT_DIALOGS.answerForm, args),
    replacesCard: true,
  };
  const buttons = question.answer
    ? []
    : question.takenBy
      ? [
          answerButton,
          { ...dialogButton(say(context, 'Slip den', 'Let go'), ASK_KOMBIT_DIALOGS.release, args), replacesCard: true },
        ]
      : [
          {
            ...dialogButton(say(context, 'Jeg tager den', "I'll take it"), ASK_KOMBIT_DIALOGS.take, args),
            replacesCard: true,
          },
          answerButton,
        ];
  const heading = say(context, 'Spørgsmål til KOMBIT', 'A question for KOMBIT');
  const text = [
    `${heading}: ${questionText(context, question)}`,
    ...facts.map((fact) => `${fact.label}: ${fact.value}`),
    status,
  ].join('\n\n');
  return {
    heading,
    text,
    intro: questionText(context, question),
    summary: `${heading}: »${inert(question.text.slice(0, 120))}«`,
    facts,
    outro: status,
    ...(buttons.length > 0 ? { buttons } : {}),
  };
}
