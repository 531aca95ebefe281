import { z } from 'zod';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import type { Strategy, StrategyRecommendation } from '../../src/knowledge/systems-queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { say, sourceLine, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, unknownReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';

const aspectSchema = z.enum(['steps', 'pros', 'cons', 'duration']).optional();
type Aspect = NonNullable<z.infer<typeof aspectSchema>>;

function strategiesOf(context: DialogContext): Strategy[] {
  return context.knowledge.strategies.filter((item): item is Strategy => item.kind === 'strategy');
}

function recommendationsOf(context: DialogContext): StrategyRecommendation[] {
  return context.knowledge.strategies.filter((item): item is StrategyRecommendation => item.kind === 'recommendation');
}

/** By id ("strategi-c") or, leniently, by letter ("C"). */
function findStrategy(context: DialogContext, wanted: string): Strategy | undefined {
  const key = wanted.trim().toLowerCase();
  return strategiesOf(context).find((strategy) => strategy.id === key || strategy.letter.toLowerCase() === key);
}

function nameOf(strategy: Strategy): string {
  return `${strategy.letter} ${strategy.name}`;
}

/**
 * The material's lines as the asker reads them: in English, the data's English of each line
 * with the slide's own Danish words beside it (what was said stays checkable); else as written.
 */
function linesIn(context: DialogContext, danish: string[], english: string[] | undefined): string[] {
  if (context.language === 'da' || english?.length !== danish.length) return danish;
  return danish.map((line, index) => `${english[index]} (_${line}_)`);
}

/** One line of the material, as `linesIn` gives a list. */
function lineIn(context: DialogContext, danish: string, english: string | undefined): string {
  return linesIn(context, [danish], english === undefined ? undefined : [english])[0]!;
}

/** "Især hvis …" as it reads inside a sentence: "især hvis …". */
function lowerFirst(line: string): string {
  return `${line.charAt(0).toLowerCase()}${line.slice(1)}`;
}

/**
 * A line with the conditions it comes with: "… (Kortere tid hvis …; Længere tid hvis …)"; in
 * English "…: shorter if …; longer if …", its Danish once beside the whole.
 */
function withConditions(
  context: DialogContext,
  danish: { text: string; details: string[] },
  english: { text?: string; details?: string[] },
): string {
  const inDanish = danish.details.length > 0 ? `${danish.text} (${danish.details.join('; ')})` : danish.text;
  const details = english.details?.length === danish.details.length ? english.details : undefined;
  const lowered = (details ?? []).map(lowerFirst);
  const inEnglish =
    english.text === undefined || details === undefined
      ? undefined
      : lowered.length > 0
        ? `${english.text}: ${lowered.join('; ')}`
        : english.text;
  return lineIn(context, inDanish, inEnglish);
}

/** "2–5 måneder" / "14 days": the figure first, in the asker's language. */
function durationFigure(context: DialogContext, duration: NonNullable<Strategy['duration']>): string {
  const span = duration.min === duration.max ? `${duration.min}` : `${duration.min}–${duration.max}`;
  const units = { months: say(context, 'måneder', 'months'), days: say(context, 'dage', 'days') } as Record<
    string,
    string
  >;
  const unit = duration.unit ?? '';
  return `${span} ${units[unit] ?? unit}`;
}

function durationText(context: DialogContext, strategy: Strategy): string {
  const { duration } = strategy;
  if (duration) {
    const line = withConditions(
      context,
      { text: duration.text, details: duration.conditions },
      { text: duration.textEn, details: duration.conditionsEn },
    );
    return `**${durationFigure(context, duration)}**: ${line}`;
  }
  const decide = strategy.steps.findIndex((step) => /hvor længe/i.test(step));
  if (decide < 0) return say(context, 'Materialet giver ingen varighed.', 'The material gives no duration.');
  const step = linesIn(context, strategy.steps, strategy.stepsEn)[decide];
  return say(context, `Materialet giver ingen varighed: "${step}".`, `The material gives no duration: ${step}.`);
}

function strategyButtons(context: DialogContext, except?: Strategy): ReplyButton[] {
  return strategiesOf(context)
    .filter((strategy) => strategy.id !== except?.id)
    .map((strategy) =>
      dialogButton(
        say(context, `Strategi ${strategy.letter}`, `Strategy ${strategy.letter}`),
        ANSWER_DIALOGS.strategies,
        { strategyId: strategy.id },
      ),
    );
}

function overviewReply(context: DialogContext): Reply {
  const strategies = strategiesOf(context);
  const intro = say(
    context,
    `Kommunen vælger én af **${strategies.length} strategier** for at få sine organisationsdata i STS Organisation:`,
    `The municipality chooses one of **${strategies.length} strategies** to get its organisation data into STS Organisation:`,
  );
  const recommendations = recommendationsOf(context).map(
    (item) => `${item.number}: ${withConditions(context, item, { text: item.textEn, details: item.detailsEn })}`,
  );
  const list = [
    ...strategies.map(
      (strategy) =>
        `${nameOf(strategy)}: ${
          strategy.duration
            ? lineIn(context, strategy.duration.text, strategy.duration.textEn)
            : (linesIn(context, strategy.steps, strategy.stepsEn)[0] ?? '')
        }`,
    ),
    ...recommendations.map((line) => `${say(context, 'Anbefaling', 'Recommendation')} ${line}`),
  ];
  const labels = context.knowledge.strategies
    .filter((item) => item.kind !== 'compliance-model')
    .map((item) => item.source.label);
  return listReply({
    heading: say(context, 'Strategier for Organisation', 'Strategies for Organisation'),
    intro,
    list,
    source: sourcesLine(context, labels),
    buttons: strategyButtons(context),
  });
}

function prosConsLines(
  context: DialogContext,
  strategy: Strategy,
  which: 'pros' | 'cons',
): { intro: string; list: string[] } {
  const items = linesIn(context, strategy[which], strategy[which === 'pros' ? 'prosEn' : 'consEn']);
  const word = which === 'pros' ? say(context, 'Fordele', 'Pros') : say(context, 'Ulemper', 'Cons');
  if (items.length === 0) {
    const recommended = recommendationsOf(context).find((item) =>
      item.text.toLowerCase().includes(strategy.name.toLowerCase()),
    );
    // (the recommendation's own condition belongs with it, inside the material's words: "… (især hvis man kun har KMD Sag sager i SAPA)")
    const advice =
      recommended &&
      withConditions(
        context,
        { text: recommended.text, details: recommended.details.map(lowerFirst) },
        { text: recommended.textEn, details: recommended.detailsEn },
      );
    const hint = advice
      ? say(context, ` KOMBIT anbefaler den dog: "${advice}".`, ` KOMBIT does recommend it, though: ${advice}.`)
      : '';
    return {
      intro: say(
        context,
        `Materialet giver ingen fordele eller ulemper for strategi ${nameOf(strategy)}.${hint}`,
        `The material gives no pros or cons for strategy ${nameOf(strategy)}.${hint}`,
      ),
      list: [],
    };
  }
  return {
    intro: say(
      context,
      `${word} ved strategi ${nameOf(strategy)} (sliden navngiver ikke strategien ved fordele og ulemper; de er knyttet til ${strategy.letter} ud fra rækkefølgen):`,
      `${word} of strategy ${nameOf(strategy)} (the slide does not name the strategy beside them; they are attributed to ${strategy.letter} by their order):`,
    ),
    list: items,
  };
}

function aspectReply(context: DialogContext, strategy: Strategy, aspect: Aspect): Reply {
  const heading = say(context, `Strategi ${nameOf(strategy)}`, `Strategy ${nameOf(strategy)}`);
  const buttons = strategyButtons(context, strategy).slice(0, 2);
  buttons.push(dialogButton(say(context, 'Alle strategier', 'All strategies'), ANSWER_DIALOGS.strategies));
  const source = sourceLine(context, strategy.source.label);
  if (aspect === 'duration')
    return { heading, text: `**${nameOf(strategy)}**: ${durationText(context, strategy)}`, source, buttons };
  if (aspect === 'steps') {
    const intro = say(
      context,
      `Strategi ${nameOf(strategy)} har ${strategy.steps.length} trin:`,
      `Strategy ${nameOf(strategy)} has ${strategy.steps.length} steps:`,
    );
    return listReply({ heading, intro, list: linesIn(context, strategy.steps, strategy.stepsEn), source, buttons });
  }
  const { intro, list } = prosConsLines(context, strategy, aspect);
  return list.length > 0
    ? listReply({ heading, intro, list, source, buttons })
    : { heading, text: intro, source, buttons };
}

function strategyReply(context: DialogContext, strategy: Strategy): Reply {
  const lead = `**${say(context, 'Strategi', 'Strategy')} ${nameOf(strategy)}**: ${durationText(context, strategy)}`;
  const hasProsCons = strategy.pros.length > 0 || strategy.cons.length > 0;
  const steps = linesIn(context, strategy.steps, strategy.stepsEn);
  const facts = hasProsCons
    ? [
        { label: say(context, 'Fordele', 'Pros'), value: linesIn(context, strategy.pros, strategy.prosEn).join('; ') },
        { label: say(context, 'Ulemper', 'Cons'), value: linesIn(context, strategy.cons, strategy.consEn).join('; ') },
      ]
    : [];
  const note = hasProsCons
    ? say(
        context,
        '(Sliden navngiver ikke strategien ved fordele og ulemper; de er knyttet til den ud fra rækkefølgen.)',
        '(The slide does not name the strategy beside its pros and cons; they are attributed by their order.)',
      )
    : prosConsLines(context, strategy, 'pros').intro;
  const stepsIntro = say(context, `${strategy.steps.length} trin:`, `${strategy.steps.length} steps:`);
  const intro = [lead, note].join('\n');
  const text = [
    lead,
    ...facts.map((fact) => `${fact.label}: ${fact.value}`),
    note,
    stepsIntro,
    ...steps.map((step) => `- ${step}`),
  ].join('\n');
  const buttons = strategyButtons(context, strategy).slice(0, 2);
  buttons.push(dialogButton(say(context, 'Alle strategier', 'All strategies'), ANSWER_DIALOGS.strategies));
  return {
    heading: say(context, `Strategi ${nameOf(strategy)}`, `Strategy ${nameOf(strategy)}`),
    text,
    intro,
    ...(facts.length > 0 ? { facts } : {}),
    list: steps,
    source: sourceLine(context, strategy.source.label),
    buttons,
  };
}

/** The Organisation strategies A/B/C with KOMBIT's recommendations, or one strategy's steps, pros, cons or duration. */
export const strategies: Dialog = (context, args) => {
  const aspect = aspectSchema.safeParse(args.aspect);
  // (of several named, the lettered strategies: "strategi B og compliance-testen" is B's)
  const several = typeof args.strategyIds === 'string' ? args.strategyIds.split(',') : [];
  const lettered = several.flatMap((id) => findStrategy(context, id) ?? []);
  const one = args.strategyId === undefined ? undefined : findStrategy(context, String(args.strategyId));
  if (several.length === 0 && args.strategyId === undefined) return [overviewReply(context)];
  const found = lettered.length > 0 ? lettered : one ? [one] : [];
  if (found.length === 0) return unknownReply(context, 'Den strategi kender jeg ikke.', "I don't know that strategy.");
  return found.map((strategy) =>
    aspect.success && aspect.data ? aspectReply(context, strategy, aspect.data) : strategyReply(context, strategy),
  );
};
