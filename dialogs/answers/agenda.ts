import type { DateTime } from 'luxon';
import { ZONE } from '../../src/clock.js';
import { formatDate } from '../../src/core/format.js';
import type { Reply } from '../../src/core/types.js';
import { meetingInstant, meetingNotices, type Meeting } from '../../src/knowledge/queries.js';
import type { DialogContext } from '../types.js';
import { joinAnd, shortDate } from '../shared/text.js';
import { say, sourceLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';

/**
 * How a meeting's agenda is shown: today's from the clock, or a running meeting's from where
 * its host has got to. Shared by "dagens program" and the posts of a meeting being run.
 */

/** Where the agenda stands: the item in progress (-1: none), by the clock or where the host has got to. */
export interface AgendaView {
  meeting: Meeting;
  current: number;
  /** A pause the host announced, while it lasts. */
  pauseUntil?: DateTime;
}

/** "10.50": a time of day in Copenhagen, as the agenda writes times. */
export function clockTime(at: DateTime): string {
  return at.setZone(ZONE).toFormat('HH.mm');
}

/** The index of the agenda item running at `now` (from its start until the next item starts), or -1. */
export function clockIndex(meeting: Meeting, now: DateTime): number {
  const starts = meeting.agenda.map((item) => meetingInstant(meeting, item.start));
  const close = meetingInstant(meeting, meeting.end);
  return starts.findIndex((start, index) => now >= start && now < (starts[index + 1] ?? close));
}

function flaggedItems(meeting: Meeting): Set<number> {
  return new Set(meetingNotices(meeting).map((notice) => Number(notice.field?.split('.')[1])));
}

/** An item's times as written, and where the seed's times are wrong (a flagged anomaly) a note saying so and what is probably meant. */
export function itemTimes(context: DialogContext, meeting: Meeting, index: number): { times: string; note: string } {
  const item = meeting.agenda[index];
  if (!item) return { times: '', note: '' };
  const times = `${item.start}–${item.end}`;
  if (!item.seedAnomaly && !flaggedItems(meeting).has(index)) return { times, note: '' };
  const next = meeting.agenda[index + 1];
  const meant = next
    ? say(context, `, formentlig menes ${item.start}–${next.start}`, `, probably ${item.start}–${next.start} is meant`)
    : '';
  return { times, note: say(context, `sådan står det i programmet${meant}`, `as written in the programme${meant}`) };
}

/** "Støttesystemet Organisation (ved Peter Hansen)". */
export function itemTitle(context: DialogContext, meeting: Meeting, index: number): string {
  const item = meeting.agenda[index];
  if (!item) return '';
  return `${item.title}${item.presenter ? say(context, ` (ved ${item.presenter})`, ` (by ${item.presenter})`) : ''}`;
}

/**
 * One agenda line, numbered from 1 as the item posts ("Punkt 3 af 9") and `gå til punkt 3`
 * number the items, pauses included; the item in progress in bold and marked "▶ nu".
 */
export function agendaLine(context: DialogContext, meeting: Meeting, index: number, current: boolean): string {
  const { times, note } = itemTimes(context, meeting, index);
  const line = `${say(context, 'Punkt', 'Item')} ${index + 1}: ${times} ${itemTitle(context, meeting, index)}`;
  const noted = note ? ` (${note})` : '';
  return current ? `**${line}**${noted} ${say(context, '▶ nu', '▶ now')}` : `${line}${noted}`;
}

/** The first item after `index` that is no pause or buffer: what comes once a pause is over. */
export function nextTalkIndex(meeting: Meeting, index: number): number {
  return meeting.agenda.findIndex((item, at) => at > index && item.kind === 'item');
}

/**
 * "Lyden testes kl. 09.50 og 09.55." from the minutes before the start the meeting tests its
 * sound; only the tests from this minute on (a meeting started at 14.50 has none), unless
 * someone asks when they are.
 */
export function soundTestText(context: DialogContext, meeting: Meeting, { includePast = false } = {}): string {
  const opens = meetingInstant(meeting, meeting.start);
  const times = [...meeting.soundTestMinutesBefore]
    .sort((a, b) => b - a)
    .map((minutes) => opens.minus({ minutes }))
    .filter((at) => includePast || at >= context.turn.now.startOf('minute'))
    .map((at) => clockTime(at));
  if (times.length === 0) return '';
  // asked for, the tests are said as the slide says them too: "10 og 5 minutter før start"
  const minutes = [...meeting.soundTestMinutesBefore].sort((a, b) => b - a).map(String);
  const before = includePast
    ? say(
        context,
        ` (${joinAnd(minutes, 'da')} minutter før start)`,
        ` (${joinAnd(minutes, 'en')} minutes before the start)`,
      )
    : '';
  return say(
    context,
    `Lyden testes kl. ${joinAnd(times, 'da')}${before}.`,
    `Sound check at ${joinAnd(times, 'en')}${before}.`,
  );
}

function pauseLead(context: DialogContext, meeting: Meeting, current: number, until: DateTime): string {
  const next = meeting.agenda[nextTalkIndex(meeting, current)];
  const then = next ? say(context, ` Derefter: ${next.title}.`, ` Then: ${next.title}.`) : '';
  return say(
    context,
    `**Pause** — vi er tilbage kl. ${clockTime(until)}.${then}`,
    `**Break** — we are back at ${clockTime(until)}.${then}`,
  );
}

/** "Nu: …", "Pause — vi er tilbage kl. …", "Mødet starter kl. 10.00 (om 5 minutter)." or "Dagens møde sluttede kl. 12.00." */
function agendaLead(context: DialogContext, view: AgendaView): string {
  const { meeting, current } = view;
  const now = context.turn.now;
  if (view.pauseUntil) return pauseLead(context, meeting, current, view.pauseUntil);
  const running = meeting.agenda[current];
  if (running) {
    const { times: written, note } = itemTimes(context, meeting, current);
    const times = note ? `${written}, ${note}` : written;
    const next = meeting.agenda[current + 1];
    const then = next
      ? say(context, ` Derefter kl. ${next.start}: ${next.title}.`, ` Then at ${next.start}: ${next.title}.`)
      : '';
    return say(context, `Nu: **${running.title}** (${times}).${then}`, `Now: **${running.title}** (${times}).${then}`);
  }
  const opens = meetingInstant(meeting, meeting.start);
  // another day's programme (asked for by its date) says when, not how many minutes are left
  if (meeting.date !== now.setZone(ZONE).toISODate()) {
    const day = formatDate(meeting.date, context.language);
    return now < opens
      ? say(context, `Mødet er ${day} kl. ${meeting.start}.`, `The meeting is on ${day} at ${meeting.start}.`)
      : say(context, `Mødet var ${day}.`, `The meeting was on ${day}.`);
  }
  if (now < opens) {
    const minutes = Math.ceil(opens.diff(now, 'minutes').minutes);
    const sound = soundTestText(context, meeting);
    const starts = say(
      context,
      `Mødet starter kl. ${meeting.start} (om ${minutes} minutter).`,
      `The meeting starts at ${meeting.start} (in ${minutes} minutes).`,
    );
    return [starts, sound].filter(Boolean).join(' ');
  }
  return say(context, `Dagens møde sluttede kl. ${meeting.end}.`, `Today's meeting ended at ${meeting.end}.`);
}

function dayWords(context: DialogContext, meeting: Meeting): string {
  const today = context.turn.now.setZone(ZONE).toISODate();
  if (meeting.date === today) return say(context, 'i dag', 'today');
  return `${say(context, 'den', 'on')} ${shortDate(meeting.date, context.language)}`;
}

/** Where the meeting stands, for the one-sentence summary: "nu Velkomst", "pause til kl. 10.50", or nothing before and after. */
function standing(context: DialogContext, view: AgendaView): string {
  const running = view.meeting.agenda[view.current];
  if (view.pauseUntil)
    return say(context, `: pause til kl. ${clockTime(view.pauseUntil)}`, `: break until ${clockTime(view.pauseUntil)}`);
  return running ? say(context, `: nu ${running.title}`, `: now ${running.title}`) : '';
}

/**
 * The agenda card: the lead, the meeting's times and medium, every item with the current one
 * marked. Its notification is one sentence ("Program for … i dag kl. 10.00–15.00: nu …"), not
 * the whole agenda.
 */
export function agendaCard(context: DialogContext, view: AgendaView): Reply {
  const { meeting } = view;
  const span = `${meeting.start}–${meeting.end}`;
  const approx = meeting.timesApproximate ? say(context, ', cirka tider', ', approximate times') : '';
  const day = dayWords(context, meeting);
  const title = say(
    context,
    `**${meeting.title}** ${day} kl. ${span} på ${meeting.medium}${approx}:`,
    `**${meeting.title}** ${day} ${span} on ${meeting.medium}${approx}:`,
  );
  const summary = say(
    context,
    `Program for ${meeting.title} ${day} kl. ${span}${standing(context, view)}.`,
    `Agenda for ${meeting.title} ${day} ${span}${standing(context, view)}.`,
  );
  const today = meeting.date === context.turn.now.setZone(ZONE).toISODate();
  return listReply({
    heading: today ? say(context, 'Dagens program', "Today's agenda") : say(context, 'Program', 'Agenda'),
    intro: `${agendaLead(context, view)}\n${title}`,
    list: meeting.agenda.map((_item, index) => agendaLine(context, meeting, index, index === view.current)),
    source: sourceLine(context, meeting.source.label),
    buttons: [
      dialogButton(say(context, 'Nyheder', 'News'), ANSWER_DIALOGS.news),
      dialogButton(say(context, 'Spørgsmål efter mødet', 'Questions after the meeting'), ANSWER_DIALOGS.contacts, {
        topic: 'programledermoede',
      }),
      dialogButton(say(context, 'Næste programledermøde', 'Next programme leader meeting'), ANSWER_DIALOGS.nextMeeting),
    ],
    summary,
  });
}
