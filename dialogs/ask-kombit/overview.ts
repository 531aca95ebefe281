import { DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import type { Language, Reply } from '../../src/core/types.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { spreadsheetCsv } from '../../src/lib/csv.js';
import { municipalityNameOf, administers } from '../membership/acting-for.js';
import { ASK_KOMBIT_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';
import { exportFile } from '../shared/export-file.js';
import { listReply, notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import { inert } from '../shared/text.js';
import type { ActionDialog, DialogContext } from '../types.js';
import { notHere, type StoredQuestion } from './common.js';
import { momentText, nameOf } from '../shared/people.js';

/** How many open questions the list shows, oldest first. */
const LISTED = 20;

/** "3 timer", "2 dage" / "3 hours", "2 days": how long since `iso`. */
function ageText(iso: string, now: DateTime, language: Language): string {
  const hours = Math.max(0, Math.floor(now.diff(DateTime.fromISO(iso), 'hours').hours));
  if (hours < 24)
    return language === 'da'
      ? `${hours} ${hours === 1 ? 'time' : 'timer'}`
      : `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
  const days = Math.floor(hours / 24);
  return language === 'da' ? `${days} ${days === 1 ? 'dag' : 'dage'}` : `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Hours from question to answer. */
function hoursToAnswer(question: StoredQuestion): number | undefined {
  if (!question.answer) return undefined;
  return DateTime.fromISO(question.answer.at).diff(DateTime.fromISO(question.askedAt), 'hours').hours;
}

/** The middle value (the mean of the two middle ones for an even count); undefined for none. */
export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function hoursText(hours: number, language: Language): string {
  const rounded = Math.round(hours * 10) / 10;
  const figure = language === 'da' ? String(rounded).replace('.', ',') : String(rounded);
  return language === 'da' ? `${figure} timer` : `${figure} hours`;
}

function onlyAdministrators(context: DialogContext): Reply[] {
  return notice(
    say(
      context,
      'Kun en administrator kan se spørgsmålene til KOMBIT: de viser, hvem der spurgte.',
      'Only an administrator can see the questions to KOMBIT: they show who asked.',
    ),
  );
}

/** "ubesvarede spørgsmål": the questions still open with KOMBIT, oldest first, with their age and who took them. */
export const askKombitOpenQuestions: ActionDialog = async (context, _args, services) => {
  const ask = services.askKombit;
  if (!ask) return notHere(context);
  if (!administers(context, services)) return onlyAdministrators(context);
  const open = ask.questions.all().filter((question) => question.answer === undefined);
  const csvButton = dialogButton(
    say(context, 'Alle spørgsmål som CSV', 'All questions as CSV'),
    ASK_KOMBIT_DIALOGS.csv,
  );
  if (open.length === 0)
    return notice(
      say(context, 'Der er ingen ubesvarede spørgsmål til KOMBIT.', 'There are no unanswered questions to KOMBIT.'),
      {
        buttons: [csvButton],
      },
    );
  const now = context.turn.now;
  const lines = open.slice(0, LISTED).map((question) => {
    const age = ageText(question.askedAt, now, context.language);
    const taken = question.takenBy
      ? say(context, `, taget af ${nameOf(question.takenBy)}`, `, taken by ${nameOf(question.takenBy)}`)
      : '';
    const where = question.municipalityId ? `, ${municipalityNameOf(context.knowledge, question.municipalityId)}` : '';
    return `»${inert(question.text.slice(0, 200))}« (${nameOf(question.asker)}${where}; ${age}${taken})`;
  });
  const more = open.length > LISTED ? say(context, ` De ${LISTED} ældste:`, ` The ${LISTED} oldest:`) : '';
  const { source: _source, ...reply } = listReply({
    heading: say(context, 'Ubesvarede spørgsmål til KOMBIT', 'Unanswered questions to KOMBIT'),
    intro: say(context, `${open.length} venter på svar.${more}`, `${open.length} await an answer.${more}`),
    list: lines,
    source: '',
    buttons: [csvButton],
  });
  return [{ ...reply, notice: true }];
};

/** Where a question stands, in one word. */
function outcomeOf(question: StoredQuestion, language: Language): string {
  const words = {
    da: { delivered: 'besvaret og leveret', answered: 'besvaret, ikke leveret', taken: 'taget', open: 'åben' },
    en: { delivered: 'answered and delivered', answered: 'answered, not delivered', taken: 'taken', open: 'open' },
  }[language];
  if (question.deliveredAt) return words.delivered;
  if (question.answer) return words.answered;
  return question.takenBy ? words.taken : words.open;
}

/** Every handed-over question with its outcome, a row each (the asker's identity included: administrators only). */
export function questionRows(
  knowledge: Knowledge,
  questions: readonly StoredQuestion[],
  language: Language,
): string[][] {
  const local = (iso: string | undefined) =>
    iso ? (DateTime.fromISO(iso, { zone: ZONE }).toFormat('yyyy-LL-dd HH:mm') ?? '') : '';
  const header =
    language === 'da'
      ? [
          'Stillet',
          'Spørgsmål',
          'Tilføjet',
          'Sprog',
          'Spurgt af',
          'Kommune',
          'Kanal',
          'klikbot svarede',
          'Taget af',
          'Besvaret af',
          'Besvaret',
          'Svar',
          'Gemt som svar',
          'Leveret',
          'Timer til svar',
          'Udfald',
        ]
      : [
          'Asked',
          'Question',
          'Added',
          'Language',
          'Asked by',
          'Municipality',
          'Channel',
          'klikbot answered',
          'Taken by',
          'Answered by',
          'Answered',
          'Answer',
          'Saved as an answer',
          'Delivered',
          'Hours to answer',
          'Outcome',
        ];
  const rows = questions.map((question) => {
    const hours = hoursToAnswer(question);
    return [
      local(question.askedAt),
      question.text,
      question.note ?? '',
      question.language,
      `${question.asker.name ?? ''} (${question.asker.channel}:${question.asker.userId})`,
      question.municipalityId ? municipalityNameOf(knowledge, question.municipalityId) : '',
      question.askedIn.channel,
      question.klikbotAnswer ?? '',
      question.takenBy ? nameOf(question.takenBy) : '',
      question.answer ? nameOf(question.answer.by) : '',
      local(question.answer?.at),
      question.answer?.text ?? '',
      question.answer ? (question.answer.saved ? 'ja' : 'nej') : '',
      local(question.deliveredAt),
      hours === undefined ? '' : (Math.round(hours * 10) / 10).toString(),
      outcomeOf(question, language),
    ];
  });
  return [header, ...rows];
}

/** Every handed-over question with its outcome as a CSV file, for administrators. */
export const askKombitCsv: ActionDialog = async (context, _args, services) => {
  const ask = services.askKombit;
  if (!ask) return notHere(context);
  if (!administers(context, services)) return onlyAdministrators(context);
  const questions = ask.questions.all();
  const text = say(
    context,
    `Alle spørgsmål til KOMBIT med udfald som CSV-fil (${questions.length} spørgsmål).`,
    `Every question to KOMBIT with its outcome as a CSV file (${questions.length} questions).`,
  );
  const day = context.turn.now.setZone(ZONE).toISODate() ?? '';
  return [
    exportFile(context, text, {
      name: `${say(context, 'spoergsmaal-til-kombit', 'questions-to-kombit')}-${day}.csv`,
      content: spreadsheetCsv(questionRows(context.knowledge, questions, context.language)),
      again: { dialog: ASK_KOMBIT_DIALOGS.csv, args: {} },
    }),
  ];
};

/** The week's summary for the expert conversation: asked, answered, the median time to answer, and what is still open. */
export function weeklySummary(questions: readonly StoredQuestion[], now: DateTime): Reply {
  const context = { language: 'da' as const };
  const since = now.minus({ days: 7 }).toMillis();
  const inWeek = (iso: string | undefined) =>
    iso !== undefined && Date.parse(iso) >= since && Date.parse(iso) <= now.toMillis();
  const asked = questions.filter((question) => inWeek(question.askedAt));
  const answered = questions.filter((question) => inWeek(question.answer?.at));
  const open = questions.filter((question) => question.answer === undefined);
  const middle = median(answered.map((question) => hoursToAnswer(question)!));
  const facts = [
    { label: 'Stillet', value: String(asked.length) },
    { label: 'Besvaret', value: String(answered.length) },
    { label: 'Mediantid til svar', value: middle === undefined ? '–' : hoursText(middle, 'da') },
    { label: 'Åbne nu', value: String(open.length) },
  ];
  const oldest = open[0];
  const outro = oldest
    ? `Det ældste åbne spørgsmål er fra ${momentText(oldest.askedAt, 'da')}. Skriv 'ubesvarede spørgsmål' for listen.`
    : 'Alle spørgsmål er besvaret.';
  const heading = say(context, 'Ugens spørgsmål til KOMBIT', "The week's questions to KOMBIT");
  return {
    heading,
    intro: 'De seneste 7 dage:',
    text: `${heading}. De seneste 7 dage: ${facts.map((fact) => `${fact.label.toLowerCase()} ${fact.value}`).join(', ')}. ${outro}`,
    facts,
    outro,
  };
}
