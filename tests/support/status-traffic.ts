import { storedStateAt } from './stored-text.js';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { stateSchema, type State, type TaskStatus } from '../../src/state/schema.js';
import { messageActivity, postMessages } from './bot-framework.js';

/** The task whose five steps the traffic updates. */
export const BBR_TASK = 'bbr-adgangsstyring';
const STEPS = [1, 2, 3, 4, 5];

/** Each municipality × step goes round this cycle from "not started", so every update is a real change. */
const CYCLE: readonly TaskStatus[] = ['started', 'done', 'not-started'];

const WORDS: Record<TaskStatus, string> = { 'not-started': 'ikke påbegyndt', started: 'påbegyndt', done: 'fuldført' };

/** A municipality × step: the unit whose updates must arrive in order. */
export interface Slot {
  municipalityId: string;
  municipalityName: string;
  step: number;
}

/** One update the traffic sends, with what the bot must record for it. */
export interface PlannedUpdate {
  /** Position in the whole plan; update n goes to slot n mod the number of slots. */
  n: number;
  slot: Slot;
  status: TaskStatus;
  previous: TaskStatus;
}

/** What came back for one update. */
export type Outcome =
  | { kind: 'confirmed'; planned: PlannedUpdate; updateId: string; ms: number }
  | { kind: 'refused'; planned: PlannedUpdate; httpStatus: number; answer: string }
  | { kind: 'failed'; planned: PlannedUpdate; error: string };

const municipalitiesFile = z.object({ records: z.array(z.object({ id: z.string(), name: z.string() })) });

/** Every municipality × BBR step, municipality by municipality, from the knowledge data. */
export async function loadSlots(): Promise<Slot[]> {
  const text = await readFile(new URL('../../data/knowledge/municipalities.json', import.meta.url), 'utf8');
  const { records } = municipalitiesFile.parse(JSON.parse(text));
  return records.flatMap((m) => STEPS.map((step) => ({ municipalityId: m.id, municipalityName: m.name, step })));
}

/** Updates n = from … to-1 over `slots`, round robin, grouped per slot in order (the chains to send). */
export function planChains(slots: readonly Slot[], from: number, to: number): PlannedUpdate[][] {
  const chains = new Map<number, PlannedUpdate[]>();
  for (let n = from; n < to; n++) {
    const index = n % slots.length;
    const position = Math.floor(n / slots.length);
    const planned = { n, slot: slots[index]!, status: CYCLE[position % 3]!, previous: CYCLE[(position + 2) % 3]! };
    chains.set(index, [...(chains.get(index) ?? []), planned]);
  }
  return [...chains.values()];
}

/** The status a slot has after its first `count` updates of the plan. */
export function statusAfter(count: number): TaskStatus {
  return count === 0 ? 'not-started' : CYCLE[(count - 1) % 3]!;
}

/** The person who reports for a municipality, in the web chat (their own conversation). */
export function memberOf(municipalityId: string): Record<string, unknown> {
  return {
    from: { id: `load-${municipalityId}`, name: `Programleder ${municipalityId}` },
    conversation: { id: `load-conversation-${municipalityId}` },
  };
}

const replyBody = z.object({
  activities: z.array(
    z.object({
      summary: z.string().optional(),
      text: z.string().optional(),
      channelData: z.unknown().optional(),
      attachments: z
        .array(
          z.object({
            content: z.object({ actions: z.array(z.object({ title: z.string(), data: z.unknown() })).optional() }),
          }),
        )
        .optional(),
    }),
  ),
});

const undoData = z.object({
  klikbot: z.object({ dialog: z.literal('status-undo'), args: z.object({ updateId: z.string() }) }),
});

/** The confirmation a member must get for `planned`, in Danish as the web chat asks. */
export function confirmationText(planned: PlannedUpdate): string {
  const { slot, status, previous } = planned;
  return `trin ${slot.step} er nu ${WORDS[status]} for ${slot.municipalityName} (før: ${WORDS[previous]}).`;
}

type Replies = z.infer<typeof replyBody>['activities'];

function repliesOf(text: string): Replies | undefined {
  try {
    return replyBody.safeParse(JSON.parse(text)).data?.activities;
  } catch {
    // not JSON: the caller reports the body as it came
    return undefined;
  }
}

/** What a person would read first in each reply, for a failure message short enough to read. */
function answerOf(replies: Replies | undefined, body: string): string {
  return replies ? replies.map((reply) => reply.summary ?? reply.text ?? '(no text)').join(' | ') : body.slice(0, 300);
}

/** The update id an answer's undo button carries, when the answer is the confirmation `planned` must get. */
function confirmedId(planned: PlannedUpdate, replies: Replies | undefined): string | undefined {
  const reply = replies?.length === 1 ? replies[0] : undefined;
  // a notice (channelData) is a refusal, whatever its text
  if (!reply || reply.channelData !== undefined || !reply.summary?.endsWith(confirmationText(planned)))
    return undefined;
  const actions = reply.attachments?.[0]?.content.actions ?? [];
  const undo = actions.map((action) => undoData.safeParse(action.data)).find((read) => read.success);
  return undo?.data?.klikbot.args.updateId;
}

/** Submits `planned` as the status form's Action.Submit from the municipality's member. */
export async function submitUpdate(
  baseUrl: string,
  planned: PlannedUpdate,
  readMillis: () => number,
): Promise<Outcome> {
  const { slot } = planned;
  const value = {
    klikbot: { dialog: 'status-update', args: { municipality: slot.municipalityId }, fields: ['task', 'status'] },
    task: `${BBR_TASK}#${slot.step}`,
    status: planned.status,
  };
  const started = readMillis();
  try {
    const response = await postMessages(
      baseUrl,
      messageActivity('', { ...memberOf(slot.municipalityId), text: undefined, value }),
    );
    const body = await response.text();
    const replies = repliesOf(body);
    const updateId = response.status === 200 ? confirmedId(planned, replies) : undefined;
    if (updateId === undefined)
      return { kind: 'refused', planned, httpStatus: response.status, answer: answerOf(replies, body) };
    return { kind: 'confirmed', planned, updateId, ms: readMillis() - started };
  } catch (error) {
    return { kind: 'failed', planned, error: String(error) };
  }
}

/**
 * Sends every chain: the updates of one chain one after another, the chains side by side
 * with at most `limit` requests in flight. Resolves with the outcomes and the most requests
 * that were in flight at once. Once `stopped()` says so, no further request starts.
 */
export async function sendChains(
  chains: readonly PlannedUpdate[][],
  limit: number,
  send: (planned: PlannedUpdate) => Promise<Outcome>,
  stopped: () => boolean = () => false,
): Promise<{ outcomes: Outcome[]; maxInFlight: number }> {
  const outcomes: Outcome[] = [];
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  async function slot(): Promise<void> {
    if (inFlight < limit) inFlight++;
    // a freed place is handed straight to the next waiter, so inFlight stays counted
    else await new Promise<void>((resolve) => waiting.push(resolve));
    maxInFlight = Math.max(maxInFlight, inFlight);
  }
  function release(): void {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  }
  await Promise.all(
    chains.map(async (chain) => {
      for (const planned of chain) {
        await slot();
        try {
          if (stopped()) return;
          const outcome = await send(planned);
          outcomes.push(outcome);
          // a later update of this slot would not be a change if this one was not recorded
          if (outcome.kind !== 'confirmed') return;
        } finally {
          release();
        }
      }
    }),
  );
  return { outcomes, maxInFlight };
}

/** The state file, read and validated as the bot reads it at start. */
export async function readState(statePath: string): Promise<State> {
  return stateSchema.parse(await storedStateAt(statePath));
}

/** The status updates of one slot, in the order they were recorded. */
export function updatesOf(state: State, slot: Slot): State['statusUpdates'] {
  return state.statusUpdates.filter(
    (u) => u.municipalityId === slot.municipalityId && u.taskId === BBR_TASK && u.step === slot.step,
  );
}
