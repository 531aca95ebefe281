import type { Reply, ReplyButton } from '../../src/core/types.js';
import type { Municipality, Pilot } from '../../src/knowledge/systems-queries.js';
import { pilotSolutionNamed, pilotSolutions, type PilotSolution } from '../../src/knowledge/queries/pilots.js';
import { queryWords } from '../../src/understanding/query-words.js';
import type { Dialog, DialogContext } from '../types.js';
import { joinAnd } from '../shared/text.js';
import { say, sourceLine, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply, notInMaterial, unknownReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';

export function municipalityOf(context: DialogContext, id: string): Municipality | undefined {
  return context.knowledge.municipalities.find((municipality) => municipality.id === id);
}

/** "Digital Identity, løsningen OS2 STS ORG Syncronizer": a pilot's vendor and solution as the material has them. */
export function pilotSolution(context: DialogContext, pilot: Pilot): string {
  if (pilot.vendor === null)
    return say(
      context,
      `ingen leverandør endnu, løsningen ${pilot.solution}`,
      `no vendor yet, the solution ${pilot.solution}`,
    );
  if (pilot.vendor === pilot.solution) return pilot.solution;
  return say(
    context,
    `${pilot.vendor}, løsningen ${pilot.solution}`,
    `${pilot.vendor}, the solution ${pilot.solution}`,
  );
}

// "hvilken løsning har Aarhus valgt som pilotkommune?" asks the solution, whatever word of piloting it has
const asksTheSolution = /l(ø|oe)sning|valgt|v(æ|ae)lg|solution|cho(se|ose|sen)|strateg|produkt|product/iu;

function pilotLine(context: DialogContext, pilot: Pilot): string {
  return `${municipalityOf(context, pilot.municipality)?.shortName ?? pilot.municipality}: ${pilotSolution(context, pilot)}`;
}

function allPilotsReply(context: DialogContext): Reply {
  const pilots = context.knowledge.pilots.filter((pilot) => pilot.group === 'pilot');
  const pre = context.knowledge.pilots.filter((pilot) => pilot.group === 'pre-pilot');
  const intro = say(
    context,
    `Pilotafprøvningen af SAPA har **${pilots.length} pilotkommuner** og ${pre.length} præpiloter, hver med sin organisationsløsning og eventuelle leverandør:`,
    `SAPA is tested by **${pilots.length} pilot municipalities** and ${pre.length} pre-pilots, each with its organisation solution and vendor, if any:`,
  );
  const list = [
    ...pilots.map((pilot) => pilotLine(context, pilot)),
    ...pre.map((pilot) => `${pilotLine(context, pilot)} (${say(context, 'præpilot', 'pre-pilot')})`),
  ];
  const after =
    pre.length > 0
      ? [
          say(
            context,
            'Hvilke der er præpiloter, er aflæst af materialets opstilling.',
            'Which are pre-pilots is read from the layout of the material.',
          ),
        ]
      : [];
  return listReply({
    heading: say(context, 'SAPA-piloter', 'SAPA pilots'),
    intro,
    list,
    after,
    source: sourcesLine(
      context,
      context.knowledge.pilots.map((pilot) => pilot.source.label),
    ),
    buttons: [
      dialogButton(say(context, 'Udrulningsplanen', 'The rollout plan'), ANSWER_DIALOGS.rollout),
      dialogButton(
        say(context, 'Strategier for Organisation', 'Strategies for Organisation'),
        ANSWER_DIALOGS.strategies,
      ),
    ],
  });
}

/** "Favrskov, Gentofte og Syddjurs (præpilot)": the pilots named, pre-pilots marked. */
function pilotNames(context: DialogContext, pilots: Pilot[]): string {
  const names = pilots.map((pilot) => {
    const name = municipalityOf(context, pilot.municipality)?.shortName ?? pilot.municipality;
    return pilot.group === 'pre-pilot' ? `${name} (${say(context, 'præpilot', 'pre-pilot')})` : name;
  });
  return joinAnd(names, context.language);
}

/** "hvem bruger OS2 sync?": one solution and the pilots that use it. */
function solutionReply(context: DialogContext, group: PilotSolution): Reply {
  const vendor = group.vendor && group.vendor !== group.solution ? ` (${group.vendor})` : '';
  const names = pilotNames(context, group.pilots);
  // how many, as "hvor mange pilotkommuner bruger …?" asks, before who
  const count = group.pilots.length;
  const many =
    count === 1
      ? say(context, '1 kommune', '1 municipality')
      : say(context, `${count} kommuner`, `${count} municipalities`);
  return {
    heading: say(context, 'SAPA-piloter', 'SAPA pilots'),
    text: say(
      context,
      `Blandt SAPA-piloterne bruges **${group.solution}**${vendor} af ${many}: ${names}.`,
      `Among the SAPA pilots, **${group.solution}**${vendor} is used by ${many}: ${names}.`,
    ),
    source: sourcesLine(
      context,
      group.pilots.map((pilot) => pilot.source.label),
    ),
    buttons: [dialogButton(say(context, 'Alle piloter', 'All pilots'), ANSWER_DIALOGS.pilots)],
  };
}

/** "Samme løsning hos Odense.": the other pilots with a pilot's solution, if any. */
function sameSolution(context: DialogContext, pilot: Pilot): string[] {
  const group = pilotSolutions(context.knowledge).find((candidate) => candidate.solution === pilot.solution);
  const others = (group?.pilots ?? []).filter((other) => other.id !== pilot.id);
  if (others.length === 0) return [];
  const names = pilotNames(context, others);
  return [say(context, `Samme løsning hos ${names}.`, `The same solution is used by ${names}.`)];
}

function municipalityButtons(context: DialogContext, municipality: Municipality): ReplyButton[] {
  return [
    dialogButton(say(context, 'Alle piloter', 'All pilots'), ANSWER_DIALOGS.pilots),
    dialogButton(
      say(
        context,
        `Hvornår skal ${municipality.shortName} på SAPA?`,
        `When does ${municipality.shortName} go on SAPA?`,
      ),
      ANSWER_DIALOGS.rollout,
      { municipalityId: municipality.id },
    ),
  ];
}

/** A municipality that is no pilot: "er Aarhus med i pilotafprøvningen?" is answered (no); the solution it chose is not known. */
function notAPilotReply(context: DialogContext, municipality: Municipality): Reply {
  const source = sourcesLine(
    context,
    context.knowledge.pilots.map((candidate) => candidate.source.label),
  );
  const [reply] = notInMaterial(
    context,
    `${municipality.name} er ikke blandt SAPA-piloterne, så materialet siger ikke, hvilken løsning kommunen har valgt.`,
    `${municipality.name} is not one of the SAPA pilots, so the material does not say which solution it chose.`,
  );
  const text = context.turn.text;
  const asksWhetherPilot = /pilot/iu.test(text) && !asksTheSolution.test(text);
  return { ...reply!, source, buttons: municipalityButtons(context, municipality), notKnown: !asksWhetherPilot };
}

/** One pilot's vendor and solution, the others with the same solution, and how sure its group is. */
function pilotReply(context: DialogContext, municipality: Municipality, pilot: Pilot): Reply {
  const kind =
    pilot.group === 'pilot'
      ? say(context, 'SAPA-pilot', 'a SAPA pilot')
      : say(context, 'SAPA-præpilot', 'a SAPA pre-pilot');
  const lines = [
    say(
      context,
      `**${municipality.name}** er ${kind}: ${pilotSolution(context, pilot)}.`,
      `**${municipality.name}** is ${kind}: ${pilotSolution(context, pilot)}.`,
    ),
    ...sameSolution(context, pilot),
  ];
  if (pilot.group === 'pre-pilot')
    lines.push(
      say(
        context,
        'At kommunen er præpilot, er aflæst af materialets opstilling.',
        'That it is a pre-pilot is read from the layout of the material.',
      ),
    );
  return {
    heading: say(context, 'SAPA-piloter', 'SAPA pilots'),
    text: lines.join('\n'),
    source: sourceLine(context, pilot.source.label),
    buttons: municipalityButtons(context, municipality),
  };
}

/** The SAPA pilots and pre-pilots with vendor and organisation solution, one solution's, or one municipality's. */
export const pilots: Dialog = (context, args) => {
  if (args.municipalityId === undefined) {
    const named = pilotSolutionNamed(context.knowledge, queryWords(context.turn.text ?? '').tokens);
    return [named ? solutionReply(context, named) : allPilotsReply(context)];
  }
  const municipality = municipalityOf(context, args.municipalityId);
  if (!municipality) return unknownReply(context, 'Den kommune kender jeg ikke.', "I don't know that municipality.");
  const pilot = context.knowledge.pilots.find((candidate) => candidate.municipality === municipality.id);
  return [pilot ? pilotReply(context, municipality, pilot) : notAPilotReply(context, municipality)];
};
