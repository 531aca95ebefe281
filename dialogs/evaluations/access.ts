import { DateTime } from 'luxon';
import { z } from 'zod';
import { ZONE } from '../../src/clock.js';
import { addressOf } from '../../src/core/address.js';
import type { Reply } from '../../src/core/types.js';
import { findMeeting, type Meeting } from '../../src/knowledge/queries.js';
import type { Evaluation, EvaluationRepository } from '../../src/state/evaluations.js';
import type { DeepReadonly } from '../../src/state/schema.js';
import { isAdministrator } from '../membership/acting-for.js';
import type { DialogContext, ActionServices } from '../types.js';
import { runsMeetingHere } from '../meetings/host.js';
import { say } from '../shared/say.js';
import { notice } from '../shared/replies.js';

/** The field the evaluation dialogs read from ActionServices: absent where klikbot runs without evaluations. */
export interface EvaluationServices {
  evaluations?: EvaluationRepository;
}

/** The evaluation repository, when this klikbot has one. */
export function evaluationsOf(services: ActionServices): EvaluationRepository | undefined {
  // ActionServices gains `evaluations` where it is wired (src/main.ts); read it the same way before and after
  return (services as ActionServices & EvaluationServices).evaluations;
}

/** The answer where klikbot runs without evaluations. */
export function evaluationsUnavailable(context: DialogContext): Reply[] {
  return notice(say(context, 'Evalueringer er ikke slået til her.', 'Evaluations are not available here.'));
}

/** An evaluation as the dialogs read it. */
export type StoredEvaluation = DeepReadonly<Evaluation>;

/** The meeting the evaluation is about, when it is one klikbot knows. */
export function meetingOf(
  context: DialogContext,
  evaluation: Pick<StoredEvaluation, 'meetingId'>,
): Meeting | undefined {
  return evaluation.meetingId === undefined ? undefined : findMeeting(context.knowledge, evaluation.meetingId);
}

function dayMonth(context: DialogContext, isoDate: string, month: 'LLLL' | 'LLL'): string {
  const date = DateTime.fromISO(isoDate, { zone: ZONE }).setLocale(context.language === 'da' ? 'da' : 'en-GB');
  // Danish short months carry a full stop ("sep."): the day's own stop is enough
  return date.toFormat(context.language === 'da' ? `d'.' ${month}` : `d ${month}`).replace(/\.$/, '');
}

/** The day the evaluation is about: its meeting's date, else the day it was started (YYYY-MM-DD). */
export function evaluationDay(context: DialogContext, evaluation: StoredEvaluation): string {
  return (
    meetingOf(context, evaluation)?.date ??
    DateTime.fromISO(evaluation.startedAt, { zone: ZONE }).toISODate() ??
    evaluation.startedAt.slice(0, 10)
  );
}

/** "6. sep" / "6 Sep": the evaluation's day in a trend. */
export function shortDay(context: DialogContext, evaluation: StoredEvaluation): string {
  return dayMonth(context, evaluationDay(context, evaluation), 'LLL');
}

/** "Programledermøde september 2018, 6. september", or "mødet 14. september" for one not about a known meeting. */
export function evaluationTitle(context: DialogContext, evaluation: StoredEvaluation): string {
  const meeting = meetingOf(context, evaluation);
  const day = dayMonth(context, evaluationDay(context, evaluation), 'LLLL');
  if (meeting) return `${meeting.title}, ${day}`;
  return say(context, `mødet ${day}`, `the meeting on ${day}`);
}

/** Whether the person may close the evaluation and export it: whoever started it, the host or a co-host of the meeting running here, or an administrator. */
export function mayManage(context: DialogContext, evaluation: StoredEvaluation, services: ActionServices): boolean {
  const { turn } = context;
  const starter =
    evaluation.startedBy?.channel === turn.conversation.channel && evaluation.startedBy.userId === turn.user.id;
  return starter || isAdministrator(turn, services) || runsMeetingHere(context, services);
}

/** An evaluation id argument, when one is given (a button names it; a typed sentence does not). */
export const evaluationIdArgs = z.object({ evaluationId: z.uuid().optional() });

/** An evaluation found for a dialog, or the notice that says why there is none. */
export type EvaluationLookup = { ok: true; evaluation: StoredEvaluation } | { ok: false; replies: Reply[] };

/**
 * The evaluation a dialog is about: the one its button names, else this conversation's open
 * one (`latest`: else its most recent one, for results). A named one must belong to this
 * conversation (a button only works where it was posted), except for `anywhere`: an answer
 * submitted from a form that Slack delivers outside the channel.
 */
export function findEvaluation(
  context: DialogContext,
  repository: EvaluationRepository,
  args: Record<string, string>,
  fallback: 'open' | 'latest',
  where: 'here' | 'anywhere' = 'here',
): EvaluationLookup {
  const parsed = evaluationIdArgs.safeParse(args);
  const unknown: EvaluationLookup = {
    ok: false,
    replies: notice(say(context, 'Den evaluering kender jeg ikke.', "I don't know that evaluation.")),
  };
  if (!parsed.success) return unknown;
  const { evaluationId } = parsed.data;
  const here = addressOf(context.turn);
  if (evaluationId !== undefined) {
    const evaluation = repository.get(evaluationId);
    const elsewhere =
      evaluation !== undefined &&
      where === 'here' &&
      (evaluation.channel !== here.channel || evaluation.conversationId !== here.conversationId);
    return evaluation && !elsewhere ? { ok: true, evaluation } : unknown;
  }
  const evaluation = repository.openIn(here) ?? (fallback === 'latest' ? repository.allIn(here).at(-1) : undefined);
  if (evaluation) return { ok: true, evaluation };
  const none =
    fallback === 'open'
      ? say(context, 'Der er ingen åben evaluering her.', 'There is no open evaluation here.')
      : say(context, 'Der har ikke været nogen evaluering her endnu.', 'There has been no evaluation here yet.');
  return {
    ok: false,
    replies: notice(
      `${none} ${say(context, 'Værten starter en med »start evaluering«.', 'The host starts one with "start evaluation".')}`,
    ),
  };
}
