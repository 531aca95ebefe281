import type { Reply } from '../../src/core/types.js';
import type { KnowledgeKind } from '../../src/knowledge/registry.js';
import type { Passage } from '../../src/understanding/search/passages.js';
import { factSearchFor } from '../../src/understanding/search/fact-search.js';
import { contentStems } from '../../src/understanding/search/terms.js';
import type { Dialog, DialogContext } from '../types.js';
import { shortDate } from '../shared/text.js';
import { notUnderstood } from './help.js';
import { datesInLanguage, labelInLanguage, say, sourceLabel } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, shownText } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';

/** A passage as a button or router argument: "roles/kombit-programleder/profile.tasks.3". */
export function passageKey(passage: Passage): string {
  return `${passage.kind}/${passage.recordId}/${passage.field}`;
}

function passagesFor(context: DialogContext, keys: string[]): Passage[] {
  const search = factSearchFor(context.knowledge);
  return keys.flatMap((key) => {
    const [kind = '', recordId = '', field = ''] = key.split('/');
    const passage = search.passagesOf(kind as KnowledgeKind, recordId).find((one) => one.field === field);
    return passage ? [passage] : [];
  });
}

// the slides' footnote stars ("KOMBIT-SPOC*", "Projektejer *") explain nothing the material
// keeps, and in a card two of them turn the words between into italics
const footnoteStar = /\s?\*(?=[\s,;.)]|$)/g;

/** A passage's words as a card shows them, its dates written the answer's way. */
function quoted(context: DialogContext, text: string): string {
  return datesInLanguage(context, text.replace(footnoteStar, ''));
}

/**
 * A passage's words in the answer's language, where the record gives them in English too. A
 * line of the slides ("pros.1", "duration.text") keeps its Danish beside the English, so that
 * what the material says stays checkable; the glossary's explanation, written for the data, does not need to.
 */
function wordsOf(context: DialogContext, passage: Passage): string {
  // (a line that is the same in both languages, a name or an address, is said once)
  if (context.language !== 'en' || passage.english === undefined || passage.english === passage.text)
    return quoted(context, passage.text);
  return passage.kind === 'glossary' ? passage.english : `${passage.english} (_${quoted(context, passage.text)}_)`;
}

/** "Fra Rollegalleriet, udkast september 2018 (6. september 2018)" */
function citation(context: DialogContext, passage: Passage): string {
  if (!passage.source) return '';
  const asOf = shortDate(passage.source.asOf, context.language);
  return say(
    context,
    `Kilde: ${passage.source.label}, pr. ${asOf}`,
    `Source: ${sourceLabel(context, passage.source.label)}, as of ${asOf}`,
  );
}

/**
 * The answer where no dialog fits: the best passages, quoted in the data's own words with
 * the record they come from and its source, and a button to the whole record.
 */
export const factAnswer: Dialog = (context, args) => {
  const passages = passagesFor(context, (args.passages ?? '').split('|').filter(Boolean));
  const first = passages[0];
  if (!first) return notUnderstood(context, {});
  const sameRecord = passages.every((passage) => passage.kind === first.kind && passage.recordId === first.recordId);
  const lines = passages.map((passage) =>
    sameRecord ? wordsOf(context, passage) : `${passage.recordTitle}: ${wordsOf(context, passage)}`,
  );
  // (a name said with what its letters stand for: "»KSD« (Kommunernes Sygedagpengesystem)")
  const spelled = first.fullName && !lines.some((line) => line.includes(first.fullName!)) ? ` (${first.fullName})` : '';
  const title = sameRecord ? `»${first.recordTitle}«${spelled}` : say(context, 'materialet', 'the material');
  const inDanish = passages.some((passage) => passage.english === undefined) ? ', in Danish' : '';
  const intro = say(
    context,
    `Fra ${title} (${first.source?.label ?? 'Programledermøde'}):`,
    `From ${title} (${first.source ? labelInLanguage(context, first.source.label) : 'the meeting'}${inDanish}):`,
  );
  // the whole record is offered where it holds more than is shown
  const showsAll =
    sameRecord && factSearchFor(context.knowledge).passagesOf(first.kind, first.recordId).length <= passages.length;
  const button = dialogButton(
    say(context, `Vis hele »${first.recordTitle}«`, `Show all of "${first.recordTitle}"`),
    ANSWER_DIALOGS.factRecord,
    { kind: first.kind, id: first.recordId },
  );
  return [listReply({ intro, list: lines, source: citation(context, first), buttons: showsAll ? [] : [button] })];
};

/** Everything the knowledge holds on one record, passage by passage. */
export const factRecord: Dialog = (context, args) => {
  const passages = factSearchFor(context.knowledge).passagesOf((args.kind ?? '') as KnowledgeKind, args.id ?? '');
  const first = passages[0];
  if (!first) return notUnderstood(context, {});
  const lines = passages.map((passage) => wordsOf(context, passage));
  return [
    listReply({
      heading: first.recordTitle,
      intro: first.recordTitle,
      list: lines,
      source: citation(context, first),
      buttons: [],
    }),
  ];
};

function wordsShownIn(replies: Reply[]): Set<string> {
  return new Set(contentStems(shownText(replies)));
}

// An answer that already holds most of a passage's words has said it, if in other words.
const alreadySaid = 0.6;

function saidIn(shown: Set<string>, passage: Passage): boolean {
  const words = contentStems(passage.text);
  return words.length > 0 && words.filter((word) => shown.has(word)).length / words.length >= alreadySaid;
}

/**
 * What the knowledge says in the question's own words, beside another dialog's answer: only
 * the passages that answer does not already show, under their record's name.
 */
export function seeAlso(context: DialogContext, keys: string[], terms: string[], replies: Reply[]): Reply | undefined {
  const shown = wordsShownIn(replies);
  // the answer already holds every word asked about: the passage would only repeat it
  if (terms.every((term) => shown.has(term))) return undefined;
  const passages = passagesFor(context, keys).filter((passage) => !saidIn(shown, passage));
  const first = passages[0];
  if (!first) return undefined;
  const lines = passages.map((passage) => `${passage.recordTitle}: ${quoted(context, passage.text)}`);
  const intro = say(context, 'Materialet siger også:', 'The material also says (in Danish):');
  const button = dialogButton(
    say(context, `Vis hele »${first.recordTitle}«`, `Show all of "${first.recordTitle}"`),
    ANSWER_DIALOGS.factRecord,
    { kind: first.kind, id: first.recordId },
  );
  return listReply({ intro, list: lines, source: citation(context, first), buttons: [button] });
}
