import { z } from 'zod';
import { clockTime, dataFile, datePrecision, isoDate, isoMonth, linkUrl, recordId, source } from '../common.js';
import type { DataProblem } from '../problems.js';

const agendaItem = z.strictObject({
  start: clockTime,
  end: clockTime,
  title: z.string().min(1),
  kind: z.enum(['item', 'pause', 'buffer']),
  /** Who presents the item, where the seed says ("Støttesystemet Organisation ved Peter Hansen"). */
  presenter: z.string().min(1).optional(),
  /**
   * An acknowledgement that the seed itself is wrong here (e.g. "11.10 - 10.20"): the item is
   * kept as written, its timing checks become notices instead of errors.
   */
  seedAnomaly: z.string().min(1).optional(),
});

const nextMeeting = z.strictObject({ date: z.string(), precision: datePrecision, text: z.string().min(1) });

const followUp = z.strictObject({
  questionsTo: z.string().min(1),
  questionsSubject: z.string().min(1).optional(),
  questionsText: z.string().min(1),
  feedbackTo: z.string().min(1).optional(),
  feedbackText: z.string().min(1).optional(),
  materialsText: z.string().min(1).optional(),
  materialsUrl: linkUrl.optional(),
});

const meetingShape = z.strictObject({
  id: recordId,
  /** The day of this run, in Denmark. */
  date: isoDate,
  start: clockTime,
  end: clockTime,
  title: z.string().min(1),
  series: z.string().min(1),
  medium: z.string().min(1),
  hosts: z.array(z.string().min(1)).min(1),
  /** The agenda's times are approximate ("Cirka tider…"). */
  timesApproximate: z.boolean(),
  timesNote: z.string().min(1).optional(),
  /** Minutes before the start at which the sound is tested. */
  soundTestMinutesBefore: z.array(z.int().positive()),
  etiquette: z.array(z.string().min(1)),
  evaluation: z.string().min(1).optional(),
  followUp,
  nextMeeting: nextMeeting.optional(),
  agenda: z.array(agendaItem).min(1),
  /** Notes for operators. */
  notes: z.array(z.string().min(1)),
  source,
});

type MeetingShape = z.infer<typeof meetingShape>;

/** A timing rule an agenda item breaks, located by item index and field. */
export interface AgendaTimingProblem {
  index: number;
  field: 'start' | 'end';
  message: string;
}

function minutes(time: string): number {
  const [hours = 0, mins = 0] = time.split('.').map(Number);
  return hours * 60 + mins;
}

/**
 * Every timing rule the agenda breaks: an item must end after it starts, lie inside the
 * meeting's start–end, and not start before the previous item ends. After an acknowledged
 * item the previous start is used, since its end is the broken part.
 */
export function agendaTimingProblems(meeting: Pick<MeetingShape, 'start' | 'end' | 'agenda'>): AgendaTimingProblem[] {
  const problems: AgendaTimingProblem[] = [];
  const span = `${meeting.start}–${meeting.end}`;
  const [open, close] = [minutes(meeting.start), minutes(meeting.end)];
  meeting.agenda.forEach((item, index) => {
    const [start, end] = [minutes(item.start), minutes(item.end)];
    if (end <= start)
      problems.push({ index, field: 'end', message: `ends ${item.end}, not after it starts (${item.start})` });
    if (start < open || start >= close)
      problems.push({ index, field: 'start', message: `starts ${item.start}, outside the meeting's ${span}` });
    if (end <= open || end > close)
      problems.push({ index, field: 'end', message: `ends ${item.end}, outside the meeting's ${span}` });
    const previous = meeting.agenda[index - 1];
    if (previous) {
      const previousEnd = previous.seedAnomaly ? previous.start : previous.end;
      if (start < minutes(previousEnd))
        problems.push({
          index,
          field: 'start',
          message: `starts ${item.start}, before the previous item (${previous.start}–${previous.end}) is over`,
        });
    }
  });
  return problems;
}

/** One run of a programme leader meeting, with its agenda. */
export const record = meetingShape.superRefine((meeting, ctx) => {
  if (minutes(meeting.end) <= minutes(meeting.start)) {
    ctx.addIssue({
      code: 'custom',
      path: ['end'],
      message: `the meeting ends ${meeting.end}, not after it starts (${meeting.start})`,
    });
  }
  for (const problem of agendaTimingProblems(meeting)) {
    if (meeting.agenda[problem.index]?.seedAnomaly) continue;
    ctx.addIssue({
      code: 'custom',
      path: ['agenda', problem.index, problem.field],
      message: `${problem.message}; if the seed really says so, keep it and add "seedAnomaly" to the item explaining it`,
    });
  }
  meeting.agenda.forEach((item, index) => {
    if (item.presenter && !meeting.hosts.includes(item.presenter)) {
      ctx.addIssue({
        code: 'custom',
        path: ['agenda', index, 'presenter'],
        message: `"${item.presenter}" is not one of the meeting's hosts`,
      });
    }
  });
  if (meeting.nextMeeting) {
    const format = meeting.nextMeeting.precision === 'day' ? isoDate : isoMonth;
    if (!format.safeParse(meeting.nextMeeting.date).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextMeeting', 'date'],
        message: `must be written ${meeting.nextMeeting.precision === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM'} for precision "${meeting.nextMeeting.precision}"`,
      });
    }
  }
});

/** A meeting from meetings.json. */
export type Meeting = z.infer<typeof record>;
export type AgendaItem = z.infer<typeof agendaItem>;

/** The file meetings.json. */
export const file = dataFile(record);

/** The acknowledged anomalies of one meeting, as notices to log at start and show with its agenda. */
export function meetingNotices(meeting: Meeting): DataProblem[] {
  const timing = agendaTimingProblems(meeting);
  return meeting.agenda.flatMap((item, index) => {
    if (!item.seedAnomaly) return [];
    const found = timing.filter((problem) => problem.index === index);
    const field = `agenda.${index}.${found[0]?.field ?? 'seedAnomaly'}`;
    const checks =
      found.length > 0 ? found.map((problem) => problem.message).join('; ') : 'no timing check fails on this item';
    return [
      {
        file: 'meetings.json',
        record: meeting.id,
        field,
        message: `acknowledged seed anomaly: ${item.seedAnomaly} (${checks})`,
      },
    ];
  });
}

/** Acknowledged anomalies across meetings.json. */
export function notices(knowledge: { meetings: Meeting[] }): DataProblem[] {
  return knowledge.meetings.flatMap(meetingNotices);
}

/** Meetings have no references into other files. */
export function references(_knowledge: unknown): DataProblem[] {
  return [];
}
