import { upcomingMeetings } from '../../src/knowledge/queries.js';
import type { ActionDialog, DialogContext } from '../types.js';
import { clockTime } from '../answers/agenda.js';
import { inert, joinAnd, shortDate } from '../shared/text.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';
import { reminderMoments } from './before.js';
import { meetingsUnavailableReply, sessionKey, type WithMeetings } from './host.js';

/**
 * "mind os om mødet" / "stop mødepåmindelser": reminders in this conversation before each
 * programme leader meeting, 15 minutes before it starts and at its sound tests.
 */

/** "Næste gang: 6. september kl. 09.45, 09.50 og 09.55." from the next meeting's moments. */
function nextLine(context: DialogContext): string {
  const [next] = upcomingMeetings(context.knowledge, context.turn.now);
  if (!next) return '';
  const times = reminderMoments(next)
    .filter((moment) => moment.at > context.turn.now)
    .map((moment) => clockTime(moment.at));
  if (times.length === 0) return '';
  const when = `${shortDate(next.date, context.language)} ${say(context, 'kl.', 'at')} ${joinAnd(times, context.language)}`;
  return say(context, ` Næste gang: ${when}.`, ` Next time: ${when}.`);
}

/** " (Slået til af Mette.)": everyone here is told who changed what they all get. */
function byWhom(context: DialogContext, on: boolean): string {
  const who = context.turn.user.name ? inert(context.turn.user.name) : undefined;
  if (!who) return '';
  return on
    ? say(context, ` (Slået til af ${who}.)`, ` (Turned on by ${who}.)`)
    : say(context, ` (Slået fra af ${who}.)`, ` (Turned off by ${who}.)`);
}

/** 'meeting-remind': this conversation is reminded before each meeting from now on. */
export const meetingRemind: ActionDialog = async (context, _args, services: WithMeetings) => {
  const reminders = services.meetings?.reminders;
  if (!reminders) return meetingsUnavailableReply(context);
  const outcome = await reminders.subscribe(sessionKey(context), context.language);
  const how = say(
    context,
    "15 minutter før hvert programledermøde og ved lydtestene. Skriv 'stop mødepåmindelser' for at stoppe dem.",
    "15 minutes before each programme leader meeting and at the sound checks. Type 'stop meeting reminders' to stop them.",
  );
  const lead =
    outcome === 'already'
      ? say(context, 'Jeg minder jer allerede om møderne her:', 'I already remind you of the meetings here:')
      : say(context, 'Jeg minder jer om møderne her:', 'I will remind you of the meetings here:');
  const text = `${lead} ${how}${nextLine(context)}${byWhom(context, true)}`;
  // a second ask changes nothing: said to the asker, not posted again for everyone
  return outcome === 'already' ? notice(text) : [{ text, broadcast: true }];
};

/** 'meeting-remind-stop': no more reminders before meetings here. */
export const meetingRemindStop: ActionDialog = async (context, _args, services: WithMeetings) => {
  const reminders = services.meetings?.reminders;
  if (!reminders) return meetingsUnavailableReply(context);
  if (!(await reminders.unsubscribe(sessionKey(context))))
    return notice(
      say(
        context,
        "Her får I ingen mødepåmindelser. Skriv 'mind os om mødet' for at få dem.",
        "You get no meeting reminders here. Type 'remind us about the meeting' to get them.",
      ),
    );
  return [
    {
      text:
        say(
          context,
          "Jeg minder jer ikke længere om møderne her. Skriv 'mind os om mødet' for at starte igen.",
          "I no longer remind you of the meetings here. Type 'remind us about the meeting' to start again.",
        ) + byWhom(context, false),
      broadcast: true,
    },
  ];
};
