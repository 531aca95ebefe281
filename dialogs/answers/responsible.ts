import { findRole, findTask } from '../../src/knowledge/queries.js';
import type { Dialog, DialogContext } from '../types.js';
import { materialText, say, sourceLine } from '../shared/say.js';
import { ANSWER_DIALOGS } from '../names.js';
import { dialogButton } from '../shared/buttons.js';

function roleButtons(context: DialogContext, roleIds: string[]) {
  return roleIds.slice(0, 3).map((roleId) => {
    const name = findRole(context.knowledge, roleId)?.name ?? roleId;
    return dialogButton(say(context, `Om ${name}`, `About ${name}`), ANSWER_DIALOGS.role, { roleId });
  });
}

function names(context: DialogContext, roleIds: string[]): string {
  return roleIds.map((roleId) => findRole(context.knowledge, roleId)?.name ?? roleId).join(', ');
}

/** Who is responsible for a task or a dated fact: the role first, or plainly that the seed names none. */
export const responsible: Dialog = (context, args) => {
  const deadline = args.deadlineId
    ? context.knowledge.deadlines.find((item) => item.id === args.deadlineId)
    : undefined;
  const task = args.taskId ? findTask(context.knowledge, args.taskId) : undefined;
  const subject = task ?? deadline;
  if (!subject) return [{ text: say(context, 'Den opgave kender jeg ikke.', "I don't know that task.") }];
  const title = task ? task.title : deadline!.title;
  const roleIds = subject.responsibleRoles;
  const related = task?.relatedRoles ?? [];
  const lines: string[] = [];
  if (roleIds.length > 0) {
    lines.push(
      say(
        context,
        `**${names(context, roleIds)}** er ansvarlig for _${title}_.`,
        `**${names(context, roleIds)}** is responsible for _${title}_.`,
      ),
    );
  } else {
    lines.push(
      say(
        context,
        `Materialet nævner ingen ansvarlig rolle for _${title}_.`,
        `The material names no responsible role for _${title}_.`,
      ),
    );
    if (related.length > 0) {
      lines.push(
        say(
          context,
          `Opgaven handler om rollerne ${names(context, related)}.`,
          `The task concerns the roles ${names(context, related)}.`,
        ),
      );
    }
    lines.push(
      say(
        context,
        'KOMBIT-programlederen løser KLIK-opgaver eller finder den rette medarbejder til dem.',
        'The KOMBIT programme leader solves KLIK tasks or finds the right colleague for them.',
      ),
    );
    // "skal vi gøre noget ift. at KIGO lukker?": without a role, what the material says is to be done
    if (subject.description) lines.push(materialText(context, subject.description));
  }
  return [
    {
      heading: title,
      text: lines.join('\n'),
      source: sourceLine(context, subject.source.label),
      buttons: roleButtons(context, [...roleIds, ...related]),
    },
  ];
};
