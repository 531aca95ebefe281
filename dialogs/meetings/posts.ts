import type { DateTime } from 'luxon';
import { formatDate } from '../../src/core/format.js';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import type { Meeting } from '../../src/knowledge/queries.js';
import type { DialogContext } from '../types.js';
import { clockTime, itemTimes, itemTitle, nextTalkIndex, soundTestText } from '../answers/agenda.js';
import { agendaButton, endButton, evaluationButton, nextButton, pauseButton, previousButton } from './host.js';
import { say, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply } from '../shared/replies.js';
import { ANSWER_DIALOGS, POLL_DIALOGS } from '../names.js';

/**
 * What a meeting run in a conversation posts for everyone there: the practicalities at the
 * start, each agenda item as the host moves on, pauses, and the follow-up at the end.
 */

/** The length of a break the "Pause" button offers. */
export const DEFAULT_PAUSE_MINUTES = 10;

/** "kl. 10.30–10.40, cirka" (with the note where the seed's times are wrong). */
function timesText(context: DialogContext, meeting: Meeting, index: number): string {
  const { times, note } = itemTimes(context, meeting, index);
  const approx = meeting.timesApproximate ? say(context, ', cirka', ', approximately') : '';
  return `${say(context, 'kl.', 'at')} ${times}${approx}${note ? `; ${note}` : ''}`;
}

/** "10.50–11.10 Annoncering af … (ved …)": an item as one line. */
function itemLine(context: DialogContext, meeting: Meeting, index: number): string {
  const item = meeting.agenda[index];
  return item ? `${item.start}–${item.end} ${itemTitle(context, meeting, index)}` : '';
}

/**
 * The host's controls on the start card, from the item the meeting starts at: next, a break,
 * a poll (how to write one), the evaluation, the end and the agenda. No "previous item": this
 * klikbot has no dialog for going back.
 */
function hostButtons(context: DialogContext, meeting: Meeting, at: number): ReplyButton[] {
  return [
    nextButton(context, at),
    pauseButton(context, DEFAULT_PAUSE_MINUTES),
    dialogButton(say(context, 'Ny afstemning', 'New poll'), POLL_DIALOGS.create),
    evaluationButton(context, meeting.id),
    endButton(context),
    agendaButton(context),
  ];
}

/**
 * The practicalities, pinned-style: the meeting's etiquette and when the sound is tested;
 * posted at the start (`at`: the item it starts at), it carries the host's controls.
 */
export function etiquetteCard(context: DialogContext, meeting: Meeting, at?: number): Reply {
  const welcome = say(
    context,
    `Velkommen til **${meeting.title}** på ${meeting.medium}.`,
    `Welcome to **${meeting.title}** on ${meeting.medium}.`,
  );
  const sound = soundTestText(context, meeting);
  const card = listReply({
    heading: say(context, '📌 Det praktiske', '📌 Practicalities'),
    intro: welcome,
    list: [...meeting.etiquette],
    after: sound ? [sound] : [],
    source: sourceLine(context, meeting.source.label),
    buttons: [agendaButton(context)],
  });
  // the host's six controls, past the three an answer card keeps
  return { ...card, ...(at === undefined ? {} : { buttons: hostButtons(context, meeting, at) }), broadcast: true };
}

function itemButtons(
  context: DialogContext,
  meeting: Meeting,
  index: number,
  evaluationStarted: boolean,
): ReplyButton[] {
  // back one, undoing a "næste punkt" pressed by mistake
  const back = index > 0 ? [previousButton(context, index)] : [];
  if (index < meeting.agenda.length - 1)
    return [nextButton(context, index), ...back, pauseButton(context, DEFAULT_PAUSE_MINUTES), agendaButton(context)];
  const evaluation = evaluationStarted ? [] : [evaluationButton(context, meeting.id)];
  return [...evaluation, ...back, endButton(context), agendaButton(context)];
}

/**
 * The post for the agenda item the meeting is now at: its time, presenter and what comes
 * next. The last item says the evaluation starts (and offers it, unless it was started).
 */
export function itemPost(
  context: DialogContext,
  meeting: Meeting,
  index: number,
  options: { evaluationStarted?: boolean } = {},
): Reply {
  const item = meeting.agenda[index];
  if (!item) throw new RangeError(`Meeting ${meeting.id} has no agenda item ${index}`);
  const last = index === meeting.agenda.length - 1;
  const lead = last ? say(context, 'Sidste punkt', 'Last item') : say(context, 'Nu', 'Now');
  const lines = [`${lead}: **${item.title}** (${timesText(context, meeting, index)}).`];
  if (item.presenter) lines.push(say(context, `Ved ${item.presenter}.`, `Presented by ${item.presenter}.`));
  const next = meeting.agenda[index + 1];
  if (next)
    lines.push(say(context, `Derefter kl. ${next.start}: ${next.title}.`, `Then at ${next.start}: ${next.title}.`));
  if (last) {
    if (meeting.evaluation) lines.push(meeting.evaluation);
    lines.push(
      options.evaluationStarted
        ? say(context, 'Evalueringen starter nu.', 'The evaluation starts now.')
        : say(
            context,
            'Evalueringen starter nu: værten sender den ud med knappen herunder.',
            'The evaluation starts now: the host sends it out with the button below.',
          ),
    );
  }
  return {
    heading: say(
      context,
      `Punkt ${index + 1} af ${meeting.agenda.length}`,
      `Item ${index + 1} of ${meeting.agenda.length}`,
    ),
    text: lines.join('\n'),
    source: sourceLine(context, meeting.source.label),
    buttons: itemButtons(context, meeting, index, options.evaluationStarted ?? false),
    broadcast: true,
  };
}

/** "Pause — vi er tilbage kl. 10.50." and the item that comes after it; for everyone, not a notice. */
export function pausePost(context: DialogContext, meeting: Meeting, current: number, until: DateTime): Reply {
  const back = say(
    context,
    `Pause — vi er tilbage kl. ${clockTime(until)}.`,
    `Break — we are back at ${clockTime(until)}.`,
  );
  const nextIndex = nextTalkIndex(meeting, current);
  const after =
    nextIndex === -1
      ? ''
      : say(
          context,
          `Derefter: ${itemLine(context, meeting, nextIndex)}.`,
          `Then: ${itemLine(context, meeting, nextIndex)}.`,
        );
  return {
    heading: say(context, '☕ Pause', '☕ Break'),
    text: [back, after].filter(Boolean).join('\n'),
    source: sourceLine(context, meeting.source.label),
    buttons: [nextButton(context, current), agendaButton(context)],
    broadcast: true,
  };
}

function followUpLines(context: DialogContext, meeting: Meeting): string[] {
  const { followUp, nextMeeting } = meeting;
  const materials =
    followUp.materialsText && followUp.materialsUrl
      ? `${followUp.materialsText}: ${followUp.materialsUrl}`
      : followUp.materialsText;
  if (context.language === 'da')
    return [followUp.questionsText, followUp.feedbackText, materials, nextMeeting?.text].filter(
      (line): line is string => Boolean(line),
    );
  const subject = followUp.questionsSubject ? ` (subject "${followUp.questionsSubject}")` : '';
  const next = nextMeeting
    ? formatDate(
        nextMeeting.precision === 'day' ? nextMeeting.date : `${nextMeeting.date}-01`,
        'en',
        nextMeeting.precision,
      )
    : undefined;
  return [
    `Questions that were not asked or answered today: write to ${followUp.questionsTo}${subject}.`,
    ...(followUp.feedbackTo ? [`Ideas for getting more out of these meetings: ${followUp.feedbackTo}.`] : []),
    ...(followUp.materialsUrl ? [`Today's slides: ${followUp.materialsUrl}`] : []),
    ...(next
      ? [`See you at the next programme leader meeting${nextMeeting?.precision === 'month' ? ' in' : ' on'} ${next}.`]
      : []),
  ];
}

/** The post when the host ends the meeting: thanks, and where questions, feedback and slides go. */
export function endPost(context: DialogContext, meeting: Meeting): Reply {
  const done = say(
    context,
    `**${meeting.title}** er afsluttet. Tak for i dag!`,
    `**${meeting.title}** has ended. Thank you for today!`,
  );
  const post = listReply({
    heading: say(context, 'Tak for i dag', 'Thank you for today'),
    intro: done,
    list: followUpLines(context, meeting),
    source: sourceLine(context, meeting.source.label),
    buttons: [
      dialogButton(say(context, 'Spørgsmål efter mødet', 'Questions after the meeting'), ANSWER_DIALOGS.contacts, {
        topic: 'programledermoede',
      }),
      dialogButton(say(context, 'Næste programledermøde', 'Next programme leader meeting'), ANSWER_DIALOGS.nextMeeting),
    ],
  });
  return { ...post, broadcast: true };
}
