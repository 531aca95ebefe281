import { administers } from '../membership/acting-for.js';
import { REFRESH_DIALOGS } from '../names.js';
import { notice } from '../shared/replies.js';
import { say } from '../shared/say.js';
import type { ActionDialog } from '../types.js';

/**
 * "genindlæs data" (administrators): the knowledge is read again from its folder and checked as
 * at start; from the next question on, answers and reminders use it. Anything wrong leaves the
 * data in use as it was, and the problems are named.
 */
export const knowledgeReload: ActionDialog = async (context, _args, services) => {
  if (!administers(context, services))
    return notice(
      say(context, 'Kun en administrator kan genindlæse data.', 'Only an administrator can reload the data.'),
    );
  if (!services.reloadKnowledge)
    return notice(say(context, 'Her kan data ikke genindlæses.', 'The data cannot be reloaded here.'));
  const reloaded = await services.reloadKnowledge();
  if (!reloaded.ok)
    return notice(
      say(
        context,
        `Data er ikke genindlæst; jeg svarer fortsat ud fra de data, jeg havde. Problemerne:\n${reloaded.problems}`,
        `The data was not reloaded; I still answer from the data I had. The problems:\n${reloaded.problems}`,
      ),
    );
  return [
    {
      text: say(
        context,
        'Data er genindlæst og tjekket: fra næste spørgsmål svarer og påminder jeg ud fra dem. (Kommunernes e-mail-domæner læses kun ved start; kører klikbot i flere instanser, genindlæser hver sine data: send SIGHUP til dem alle.)',
        "The data was reloaded and checked: from the next question on I answer and remind from it. (The municipalities' email domains are read at start only; where klikbot runs as several instances, each reloads its own: send SIGHUP to them all.)",
      ),
    },
  ];
};

/** The refresh dialogs. */
export const refreshDialogsByName: Record<string, ActionDialog> = { [REFRESH_DIALOGS.reload]: knowledgeReload };
