import type { Topic } from '../../src/knowledge/schemas/topics.js';
import { normalize } from '../../src/knowledge/text.js';
import type { DialogContext } from '../types.js';
import { say } from '../shared/say.js';

/*
 * The role gallery as a whole ("hvad er rollegalleriet?", "er rollelisten færdig?", "what's next
 * for the role catalogue?"): what it is, how the September draft is ordered, and the gallery's
 * own slides beside its role lists (the municipalities' input, the way ahead), from the data.
 */

const GALLERY = 'Rollegalleriet';

/** What the role gallery is, in the glossary's words, with the glossary's label. */
export function galleryMeaning(context: DialogContext): { text: string; label: string } | undefined {
  const entry = context.knowledge.glossary.find((candidate) => normalize(candidate.term) === normalize(GALLERY));
  return entry && { text: say(context, entry.meaning, entry.meaningEn), label: entry.source.label };
}

/** How the September 2018 draft orders the roles, and how many roles only it has. */
export function draftOrder(context: DialogContext, draftOnly: number): string {
  return say(
    context,
    `Udkastet fra september 2018 nævner desuden ${draftOnly} roller og rollegrupper og ordner rollerne efter fase: implementering og drift og forvaltning.`,
    `The September 2018 draft also names ${draftOnly} roles and role groups and sorts the roles by phase: implementation and operations.`,
  );
}

// a line naming this many roles is one of the gallery's role lists, which the roles themselves show
const listedRoles = 3;

/**
 * The lines of a slide that are no list of roles and no question the slide only poses ("Hvornår er
 * Rollegalleriet så klar?"), in English with the slide's Danish beside where the data has it.
 */
function linesBesideRoles(context: DialogContext, topic: Topic): string[] {
  const english = context.language === 'en' ? topic.pointsEn : undefined;
  const plain = (line: string) => line.replace(/\.$/, '');
  return topic.points
    .map((point, index) => ({ point, english: english?.[index] }))
    .filter(({ point }) => !point.trim().endsWith('?'))
    .filter(({ point }) => context.knowledge.roles.filter((role) => point.includes(role.name)).length < listedRoles)
    .map(({ point, english: line }) =>
      line === undefined || line === point ? plain(point) : `${plain(line)} (_${plain(point)}_)`,
    );
}

/**
 * One line for each of the gallery's slides ("Rollegalleriet: Det videre forløb", "… Jeres input i
 * overskrifter…"): its heading and what it says beside its lists of roles, with the slides' labels.
 */
export function gallerySlideLines(context: DialogContext): { lines: string[]; labels: string[] } {
  const prefix = normalize(GALLERY);
  const slides = context.knowledge.topics
    .filter((topic) => normalize(topic.title).startsWith(`${prefix} `))
    .map((topic) => ({ topic, lines: linesBesideRoles(context, topic) }))
    .filter((slide) => slide.lines.length > 0);
  const lines = slides.map(({ topic, lines: said }) => {
    const heading = topic.title.replace(/^[^:]*:\s*/, '');
    return `**${heading}**${/[…:.]$/.test(heading) ? '' : ':'} ${said.join('; ')}`;
  });
  return { lines, labels: slides.map(({ topic }) => topic.source.label) };
}
