import type { Reply } from '../../src/core/types.js';
import type { TaskKind } from '../../src/knowledge/queries.js';
import type { SupportSystem } from '../../src/knowledge/schemas/support-systems.js';
import { normalize } from '../../src/knowledge/text.js';
import type { DialogContext } from '../types.js';
import { taskKindNames, taskKindText } from '../shared/text.js';
import { say, sourcesLine } from '../shared/say.js';
import { listReply } from '../shared/replies.js';
import { dialogButton } from '../shared/buttons.js';
import { ANSWER_DIALOGS } from '../names.js';
import { stateText } from './task-lines.js';

/** What a kind of task means, in the glossary's words, where the glossary has the kind as a word. */
function kindMeaning(context: DialogContext, kind: TaskKind): { text: string; label: string } | undefined {
  // the glossary's word is the kind's name or within it ("opgaver i drift og forvaltning")
  const names = taskKindNames(kind).map(normalize);
  const entry = context.knowledge.glossary.find((candidate) =>
    [candidate.term, ...(candidate.aliases ?? [])].some((word) =>
      names.some((name) => name === normalize(word) || ` ${name} `.includes(` ${normalize(word)} `)),
    ),
  );
  if (!entry) return undefined;
  return { text: say(context, entry.meaning, entry.meaningEn), label: entry.source.label };
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da') + text.slice(1);
}

/**
 * "hvad er forskellen på basisopgaver og løsningsspecifikke opgaver?", "which FK tasks are done
 * once and which per system?": each kind asked about, what it means and its tasks, side by side.
 */
export function kindsCompared(context: DialogContext, kinds: TaskKind[], system: SupportSystem | undefined): Reply[] {
  const labels: string[] = [];
  const list = kinds.map((kind) => {
    const tasks = context.knowledge.tasks.filter(
      (task) => task.kind === kind && (!system || task.supportSystem === system.name),
    );
    labels.push(...tasks.map((task) => task.source.label));
    const meaning = kindMeaning(context, kind);
    if (meaning) labels.push(meaning.label);
    // (a task whose kind is read, not stated, says so, as the task list does)
    const named = tasks.map(
      (task) =>
        `${task.title}${task.kindCertain ? '' : say(context, ' (art ikke sikker)', ' (kind not certain)')}, ${stateText(context, task)}`,
    );
    const listed = named.length > 0 ? named.join('; ') : say(context, 'ingen i mit materiale', 'none in my material');
    return `**${capitalised(taskKindText(context, kind, 'many'))}**: ${meaning ? `${meaning.text} ` : ''}${say(context, 'Opgaverne', 'The tasks')}: ${listed}.`;
  });
  const forSystem = system ? ` (${system.name})` : '';
  return [
    listReply({
      heading: say(context, 'KLIK-opgavernes slags', 'Kinds of KLIK task'),
      intro: say(context, `Forskellen på de slags opgaver${forSystem}:`, `How the kinds of task differ${forSystem}:`),
      list,
      source: sourcesLine(context, labels),
      buttons: kinds.map((kind) =>
        dialogButton(
          say(context, `Alle ${taskKindText(context, kind, 'many')}`, `All ${taskKindText(context, kind, 'many')}`),
          ANSWER_DIALOGS.taskList,
          { kind },
        ),
      ),
    }),
  ];
}
