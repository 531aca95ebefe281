import type { Reply } from '../../src/core/types.js';
import {
  sapaGroupOf,
  type Municipality,
  type Pilot,
  type SapaGroup,
  type SapaPlan,
  type SapaPlacement,
} from '../../src/knowledge/systems-queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { joinAnd } from '../shared/text.js';
import { say, sourceLine, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, notInMaterial, unknownReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';
import { municipalityOf, pilotSolution } from './pilots.js';
import { rolloutGroupAsked } from '../../src/understanding/rollout-questions.js';
import { queryWords } from '../../src/understanding/query-words.js';

function planOf(context: DialogContext): SapaPlan | undefined {
  return context.knowledge.sapaRollout.find((item): item is SapaPlan => item.kind === 'plan');
}

/** "fra NU/2018 til Q4/2019": the plan's first and last time label. */
function planRange(context: DialogContext, plan: SapaPlan): string {
  const first = plan.timeLabels[0] ?? '';
  const last = plan.timeLabels[plan.timeLabels.length - 1] ?? first;
  return say(context, `fra ${first} til ${last}`, `from ${first} to ${last}`);
}

/**
 * "over tidspunkterne NU/2018, Q1/2019, … og Q4/2019": the plan's time labels, each once, as the
 * whole plan's answer gives them ("hvilke kvartaler er der?"); one municipality's answer gives only
 * the range, lest a label seem to be its group's.
 */
function planTimes(context: DialogContext, plan: SapaPlan): string {
  const all = joinAnd([...new Set(plan.timeLabels)], context.language);
  return say(context, `over tidspunkterne ${all}`, `over the points in time ${all}`);
}

function documentLine(context: DialogContext, plan: SapaPlan): string {
  if (!plan.document) return '';
  return say(
    context,
    `Se "${plan.document.title}": ${plan.document.url}`,
    `See "${plan.document.title}": ${plan.document.url}`,
  );
}

/** When the group goes on SAPA, no more certain than the plan: a rough label, or that it cannot be read. */
function timingSentence(context: DialogContext, placement: SapaPlacement): string {
  const range = planRange(context, placement.plan);
  const rough = placement.plan.timesApproximate
    ? say(
        context,
        ' (tiderne er kun angivet groft, "i træskolængder")',
        ' (the times are only rough, "in clog lengths")',
      )
    : '';
  if (placement.timeLabel !== null && placement.approximate) {
    return say(
      context,
      `Gruppen står ved ca. ${placement.timeLabel}${rough}; planen løber ${range}.`,
      `The group stands at about ${placement.timeLabel}${rough}; the plan runs ${range}.`,
    );
  }
  if (placement.timeLabel !== null)
    return say(context, `Gruppen står ved ${placement.timeLabel}.`, `The group stands at ${placement.timeLabel}.`);
  return say(
    context,
    `Hvornår gruppen skal på SAPA, kan ikke aflæses af materialet: planen løber ${range}${rough}, men det fremgår ikke, hvilken gruppe der står ved hvilket tidspunkt.`,
    `When the group goes on SAPA cannot be read from the material: the plan runs ${range}${rough}, but it does not show which group stands at which time.`,
  );
}

function pilotSentence(context: DialogContext, pilot: Pilot | undefined): string | undefined {
  if (!pilot) return undefined;
  const role =
    pilot.group === 'pilot'
      ? say(context, 'SAPA-pilot', 'a SAPA pilot')
      : say(context, 'SAPA-præpilot', 'a SAPA pre-pilot');
  return say(
    context,
    `Kommunen er også ${role} (${pilotSolution(context, pilot)}).`,
    `The municipality is also ${role} (${pilotSolution(context, pilot)}).`,
  );
}

function placementReply(context: DialogContext, municipality: Municipality, placement: SapaPlacement): Reply {
  const others = placement.members.filter((member) => member.id !== municipality.id).map((member) => member.shortName);
  const together =
    others.length > 0
      ? say(context, `, sammen med ${joinAnd(others, 'da')}`, `, together with ${joinAnd(others, 'en')}`)
      : say(context, ', alene', ', on its own');
  const lead = say(
    context,
    `**${municipality.name}** er i gruppe ${placement.group} af ${placement.groupCount} i SAPAs udrulningsplan${together} (grupperne er aflæst af, hvor slidets alfabetiske rækkefølge starter forfra; nummeret er rækkefølgen på sliden, ikke en tid).`,
    `**${municipality.name}** is in group ${placement.group} of ${placement.groupCount} in SAPA's rollout plan${together} (the groups are read from where the slide's alphabetical order starts again; the number is the order on the slide, not a time).`,
  );
  const pilot = context.knowledge.pilots.find((candidate) => candidate.municipality === municipality.id);
  const lines = [
    lead,
    timingSentence(context, placement),
    pilotSentence(context, pilot),
    documentLine(context, placement.plan),
  ].filter((line): line is string => Boolean(line));
  return {
    heading: say(context, 'SAPA udrulningsplan', "SAPA's rollout plan"),
    text: lines.join('\n'),
    source: sourceLine(context, placement.source.label),
    buttons: [
      dialogButton(say(context, 'Hele udrulningsplanen', 'The whole rollout plan'), ANSWER_DIALOGS.rollout),
      dialogButton(say(context, 'SAPA-piloterne', 'The SAPA pilots'), ANSWER_DIALOGS.pilots),
      dialogButton(
        say(context, 'Strategier for Organisation', 'Strategies for Organisation'),
        ANSWER_DIALOGS.strategies,
      ),
    ],
  };
}

function planReply(context: DialogContext, plan: SapaPlan): Reply {
  const groups = context.knowledge.sapaRollout.filter((item): item is SapaGroup => item.kind === 'group');
  const count = context.knowledge.municipalities.length;
  const intro = say(
    context,
    `SAPAs udrulningsplan fordeler de ${count} kommuner i **${groups.length} grupper** ${planTimes(context, plan)}.`,
    `SAPA's rollout plan puts the ${count} municipalities in **${groups.length} groups** ${planTimes(context, plan)}.`,
  );
  const caveat = plan.mappingCertain
    ? say(context, 'Tiderne er kun angivet groft ("i træskolængder").', 'The times are only rough ("in clog lengths").')
    : say(
        context,
        'Tiderne er kun angivet groft ("i træskolængder"), og hvilken gruppe der står ved hvilket tidspunkt, kan ikke aflæses af materialet.',
        'The times are only rough ("in clog lengths"), and which group stands at which time cannot be read from the material.',
      );
  const list = groups.map((group) => {
    const names = group.members.map((id) => municipalityOf(context, id)?.shortName ?? id).join(', ');
    const when = group.timeLabel ? ` (${say(context, 'ca.', 'about')} ${group.timeLabel})` : '';
    return `${say(context, 'Gruppe', 'Group')} ${group.number}${when}: ${names}`;
  });
  return listReply({
    heading: say(context, 'SAPA udrulningsplan', "SAPA's rollout plan"),
    intro,
    list,
    after: [caveat, documentLine(context, plan)].filter(Boolean),
    source: sourcesLine(context, [plan.source.label]),
    buttons: [
      dialogButton(say(context, 'SAPA-piloterne', 'The SAPA pilots'), ANSWER_DIALOGS.pilots),
      dialogButton(
        say(context, 'Strategier for Organisation', 'Strategies for Organisation'),
        ANSWER_DIALOGS.strategies,
      ),
    ],
  });
}

/** "den første gruppe": one counted group of the plan, its members and how rough its timing is. */
function groupReply(context: DialogContext, plan: SapaPlan, group: SapaGroup, count: number): Reply {
  const names = group.members.map((id) => municipalityOf(context, id)?.shortName ?? id);
  const when = group.timeLabel ? ` (${say(context, 'ca.', 'about')} ${group.timeLabel})` : '';
  return {
    heading: say(context, 'SAPA udrulningsplan', "SAPA's rollout plan"),
    text: [
      say(
        context,
        `Gruppe ${group.number} af ${count} i SAPAs udrulningsplan${when}: ${joinAnd(names, 'da')} (nummeret er rækkefølgen på sliden, ikke en tid).`,
        `Group ${group.number} of ${count} in SAPA's rollout plan${when}: ${joinAnd(names, 'en')} (the number is the order on the slide, not a time).`,
      ),
      documentLine(context, plan),
    ]
      .filter(Boolean)
      .join('\n'),
    source: sourceLine(context, group.source.label),
    buttons: [
      dialogButton(say(context, 'Hele udrulningsplanen', 'The whole rollout plan'), ANSWER_DIALOGS.rollout),
      dialogButton(say(context, 'SAPA-piloterne', 'The SAPA pilots'), ANSWER_DIALOGS.pilots),
    ],
  };
}

/** The group a question counts ("first", "group 3", "last"), if the plan has it. */
function groupAsked(context: DialogContext): SapaGroup | undefined {
  const groups = context.knowledge.sapaRollout.filter((item): item is SapaGroup => item.kind === 'group');
  const asked = rolloutGroupAsked(queryWords(context.turn.text ?? '').tokens);
  if (asked === undefined) return undefined;
  return asked === 'last' ? groups.at(-1) : groups.find((group) => group.number === asked);
}

/** Where a municipality stands in SAPA's rollout plan (group, members, how rough the timing is), one group, or the plan itself. */
export const rollout: Dialog = (context, args) => {
  const plan = planOf(context);
  if (!plan) return unknownReply(context, 'Jeg har ingen udrulningsplan for SAPA.', 'I have no rollout plan for SAPA.');
  if (args.municipalityId === undefined) {
    const group = groupAsked(context);
    const count = context.knowledge.sapaRollout.filter((item) => item.kind === 'group').length;
    return [group ? groupReply(context, plan, group, count) : planReply(context, plan)];
  }
  const municipality = municipalityOf(context, args.municipalityId);
  if (!municipality) return unknownReply(context, 'Den kommune kender jeg ikke.', "I don't know that municipality.");
  const placement = sapaGroupOf(context.knowledge, municipality.id);
  if (!placement) {
    return notInMaterial(
      context,
      `${municipality.name} står ikke i SAPAs udrulningsplan i mine data.`,
      `${municipality.name} is not in SAPA's rollout plan in my data.`,
    );
  }
  return [placementReply(context, municipality, placement)];
};
