import type { DateTime } from 'luxon';
import type { Knowledge } from '../knowledge/registry.js';
import { isOpen, resultsOf, type PollResults } from '../polls/results.js';
import { summarise, type EvaluationSummary } from '../state/evaluations.js';
import type { DeepReadonly, State } from '../state/schema.js';
import type { Viewer } from './viewer.js';

/** A poll as the meetings page shows it: its question, when, and its counts where they may be seen. */
export interface PollView {
  id: string;
  question: string;
  at: string;
  open: boolean;
  anonymous: boolean;
  /** Absent while a poll that shows no counts until it closes is open. */
  results?: PollResults;
}

/** An evaluation: the meeting it is of, its counts and, for a national viewer, what people wrote. */
export interface EvaluationView {
  id: string;
  meetingId?: string;
  meetingTitle?: string;
  /** The meeting's day, else the day the evaluation began: what the trend is ordered by. */
  date: string;
  open: boolean;
  summary: EvaluationSummary;
  comments: { worked: string[]; improve: string[] };
}

/** What the meetings page shows. */
export interface MeetingsView {
  polls: PollView[];
  evaluations: EvaluationView[];
}

type ReadState = Pick<DeepReadonly<State>, 'polls' | 'votes' | 'evaluations' | 'evaluationAnswers'>;

function pollsOf(state: ReadState, now: DateTime): PollView[] {
  return state.polls
    .filter((poll) => poll.deletedAt === undefined)
    .map((poll): PollView => {
      const open = isOpen(poll, now);
      return {
        id: poll.id,
        question: poll.question,
        at: poll.createdAt,
        open,
        anonymous: poll.anonymous,
        // a poll that hides its counts until it closes hides them here too
        ...(open && !poll.live ? {} : { results: resultsOf(poll, state.votes) }),
      };
    })
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

function evaluationsOf(knowledge: Knowledge, state: ReadState, withComments: boolean): EvaluationView[] {
  return state.evaluations
    .map((evaluation): EvaluationView => {
      const answers = state.evaluationAnswers.filter((answer) => answer.evaluationId === evaluation.id);
      const meeting = knowledge.meetings.find((candidate) => candidate.id === evaluation.meetingId);
      const texts = (pick: (answer: (typeof answers)[number]) => string | undefined): string[] =>
        withComments
          ? answers.map(pick).filter((text): text is string => text !== undefined && text.trim() !== '')
          : [];
      return {
        id: evaluation.id,
        ...(evaluation.meetingId !== undefined ? { meetingId: evaluation.meetingId } : {}),
        ...(meeting ? { meetingTitle: meeting.title } : {}),
        date: meeting?.date ?? evaluation.startedAt.slice(0, 10),
        open: evaluation.closedAt === undefined,
        summary: summarise(answers),
        comments: { worked: texts((answer) => answer.worked), improve: texts((answer) => answer.improve) },
      };
    })
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The polls (newest first) and evaluations (by meeting date, for the trend). A national viewer
 * sees every poll and what people wrote in the evaluations. A municipality's member sees the
 * figures of the programme meetings' evaluations only: a poll belongs to the conversation it
 * was asked in, which may be another municipality's.
 */
export function meetingsOf(knowledge: Knowledge, state: ReadState, now: DateTime, viewer: Viewer): MeetingsView {
  const national = viewer.sees === 'national';
  const evaluations = evaluationsOf(knowledge, state, national);
  return {
    polls: national ? pollsOf(state, now) : [],
    evaluations: national ? evaluations : evaluations.filter((evaluation) => evaluation.meetingTitle !== undefined),
  };
}
