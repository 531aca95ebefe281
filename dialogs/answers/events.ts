import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { formatDate } from '../../src/core/format.js';
import type { Reply, ReplyButton } from '../../src/core/types.js';
import { copenhagenDate, meetingInstant, upcomingMeetings } from '../../src/knowledge/queries.js';
import type { KlikEvent } from '../../src/knowledge/systems-queries.js';
import { noClockNote } from './event-clock.js';
import { words } from '../../src/knowledge/text.js';
import { stem } from '../../src/understanding/stem.js';
import type { Dialog, DialogContext } from '../types.js';
import { joinAnd, spanText, daysLeftText } from '../shared/text.js';
import { agendaCard, clockIndex } from './agenda.js';
import { agendaOn } from './dated-agenda.js';
import { meetingPractical } from './meeting-practical.js';
import { say, sourceLine, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listArg, optionalSpanArgs } from '../shared/args.js';
import { listReply, unknownReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';

const eventKind = z.enum(['kick-off', 'webinar', 'municipality-day', 'meeting', 'workshop']);
type EventKind = z.infer<typeof eventKind>;

// Plural and singular, Danish then English.
const kindWords: Record<EventKind, [string, string, string, string]> = {
  'kick-off': ['opstartsmøder', 'kick-off meetings', 'opstartsmøde', 'kick-off meeting'],
  webinar: ['webinarer', 'webinars', 'webinar', 'webinar'],
  'municipality-day': ['kommunedage', 'municipality days', 'kommunedag', 'municipality day'],
  meeting: ['programledermøder', 'programme leader meetings', 'programledermøde', 'programme leader meeting'],
  workshop: ['workshops', 'workshops', 'workshop', 'workshop'],
};

/** "webinarer og kommunedage", "1 webinar", or "begivenheder" when no kind is asked for. */
function whatText(context: DialogContext, kinds: EventKind[], count: number): string {
  const one = count === 1;
  if (kinds.length === 0) return one ? say(context, 'begivenhed', 'event') : say(context, 'begivenheder', 'events');
  if (kinds.length > 1 && one) return say(context, 'begivenhed', 'event');
  const pick = (kind: EventKind) => kindWords[kind][(one ? 2 : 0) + (context.language === 'da' ? 0 : 1)] ?? kind;
  return joinAnd(kinds.map(pick), context.language);
}

/** The first and last day an event's date covers (a month-only date covers the whole month). */
export function eventDays(event: KlikEvent): { first: string; last: string } {
  if (event.datePrecision === 'day') return { first: event.date, last: event.date };
  const month = DateTime.fromISO(`${event.date}-01`, { zone: ZONE });
  return { first: month.toISODate() ?? event.date, last: month.endOf('month').toISODate() ?? event.date };
}

/** "onsdag 14. november 2018 kl. 09.00–10.00, Odense: title (foreløbig dato)". */
export function eventLine(context: DialogContext, event: KlikEvent): string {
  const date = formatDate(event.date, context.language, event.datePrecision);
  const time = event.start ? ` ${say(context, 'kl.', 'at')} ${event.start}${event.end ? `–${event.end}` : ''}` : '';
  const place = event.place ? `, ${event.place}` : '';
  const marks = [
    ...(event.preliminary ? [say(context, 'foreløbig dato', 'preliminary date')] : []),
    ...(event.datePrecision === 'month' ? [say(context, 'dato ikke meldt ud', 'no date announced')] : []),
  ];
  return `${date}${time}${place}: ${event.title}${marks.length > 0 ? ` (${marks.join(', ')})` : ''}`;
}

const argsSchema = z
  .object({
    kinds: z.string().optional(),
    municipalityId: z.string().optional(),
    topic: z.string().optional(),
    // 'true': the question asks the time of day
    clock: z.enum(['true']).optional(),
  })
  .and(optionalSpanArgs);

/**
 * The events the question points at by place ("kommunedagen i Odense") or title words
 * ("webinaret om økonomi"), when some do: they lead, the rest follow.
 */
function pointedAt(events: KlikEvent[], municipalityId: string | undefined, topic: string | undefined): KlikEvent[] {
  const wanted = words(topic ?? '')
    .filter((word) => word.length > 3)
    .map(stem);
  const score = (event: KlikEvent) =>
    (municipalityId !== undefined && event.placeMunicipality === municipalityId ? 10 : 0) +
    words(event.title).filter((word) => wanted.includes(stem(word))).length;
  // the best fit only: "webinaret om økonomi" names both webinars' kind but one's subject
  const best = Math.max(0, ...events.map(score));
  return best === 0 ? [] : events.filter((event) => score(event) === best);
}

function eventButtons(context: DialogContext, shown: EventKind[]): ReplyButton[] {
  const buttons: ReplyButton[] = [];
  if (!shown.includes('webinar'))
    buttons.push(dialogButton(say(context, 'Webinarer', 'Webinars'), ANSWER_DIALOGS.events, { kinds: 'webinar' }));
  if (!shown.includes('municipality-day'))
    buttons.push(
      dialogButton(say(context, 'Kommunedage', 'Municipality days'), ANSWER_DIALOGS.events, {
        kinds: 'municipality-day',
      }),
    );
  buttons.push(
    dialogButton(say(context, 'Næste programledermøde', 'Next programme leader meeting'), ANSWER_DIALOGS.nextMeeting),
  );
  return buttons.slice(0, 3);
}

/** Date order; a month-only event goes after the dated ones of its month, since its day is unknown. */
function sorted(events: KlikEvent[]): KlikEvent[] {
  const key = (event: KlikEvent) => (event.datePrecision === 'month' ? `${eventDays(event).last}~` : event.date);
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => key(a.event).localeCompare(key(b.event)) || a.index - b.index)
    .map((entry) => entry.event);
}

function afterNotes(context: DialogContext, shown: KlikEvent[]): string[] {
  const notes: string[] = [];
  if (shown.some((event) => event.preliminary))
    notes.push(say(context, 'Foreløbige datoer kan flytte sig.', 'Preliminary dates may move.'));
  const links = [...new Set(shown.flatMap((event) => (event.link ? [event.link] : [])))];
  for (const link of links) notes.push(say(context, `Tilmelding: ${link}`, `Sign-up: ${link}`));
  return notes;
}

function emptyReply(
  context: DialogContext,
  what: string,
  when: string,
  next: KlikEvent | undefined,
  kinds: EventKind[],
): Reply {
  const none = say(context, `Der er ingen ${what} ${when} i mine data.`, `There are no ${what} ${when} in my data.`);
  const after = next
    ? say(context, `Den næste: ${eventLine(context, next)}.`, `The next one: ${eventLine(context, next)}.`)
    : '';
  return {
    text: [none, after].filter(Boolean).join('\n'),
    source: sourcesLine(context, next ? [next.source.label] : ['Programledermøde september 2018']),
    buttons: eventButtons(context, kinds),
  };
}

/**
 * Events (kick-offs, webinars, municipality days, meetings) in date order with place and
 * times: those in a span, or by default those not yet over on the clock's date.
 */
export const events: Dialog = (context, args) => {
  const parsed = argsSchema.safeParse(args);
  if (!parsed.success) return unknownReply(context, 'Den periode forstår jeg ikke.', "I don't understand that period.");
  const kinds = z.array(eventKind).safeParse(listArg(parsed.data.kinds));
  if (!kinds.success)
    return unknownReply(context, 'Den slags begivenhed kender jeg ikke.', "I don't know that kind of event.");
  const wantedKinds = kinds.data;
  const ofKind = sorted(
    context.knowledge.events.filter((event) => wantedKinds.length === 0 || wantedKinds.includes(event.kind)),
  );
  const today = copenhagenDate(context.turn.now);
  const { start, end } = parsed.data;
  const isPast = (event: KlikEvent) => eventDays(event).last < today;
  // a kind asked for by name is shown whole, past ones marked: "hvornår var opstartsmøderne?"
  const inSpan = (event: KlikEvent) =>
    start && end
      ? eventDays(event).first <= end && eventDays(event).last >= start
      : wantedKinds.length > 0 || !isPast(event);
  const inView = ofKind.filter(inSpan);
  const pointed = pointedAt(inView, parsed.data.municipalityId, parsed.data.topic);
  const shown = pointed.length > 0 ? [...pointed, ...inView.filter((event) => !pointed.includes(event))] : inView;
  const when = start && end ? spanText(context, start, end) : say(context, 'fremover', 'ahead');
  const first = pointed.find((event) => !isPast(event)) ?? shown.find((event) => !isPast(event)) ?? shown[0];
  if (!first)
    return [
      emptyReply(
        context,
        whatText(context, wantedKinds, 0),
        when,
        ofKind.find((event) => eventDays(event).first > (end ?? today)),
        wantedKinds,
      ),
    ];
  const days = first.datePrecision === 'day' ? daysLeftText(context, first.date) : '';
  const intro =
    start && end
      ? `**${shown.length} ${whatText(context, wantedKinds, shown.length)}** ${when}:`
      : say(
          context,
          `Næste: **${eventLine(context, first)}**${days}.`,
          `Next: **${eventLine(context, first)}**${days}.`,
        );
  return [
    listReply({
      heading: say(context, 'Begivenheder', 'Events'),
      intro,
      list: shown.map(
        (event) => `${eventLine(context, event)}${isPast(event) ? say(context, ' (afholdt)', ' (held)') : ''}`,
      ),
      // (the time of the events pointed at, else of the next one)
      after: [
        ...(parsed.data.clock ? noClockNote(context, pointed.length > 0 ? pointed : [first]) : []),
        ...afterNotes(context, shown),
      ],
      source: sourcesLine(
        context,
        shown.map((event) => event.source.label),
      ),
      buttons: eventButtons(context, wantedKinds),
    }),
  ];
};

/** The next programme leader meeting (month precision where the seed gives only the month), and any remaining runs of the current one. */
export const nextMeeting: Dialog = (context) => {
  const today = copenhagenDate(context.turn.now);
  const next = sorted(
    context.knowledge.events.filter((event) => event.kind === 'meeting' && eventDays(event).last >= today),
  )[0];
  const runs = upcomingMeetings(context.knowledge, context.turn.now).filter(
    (meeting) => meetingInstant(meeting, meeting.start) > context.turn.now,
  );
  const runLines = runs.map(
    (meeting) =>
      `${formatDate(meeting.date, context.language)} ${say(context, 'kl.', 'at')} ${meeting.start}–${meeting.end}`,
  );
  const title = runs[0]?.title ?? '';
  const repeat =
    runs.length > 0
      ? say(
          context,
          `${title} holdes også ${joinAnd(runLines, 'da')} (samme program).`,
          `${title} also runs ${joinAnd(runLines, 'en')} (same programme).`,
        )
      : '';
  const buttons = [
    dialogButton(say(context, 'Webinarer og kommunedage', 'Webinars and municipality days'), ANSWER_DIALOGS.events),
    dialogButton(say(context, 'Nyheder', 'News'), ANSWER_DIALOGS.news),
  ];
  // "hvornår slutter mødet?" during a run, or on its day: that run is the meeting meant
  const [soonest] = upcomingMeetings(context.knowledge, context.turn.now);
  if (soonest && soonest.date === today) {
    const running = meetingInstant(soonest, soonest.start) <= context.turn.now;
    const lead = running
      ? say(
          context,
          `**${soonest.title}** er i gang nu: kl. ${soonest.start}–${soonest.end}, slutter kl. ${soonest.end}.`,
          `**${soonest.title}** is on now: ${soonest.start}–${soonest.end}, ending at ${soonest.end}.`,
        )
      : say(
          context,
          `**${soonest.title}** er i dag kl. ${soonest.start}–${soonest.end}.`,
          `**${soonest.title}** is today, ${soonest.start}–${soonest.end}.`,
        );
    const later = runLines.slice(running ? 0 : 1);
    const also =
      later.length > 0
        ? say(
            context,
            `Samme program holdes også ${joinAnd(later, 'da')}.`,
            `The same programme also runs ${joinAnd(later, 'en')}.`,
          )
        : '';
    const after = next && next.date > today ? nextMeetingLead(context, next) : '';
    return [
      {
        heading: soonest.title,
        text: [lead, also, after].filter(Boolean).join('\n'),
        source: sourceLine(context, soonest.source.label),
        buttons,
      },
    ];
  }
  if (!next) {
    const none = say(
      context,
      'Mine data har ikke noget kommende programledermøde.',
      'My data has no coming programme leader meeting.',
    );
    return [
      {
        text: [none, repeat].filter(Boolean).join('\n'),
        source: sourcesLine(context, ['Programledermøde september 2018']),
        buttons,
      },
    ];
  }
  return [
    {
      heading: next.title,
      text: [nextMeetingLead(context, next), repeat].filter(Boolean).join('\n'),
      source: sourceLine(context, next.source.label),
      buttons,
    },
  ];
};

/** "Næste programledermøde er i november 2018; datoen er ikke meldt ud endnu." */
function nextMeetingLead(context: DialogContext, next: KlikEvent): string {
  const date = formatDate(next.date, context.language, next.datePrecision);
  return next.datePrecision === 'month'
    ? say(
        context,
        `Næste programledermøde er **i ${date}**; datoen er ikke meldt ud endnu.`,
        `The next programme leader meeting is **in ${date}**; the date has not been announced yet.`,
      )
    : say(
        context,
        `Næste programledermøde er **${date}**${daysLeftText(context, next.date)}.`,
        `The next programme leader meeting is **${date}**${daysLeftText(context, next.date)}.`,
      );
}

/** No meeting today: says so, with the next run or else the next programme leader meeting. */
export function noMeetingToday(context: DialogContext): Reply[] {
  const today = formatDate(copenhagenDate(context.turn.now), context.language);
  const none = say(
    context,
    `Der er intet programledermøde i dag (${today}).`,
    `There is no programme leader meeting today (${today}).`,
  );
  const [run] = upcomingMeetings(context.knowledge, context.turn.now);
  if (run) {
    const when = `${formatDate(run.date, context.language)} ${say(context, 'kl.', 'at')} ${run.start}–${run.end}`;
    return [
      {
        text: `${none}\n${say(context, `Næste: ${when}.`, `Next: ${when}.`)}`,
        source: sourceLine(context, run.source.label),
        buttons: [
          dialogButton(
            say(context, 'Næste programledermøde', 'Next programme leader meeting'),
            ANSWER_DIALOGS.nextMeeting,
          ),
        ],
      },
    ];
  }
  const [reply] = nextMeeting(context, {});
  return [{ ...reply!, text: `${none}\n${reply!.text}` }];
}

/**
 * Today's meeting agenda with times and presenters, the running item marked from the clock
 * (a meeting run in the conversation is shown by the meeting dialogs); or the next meeting.
 */
export const agendaToday: Dialog = (context, args) => {
  // "hvornår tester vi lyd?", "hvem står bag mødet?": the practical side, not the programme
  const practical = args.aspect === 'practical' ? meetingPractical(context, args.start, args.end) : undefined;
  if (practical) return practical;
  // "programmet for mødet i november": the meeting of the day or month named, if the material has it
  const span = optionalSpanArgs.safeParse(args);
  if (span.success && span.data.start !== undefined) return agendaOn(context, span.data);
  const today = copenhagenDate(context.turn.now);
  const meeting = context.knowledge.meetings.find((candidate) => candidate.date === today);
  if (!meeting) return noMeetingToday(context);
  return [agendaCard(context, { meeting, current: clockIndex(meeting, context.turn.now) })];
};
