import type { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/registry.js';
import { agendaItemsAsked, asksAboutAgendaItem, namesAMeetingsWeekday, onlyAWeekday } from './agenda-items.js';
import { findTimes } from './dates/time-of-day.js';
import { answersFromKnowledge, meetingIntents, namesSomething, undatedIntents } from './reading-groups.js';
import type { FactSearch } from './search/fact-search.js';
import { CONFIDENCE_THRESHOLD, type DateSpan, type Entities, type Understanding } from './types.js';

// the words of a day said from today ("i dag", "today", "i morgen")
const relativeDay = /^(i|dag|idag|today|morgen|imorgen|tomorrow|overmorgen)$/;
// who presents a point: "præsenterer", "fremlægger", "holder oplæg", "presents", "speaks"
const askingWho = /^(hvem|who|whos)$/;
const presentingWord =
  /^(praesenter\w*|fremlaeg\w*|oplaeg\w*|taler|talte|talks?|talked|speaks?|speaking|spoke|presents?|presented|presenting|presenter\w*|presentation)$/;
// "mødet", "the meeting": the day's meeting named
const meetingWord = /^(moedet|meeting)$/;
const meetingOrPoint = /^(moede\w*|meetings?|punkt\w*|item|items|agenda\w*|dagsorden\w*|nyt|nyhed\w*|news)$/;
// "den", "det", "it": a word pointing back at the point just answered, in a short question
const pointingBack = /^(den|det|denne|dette|it|that|this)$/;
const shortFollowUp = 6;
// … asking who gives it ("står for", "holder", "presents"), when or how long
const askedOfAPoint =
  /^(hvornaar|when|laenge|long|varer|lasts|praesenterer|praesentere|presents|presenting|gives|holder|staar|tid|time)$/;
// Answers about a meeting, which a short follow-up about one of its points leans on
const meetingTopics = new Set<string>(['agenda.today', 'event.list', 'meeting.start']);

/** What a question names beyond what the last one named (a follow-up inherits the rest). */
function namedBeyond(entities: Entities, earlier: Entities): Entities {
  const beyond = (own: string[], before: string[]) => own.filter((id) => !before.includes(id));
  return {
    ...entities,
    tasks: beyond(entities.tasks, earlier.tasks),
    steps: entities.steps.filter(
      (step) => !earlier.steps.some((one) => one.taskId === step.taskId && one.number === step.number),
    ),
    roles: beyond(entities.roles, earlier.roles),
    itSystems: beyond(entities.itSystems, earlier.itSystems),
    interfaces: beyond(entities.interfaces, earlier.interfaces),
    supportSystems: beyond(entities.supportSystems, earlier.supportSystems),
    municipalities: beyond(entities.municipalities, earlier.municipalities),
    strategies: beyond(entities.strategies, earlier.strategies),
    deadlines: beyond(entities.deadlines, earlier.deadlines),
  };
}

/** "og hvem står for den?", "hvor længe varer det?" right after a point: the same point's key(s). */
function samePointAsked(
  tokens: string[],
  dates: DateSpan | undefined,
  resolved: Understanding,
  previous: Understanding | undefined,
): string[] | undefined {
  const items = previous?.intent === 'agenda.today' ? previous.entities.agendaItems : undefined;
  if (!items || dates || tokens.length > shortFollowUp) return undefined;
  // a thing the question names itself is its own question ("hvornår er det KIGO lukker?")
  if (namesSomething(namedBeyond(resolved.entities, previous!.entities))) return undefined;
  const asked = tokens.some((token) => pointingBack.test(token)) && tokens.some((token) => askedOfAPoint.test(token));
  return asked ? items : undefined;
}

/** What the reading of a point of a programme reads from. */
interface AgendaReading {
  knowledge: Knowledge;
  search: FactSearch;
  input: { text: string; now: DateTime; previous?: Understanding };
  tokens: string[];
  resolved: Understanding;
  dates: DateSpan | undefined;
  dateWords: [number, number] | undefined;
}

/** The reading that asks for these points of a programme. */
function pointReading(resolved: Understanding, agendaItems: string[]): Understanding {
  return {
    ...resolved,
    intent: 'agenda.today',
    confidence: Math.max(resolved.confidence, CONFIDENCE_THRESHOLD),
    entities: { ...resolved.entities, agendaItems },
  };
}

const pointNoun = /^(punktet|punkterne|item|items|slot|slots|indslaget|oplaegget|sessionen|session|bit|part|delen)$/;
const deadlineWord = /^(deadline\w*|frist\w*|due)$/;

/** Whether the question's own day has a meeting, and whether the question is open to being a point of one. */
function openToAPoint(reading: AgendaReading): { meetingDay: boolean; open: boolean } {
  const { knowledge, input, tokens, resolved, dates, dateWords } = reading;
  // (the question's own day: after a question about a meeting, "hvornår er deadline for BBR?" is no point of it)
  // (a meeting named by its weekday names that meeting's day, where no day of a month is said)
  const weekdayAlone = dateWords === undefined || onlyAWeekday(tokens.slice(...dateWords));
  const meetingDay =
    (dates !== undefined &&
      knowledge.meetings.some((meeting) => meeting.date >= dates.start && meeting.date <= dates.end)) ||
    (weekdayAlone && namesAMeetingsWeekday(knowledge, tokens));
  // "hvad sker der kl. 11.10 den 14. september?": a time of day on a meeting's day asks for its
  // point; so does when or how long, asked with a meeting's day, whatever the point's words name
  // ("hvornår snakker de om SKI-aftalen på mødet den 12.?" is that point, not SKI's deadline)
  // (a day named: "i dag" on a meeting day is no reason to read "deadline for FK-ansvarlig, nævnt i dag" as a point)
  // … though "på mødet i dag" names the day's meeting, where nothing else is named ("hvornår er
  // nyhederne på mødet i dag?", not "deadline for FK-ansvarlig, nævnt på mødet i dag")
  const dayNamed =
    dateWords !== undefined &&
    (tokens.slice(...dateWords).some((token) => !relativeDay.test(token)) ||
      (tokens.some((token) => meetingWord.test(token)) && !namesSomething(resolved.entities)));
  // … and so does "i dag" alone, where the question was read as something with no time of day
  // ("hvor mange minutter har vi sat af til nyhederne i dag?" is no question of the news)
  const timeless = undatedIntents.has(resolved.intent) || resolved.intent === 'news';
  // "hvem præsenterer Organisation?", "who presents the part about …?": who presents a thing is
  // a point of a programme, whatever the thing named would be asked for otherwise
  const presented = asksWhoPresents(tokens);
  // … and a point asked for by that word on a meeting's day ("what time is the SKI 02.19 item
  // today?"), not a deadline ("hvornår er deadline for BBR? det var et punkt i dag")
  const pointNamed =
    meetingDay && tokens.some((token) => pointNoun.test(token)) && !tokens.some((token) => deadlineWord.test(token));
  // (a deadline asked for with a meeting's day is the deadline's, unless a point is named: "hvornår er deadline for BBR fredag?")
  // (… "når præsenterer de SKI 02.19-deadlinen?" asks when it is presented)
  const deadlineAsked =
    tokens.some((token) => deadlineWord.test(token)) &&
    !tokens.some((token) => pointNoun.test(token) || presentingWord.test(token));
  const open =
    (meetingDay &&
      (dayNamed || timeless) &&
      !deadlineAsked &&
      asksAboutAgendaItem(tokens, input.text, { meetingDay })) ||
    pointNamed ||
    presented ||
    resolved.intent === 'unknown' ||
    resolved.confidence < CONFIDENCE_THRESHOLD ||
    meetingIntents.has(resolved.intent) ||
    (resolved.intent === 'event.list' && findTimes(input.text).length > 0);
  return { meetingDay, open };
}

/** "hvem præsenterer Organisation?", "who presents the part about …?": a question of a point's presenter. */
export function asksWhoPresents(tokens: string[]): boolean {
  return tokens.some((token) => askingWho.test(token)) && tokens.some((token) => presentingWord.test(token));
}

/** "hvem præsenterer Organisation på onsdagsmødet?": a point of a meeting's programme, where no better reading names something else. */
export function agendaItemReading(reading: AgendaReading): Understanding | undefined {
  const { knowledge, search, input, tokens, resolved, dates, dateWords } = reading;
  // "og hvem står for den?" right after a point: that point
  const samePoint = samePointAsked(tokens, dates, resolved, input.previous);
  if (samePoint) return pointReading(resolved, samePoint);
  // "are there intro webinars for newcomers? when?": events of their own, not a point of a meeting's programme
  const otherEvents = resolved.entities.eventKinds.some((kind) => kind !== 'meeting');
  if (otherEvents && !tokens.some((token) => meetingOrPoint.test(token))) return undefined;
  const { meetingDay, open } = openToAPoint(reading);
  // a question read well as something else, about a named thing ("deadline for BBR kl. 12"), stays that
  const strictly = !open && answersFromKnowledge.has(resolved.intent) && !namesSomething(resolved.entities);
  // "and the Organisation part?" right after "when does the 12 September meeting start?" is that meeting's
  const previous = input.previous;
  const afterMeeting =
    !dates && previous !== undefined && meetingTopics.has(previous.intent) && previous.entities.dates !== undefined;
  const day = afterMeeting ? previous.entities.dates : dates;
  const asks = asksAboutAgendaItem(tokens, input.text, {
    strictly: strictly && !afterMeeting,
    afterMeeting,
    meetingDay,
  });
  if (!(open || strictly || afterMeeting) || !asks) return undefined;
  const agendaItems = agendaItemsAsked({
    knowledge: knowledge,
    search: search,
    text: input.text,
    tokens,
    now: input.now,
    ...(day ? { dates: day } : {}),
    ...(dateWords ? { dateWords } : {}),
  });
  return agendaItems ? pointReading(resolved, agendaItems) : undefined;
}
