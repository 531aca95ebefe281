import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPathFor } from '../../src/state/durable-file.js';
import type { State } from '../../src/state/schema.js';
import { ask } from '../support/bot-framework.js';
import { killRunning, spawnBot, waitForListening, type ChildBot } from '../support/child-bot.js';
import {
  BBR_TASK,
  loadSlots,
  memberOf,
  planChains,
  readState,
  sendChains,
  statusAfter,
  submitUpdate,
  updatesOf,
  type Outcome,
  type PlannedUpdate,
  type Slot,
} from '../support/status-traffic.js';

// the local web chat's one person is trusted, so a claim there is verified as it is made
const LOCAL_TRUST = '(lokal tilstand: denne maskines ene person er betroet, så tilknytningen er bekræftet)';

const NOW = '2018-10-01T10:00:00+02:00';
const FIRST_BURST = 1_000;
const SECOND_BURST = 500;
const IN_FLIGHT = 50;
const KILL_AFTER = 250;

let dir: string;
let statePath: string;
let slots: Slot[];
const running: ChildBot[] = [];

async function startBot(file = statePath): Promise<{ bot: ChildBot; url: string; startMs: number }> {
  const started = performance.now();
  const bot = spawnBot({ KLIKBOT_DB: file, KLIKBOT_NOW: NOW });
  running.push(bot);
  const url = await waitForListening(bot);
  return { bot, url, startMs: Math.round(performance.now() - started) };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'klikbot-status-load-'));
  statePath = path.join(dir, 'state.json');
  slots = await loadSlots();
});

afterAll(async () => {
  await killRunning(running);
  await rm(dir, { recursive: true, force: true });
});

function confirmedOnly(outcomes: Outcome[]): Extract<Outcome, { kind: 'confirmed' }>[] {
  return outcomes.flatMap((outcome) => (outcome.kind === 'confirmed' ? [outcome] : []));
}

/** One line per update that did not get its confirmation: which, and what came back instead. */
function problems(outcomes: Outcome[]): string[] {
  return outcomes.flatMap((o) => {
    const which = `#${o.planned.n} ${o.planned.slot.municipalityId} trin ${o.planned.slot.step} → ${o.planned.status}`;
    if (o.kind === 'refused') return [`${which}: ${o.httpStatus} ${o.answer}`];
    return o.kind === 'failed' ? [`${which}: ${o.error}`] : [];
  });
}

function percentile(sorted: number[], share: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? Number.NaN);
}

function latencies(outcomes: Outcome[]): string {
  const ms = confirmedOnly(outcomes)
    .map((outcome) => outcome.ms)
    .sort((a, b) => a - b);
  return `latency p50 ${percentile(ms, 0.5)} ms, p95 ${percentile(ms, 0.95)} ms, max ${percentile(ms, 1)} ms`;
}

/** The recorded update must be exactly the planned one, made by the municipality's member. */
function expectRecordedAsPlanned(recorded: State['statusUpdates'][number], planned: PlannedUpdate): void {
  expect(recorded).toMatchObject({
    municipalityId: planned.slot.municipalityId,
    taskId: BBR_TASK,
    step: planned.slot.step,
    status: planned.status,
    previous: planned.previous,
    by: { channel: 'web', userId: `load-${planned.slot.municipalityId}` },
  });
  expect(recorded.at.startsWith('2018-10-01T10:')).toBe(true);
  expect(recorded.undoneAt).toBeUndefined();
}

/**
 * Per slot, the file holds the plan's first updates in the plan's order, each naming the one
 * before it as `previous`: nothing lost in between, nothing recorded twice.
 */
function expectChainsFollowPlan(state: State, plan: Map<string, PlannedUpdate[]>): void {
  for (const slot of slots) {
    const recorded = updatesOf(state, slot);
    const planned = plan.get(`${slot.municipalityId}#${slot.step}`) ?? [];
    expect(recorded.map((u) => u.status)).toEqual(planned.slice(0, recorded.length).map((p) => p.status));
    recorded.forEach((u, i) => expect(u.previous).toBe(i === 0 ? 'not-started' : recorded[i - 1]!.status));
  }
}

function planBySlot(chains: PlannedUpdate[][][]): Map<string, PlannedUpdate[]> {
  const bySlot = new Map<string, PlannedUpdate[]>();
  for (const chain of chains.flat()) {
    const key = `${chain[0]!.slot.municipalityId}#${chain[0]!.slot.step}`;
    bySlot.set(key, [...(bySlot.get(key) ?? []), ...chain]);
  }
  return bySlot;
}

/** What the first burst left: the plan it followed, the answers it got, the file as it stood after. */
interface FirstBurst {
  chains: PlannedUpdate[][];
  outcomes: Outcome[];
  maxInFlight: number;
  joins: { s: Slot; replies: Awaited<ReturnType<typeof ask>> }[];
  state: State;
  exitCode: number | null;
  startMs: number;
  joinMs: number;
  burstMs: number;
}

let firstBurst: Promise<FirstBurst> | undefined;

/**
 * A bot on a fresh file: each municipality's member joins, then 1,000 updates are sent, 50 in
 * flight, and the bot is stopped. Run once, by whichever test needs it first: the crash test
 * goes on from the file it leaves, so each test can also run alone.
 */
function afterFirstBurst(): Promise<FirstBurst> {
  firstBurst ??= (async () => {
    const { bot, url, startMs } = await startBot();
    const joinStarted = performance.now();
    const joins = await Promise.all(
      slots
        .filter((s) => s.step === 1)
        .map(async (s) => ({ s, replies: await ask(url, `kommune ${s.municipalityId}`, memberOf(s.municipalityId)) })),
    );
    const joinMs = Math.round(performance.now() - joinStarted);
    const chains = planChains(slots, 0, FIRST_BURST);
    const burstStarted = performance.now();
    const { outcomes, maxInFlight } = await sendChains(chains, IN_FLIGHT, (p) =>
      submitUpdate(url, p, () => performance.now()),
    );
    const burstMs = Math.round(performance.now() - burstStarted);
    const state = await readState(statePath);
    const exitCode = bot.process.exitCode;
    // one process per state file: the crash test starts its own
    bot.process.kill('SIGTERM');
    await bot.exited;
    return { chains, outcomes, maxInFlight, joins, state, exitCode, startMs, joinMs, burstMs };
  })();
  return firstBurst;
}

describe('1,000 concurrent status updates from 98 municipalities over HTTP, then a SIGKILL mid-burst', () => {
  it('records exactly the 1,000 changes, each chained to the one before, and ends in the planned state', async () => {
    const { chains, outcomes, maxInFlight, joins, state, exitCode, startMs, joinMs, burstMs } = await afterFirstBurst();
    for (const { s, replies } of joins)
      expect(replies.map((r) => r.summary)).toEqual([`Du hører nu til ${s.municipalityName} ${LOCAL_TRUST}.`]);

    expect(problems(outcomes)).toEqual([]);
    expect(outcomes).toHaveLength(FIRST_BURST);
    expect(maxInFlight).toBe(IN_FLIGHT);
    const confirmed = new Map(confirmedOnly(outcomes).map((o) => [o.updateId, o.planned]));
    expect(confirmed.size).toBe(FIRST_BURST);

    expect(state.memberships).toHaveLength(slots.length / 5);
    expect(state.statusUpdates).toHaveLength(FIRST_BURST);
    // the acknowledged updates and nothing else
    expect(new Set(state.statusUpdates.map((u) => u.id))).toEqual(new Set(confirmed.keys()));
    for (const recorded of state.statusUpdates) expectRecordedAsPlanned(recorded, confirmed.get(recorded.id)!);
    expectChainsFollowPlan(state, planBySlot([chains]));
    const finals = slots.map((slot) => updatesOf(state, slot).at(-1)?.status);
    const expected = slots.map((_, index) =>
      statusAfter(Math.floor(FIRST_BURST / slots.length) + (index < FIRST_BURST % slots.length ? 1 : 0)),
    );
    expect(finals).toEqual(expected);
    // still running when the burst was over
    expect(exitCode).toBeNull();

    console.info(
      `status concurrency: start ${startMs} ms; ${joins.length} joins in ${joinMs} ms; ${FIRST_BURST} updates over ${chains.length} ` +
        `municipality × step chains, ${maxInFlight} in flight, in ${burstMs} ms (${Math.round((FIRST_BURST / burstMs) * 1000)}/s, ${latencies(outcomes)})`,
    );
  });

  it('keeps every acknowledged update when killed with SIGKILL mid-burst, and starts again on the same file', async () => {
    const first = await afterFirstBurst();
    const firstChains = first.chains;
    const firstConfirmed = new Map(confirmedOnly(first.outcomes).map((o) => [o.updateId, o.planned]));
    // the crash burst goes on from a file holding the 1,000: anything less and the check below would be about another file
    expect(firstConfirmed.size).toBe(FIRST_BURST);
    const { bot, url } = await startBot();
    const secondChains = planChains(slots, FIRST_BURST, FIRST_BURST + SECOND_BURST);
    let acknowledged = 0;
    let killedAt = Number.NaN;
    const burstStarted = performance.now();
    const { outcomes } = await sendChains(
      secondChains,
      IN_FLIGHT,
      async (p) => {
        const outcome = await submitUpdate(url, p, () => performance.now());
        if (outcome.kind === 'confirmed' && ++acknowledged === KILL_AFTER) {
          killedAt = Math.round(performance.now() - burstStarted);
          bot.process.kill('SIGKILL');
        }
        return outcome;
      },
      () => !Number.isNaN(killedAt),
    );
    await bot.exited;
    expect(bot.process.signalCode).toBe('SIGKILL');
    const tempLeft = existsSync(tempPathFor(statePath));

    // Every 200 confirmation, even one read after the kill was sent, was written before it was sent.
    const acked = confirmedOnly(outcomes);
    const unanswered = outcomes.filter((o) => o.kind === 'failed');
    expect(problems(outcomes.filter((o) => o.kind === 'refused'))).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(acked.length).toBeLessThan(SECOND_BURST);

    const state = await readState(statePath);
    const byId = new Map(state.statusUpdates.map((u) => [u.id, u]));
    const lost = acked.filter((o) => !byId.has(o.updateId)).map((o) => o.updateId);
    expect(lost).toEqual([]);
    for (const o of acked) expectRecordedAsPlanned(byId.get(o.updateId)!, o.planned);
    for (const [id, planned] of firstConfirmed) expectRecordedAsPlanned(byId.get(id)!, planned);
    // Beyond the acknowledged ones, only requests that were in flight at the kill may have been written.
    const writtenUnacked = state.statusUpdates.length - FIRST_BURST - acked.length;
    expect(writtenUnacked).toBeGreaterThanOrEqual(0);
    expect(writtenUnacked).toBeLessThanOrEqual(unanswered.length);
    expectChainsFollowPlan(state, planBySlot([firstChains, secondChains]));

    const restart = await startBot();
    const { url: restartedUrl } = restart;
    const acknowledgedIds = new Set([...firstConfirmed.keys(), ...acked.map((o) => o.updateId)]);
    await expectRestartedBotContinues(restartedUrl, state, acknowledgedIds);
    restart.bot.process.kill('SIGTERM');
    await restart.bot.exited;

    console.info(
      `status concurrency crash: SIGKILL after ${KILL_AFTER} acknowledged (${killedAt} ms into the burst); ${acked.length} acknowledged in all, ` +
        `${unanswered.length} unanswered, ${writtenUnacked} of those written; temp file left: ${tempLeft}; ` +
        `restarted on the same file in ${restart.startMs} ms`,
    );
    // three processes, four when it runs the first burst itself (alone): more than one test's time on a busy machine
  }, 240_000);
});

/**
 * The restarted process answers from the file it found: the next change of a slot names the
 * slot's stored status as before. The slot is one whose last write was never answered, when
 * the kill left one, since that is the status only the file knows.
 */
async function expectRestartedBotContinues(
  url: string,
  state: State,
  acknowledged: ReadonlySet<string>,
): Promise<void> {
  const last = (slot: Slot) => updatesOf(state, slot).at(-1);
  const slot = slots.find((s) => !acknowledged.has(last(s)?.id ?? '')) ?? slots[0]!;
  const count = updatesOf(state, slot).length;
  const n = count * slots.length + slots.indexOf(slot);
  const next = planChains(slots, n, n + 1)[0]![0]!;
  expect(next.previous).toBe(last(slot)?.status);
  const outcome = await submitUpdate(url, next, () => performance.now());
  expect(outcome).toMatchObject({ kind: 'confirmed' });
  const after = await readState(statePath);
  expect(after.statusUpdates).toHaveLength(state.statusUpdates.length + 1);
  expect(after.statusUpdates.at(-1)).toMatchObject({
    municipalityId: slot.municipalityId,
    step: slot.step,
    status: next.status,
    previous: next.previous,
  });
}

describe('the same change submitted several times at once (a double click, two colleagues)', () => {
  let url: string;
  const duplicatesPath = () => path.join(dir, 'duplicates.json');
  // In a hook, so that a bot that does not start fails the suite rather than this test alone.
  beforeAll(async () => {
    ({ url } = await startBot(duplicatesPath()));
    const replies = await ask(url, `kommune ${slots[0]!.municipalityId}`, memberOf(slots[0]!.municipalityId));
    expect(replies.map((r) => r.summary)).toEqual([`Du hører nu til ${slots[0]!.municipalityName} ${LOCAL_TRUST}.`]);
  });

  // Fails today: the dialog compares with the current status before the store's serialized
  // update, so each simultaneous copy passes the check and is recorded ("started → started",
  // confirmed as "er nu påbegyndt (før: påbegyndt)"). Turn into `it` once the comparison is
  // made inside the update.
  it('records it once and tells the others that the step already has that status', async () => {
    const planned = planChains(slots, 0, 1)[0]![0]!;
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => submitUpdate(url, planned, () => performance.now())),
    );
    const recorded = updatesOf(await readState(duplicatesPath()), planned.slot);
    expect(recorded.map((u) => `${u.previous} → ${u.status}`)).toEqual(['not-started → started']);
    expect(confirmedOnly(outcomes)).toHaveLength(1);
    for (const answer of problems(outcomes))
      expect(answer).toContain(`trin 1 er allerede påbegyndt for ${planned.slot.municipalityName}.`);
  }, 60_000);
});
