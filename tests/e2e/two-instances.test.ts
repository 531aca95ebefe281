/**
 * Two klikbot processes on one PostgreSQL database, as behind a load balancer: the updates
 * sent to either are all recorded once, in one chain per municipality and step; one killed
 * mid-burst loses nothing it acknowledged; a reminder due at 09:00 is sent once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/state/postgres/postgres-store.js';
import { stateSchema, type State } from '../../src/state/schema.js';
import { ask, postMessages, visibleText } from '../support/bot-framework.js';
import { killRunning, spawnBot, waitForListening, type ChildBot, type LogLine } from '../support/child-bot.js';
import { startFakeConnector, type FakeConnector } from '../support/connector-fake.js';
import { freshDatabase, hasPostgres } from '../support/postgres.js';
import { startFakeSlack } from '../support/slack-fake.js';
import { cardOf, channelData, conversations, mentioning, teamsActivity } from '../support/teams-activities.js';
import { SLACK_SECRET, slackEnv } from '../support/slack-harness.js';
import { directMessage, eventCallback, nowSeconds, postToSlack } from '../support/slack-requests.js';
import {
  loadSlots,
  memberOf,
  planChains,
  sendChains,
  submitUpdate,
  updatesOf,
  type Outcome,
  type Slot,
} from '../support/status-traffic.js';

const NOW = '2018-10-01T10:00:00+02:00';
const BURST = 600;
const IN_FLIGHT = 40;
const KILL_AFTER = 150;

let dir: string;
const running: ChildBot[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'klikbot-two-instances-'));
});

afterAll(async () => {
  await killRunning(running);
  await rm(dir, { recursive: true, force: true });
});

/** One instance: its own folder for what stays per process (the send log), the shared database for the state. */
/** A running instance: its process and its address. */
interface Instance {
  bot: ChildBot;
  url: string;
}

async function startInstance(name: string, databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
  const bot = spawnBot({
    KLIKBOT_DATABASE_URL: databaseUrl,
    KLIKBOT_DB: path.join(dir, name, 'state.json'),
    KLIKBOT_NOW: NOW,
    ...env,
  });
  running.push(bot);
  return { bot, url: await waitForListening(bot) };
}

async function stateIn(databaseUrl: string): Promise<State> {
  const store = await openPostgresStore(databaseUrl, { listen: false });
  try {
    return stateSchema.parse(store.read());
  } finally {
    await store.close();
  }
}

function confirmed(outcomes: Outcome[]) {
  return outcomes.flatMap((outcome) => (outcome.kind === 'confirmed' ? [outcome] : []));
}

describe.runIf(hasPostgres)('two instances on one database', () => {
  let slots: Slot[];
  beforeAll(async () => {
    slots = await loadSlots();
  });

  // one pair of instances for the tests without settings of their own (starting one takes seconds)
  let pair: Promise<{ databaseUrl: string; first: Instance; second: Instance }> | undefined;
  const sharedPair = () =>
    (pair ??= (async () => {
      const databaseUrl = await freshDatabase();
      const [first, second] = await Promise.all([
        startInstance('first', databaseUrl),
        startInstance('second', databaseUrl),
      ]);
      return { databaseUrl, first, second };
    })());

  it('counts 500 votes split between the two once each', async () => {
    const connector = await startFakeConnector();
    try {
      const { databaseUrl, first, second } = await sharedPair();
      const where = { conversation: conversations.channel, channelData };
      const creator = { from: { id: '29:mette', name: 'Mette', aadObjectId: 'aad-mette' } };
      const question = 'Hvilken strategi vælger I?';
      const posted = await postMessages(
        first.url,
        teamsActivity(connector.url, {
          ...where,
          ...creator,
          ...mentioning(`afstemning: ${question} | A Integration | B STS ORG GUI | C Interim`),
        }),
      );
      expect(posted.status).toBe(200);
      const [card] = await connector.waitFor(1);
      const options = (cardOf(card!).actions ?? []).filter((action) => action.title !== 'Luk afstemning');
      expect(options).toHaveLength(3);
      const votes = Array.from({ length: 500 }, (_, voter) => ({ voter, option: options[voter % 3]! }));
      const answers: number[] = [];
      // 50 in flight at a time, every other vote to the other instance
      for (let start = 0; start < votes.length; start += 50) {
        const batch = votes.slice(start, start + 50).map(async ({ voter, option }) => {
          const response = await postMessages(
            (voter % 2 === 0 ? first : second).url,
            teamsActivity(connector.url, {
              ...where,
              from: { id: `29:voter-${voter}`, name: `Deltager ${voter}`, aadObjectId: `aad-voter-${voter}` },
              type: 'invoke',
              name: 'adaptiveCard/action',
              replyToId: 'sent-1',
              value: { action: { type: 'Action.Execute', verb: option.verb, data: option.data } },
            }),
          );
          await response.text();
          return response.status;
        });
        answers.push(...(await Promise.all(batch)));
      }
      expect(answers.filter((status) => status !== 200)).toEqual([]);
      const state = await stateIn(databaseUrl);
      expect(state.polls).toHaveLength(1);
      expect(state.votes.filter((vote) => vote.pollId === state.polls[0]!.id)).toHaveLength(500);
      expect(new Set(state.votes.map((vote) => vote.voter)).size).toBe(500);
      const counted = ['a', 'b', 'c'].map((id) => state.votes.filter((vote) => vote.choices.includes(id)).length);
      expect(counted).toEqual([167, 167, 166]);
    } finally {
      await connector.close();
    }
  });

  it('understands a follow-up that reaches the other instance', async () => {
    const { first, second } = await sharedPair();
    const text = (activities: Awaited<ReturnType<typeof ask>>) => activities.map(visibleText).join('\n');
    await ask(first.url, 'hvilken løsning bruger Esbjerg i piloten?');
    // the load balancer sends the next message of the same conversation to the other instance
    expect(text(await ask(second.url, 'hvornår skal de på SAPA?'))).toContain('Esbjerg Kommune');
  });

  it('records the updates sent to either once, chained, and loses none acknowledged by one killed mid-burst', async () => {
    // last on the shared pair: it kills the first instance
    const { databaseUrl, first, second } = await sharedPair();
    // each municipality's member joins through one instance and reports through both
    for (const s of slots.filter((slot) => slot.step === 1))
      await ask(first.url, `kommune ${s.municipalityId}`, memberOf(s.municipalityId));

    const chains = planChains(slots, 0, BURST);
    let sent = 0;
    const { outcomes } = await sendChains(chains, IN_FLIGHT, (planned) =>
      submitUpdate((sent++ % 2 === 0 ? first : second).url, planned, () => performance.now()),
    );
    expect(outcomes.filter((outcome) => outcome.kind !== 'confirmed')).toEqual([]);
    const state = await stateIn(databaseUrl);
    expect(new Set(state.statusUpdates.map((u) => u.id))).toEqual(new Set(confirmed(outcomes).map((o) => o.updateId)));
    // each slot's updates follow one another: every one names the one before it, whichever instance took it
    for (const slot of slots) {
      const recorded = updatesOf(state, slot);
      recorded.forEach((u, i) => expect(u.previous).toBe(i === 0 ? 'not-started' : recorded[i - 1]!.status));
    }

    // a second burst, and the first instance killed in the middle of it
    const more = planChains(slots, BURST, BURST + 300);
    let acknowledged = 0;
    let killed = false;
    const { outcomes: during } = await sendChains(
      more,
      IN_FLIGHT,
      async (planned) => {
        const outcome = await submitUpdate((acknowledged % 2 === 0 && !killed ? first : second).url, planned, () =>
          performance.now(),
        );
        if (outcome.kind === 'confirmed' && ++acknowledged === KILL_AFTER) {
          killed = true;
          first.bot.process.kill('SIGKILL');
        }
        return outcome;
      },
      () => killed,
    );
    await first.bot.exited;
    const after = await stateIn(databaseUrl);
    const recorded = new Set(after.statusUpdates.map((u) => u.id));
    const lost = confirmed(during).filter((o) => !recorded.has(o.updateId));
    expect(lost).toEqual([]);
    expect(confirmed(during).length).toBeGreaterThanOrEqual(KILL_AFTER);
    // the instance left standing goes on from where the database is
    const next = more.flat().find((planned) => !confirmed(during).some((o) => o.planned === planned));
    if (next) {
      const standing = updatesOf(after, next.slot).at(-1)?.status ?? 'not-started';
      const answer = await submitUpdate(
        second.url,
        { ...next, previous: standing, status: standing === 'done' ? 'started' : 'done' },
        () => 0,
      );
      expect(answer.kind).toBe('confirmed');
    }
    second.bot.process.kill('SIGTERM');
    await second.bot.exited;
  });

  it('answers a Slack event once when its retry reaches the other instance', async () => {
    const fake = await startFakeSlack();
    try {
      const databaseUrl = await freshDatabase();
      const [first, second] = await Promise.all([
        startInstance('slack-a', databaseUrl, slackEnv(fake.apiUrl)),
        startInstance('slack-b', databaseUrl, slackEnv(fake.apiUrl)),
      ]);
      const question = eventCallback(directMessage({ text: 'hvornår er deadline for BBR?' }));
      expect((await postToSlack(first.url, SLACK_SECRET, question)).status).toBe(200);
      // Slack did not hear back in time and tries again; the load balancer sends it to the other instance
      expect((await postToSlack(second.url, SLACK_SECRET, question, { retryNum: 1 })).status).toBe(200);
      const another = eventCallback(directMessage({ text: 'hvem er KOMBIT-programleder?' }));
      expect((await postToSlack(second.url, SLACK_SECRET, another)).status).toBe(200);
      // the other question is answered: by then the retry before it was handled, or dropped
      const answers = await fake.waitFor('chat.postMessage', 10_000, 2);
      const retried = (line: LogLine) => line.msg === 'dropped a Slack event already answered (a retry)';
      await Promise.any([first, second].map(({ bot }) => bot.waitForLog('the retry dropped', retried, 10_000)));
      const dropped = [first, second].flatMap(({ bot }) => bot.logLines().filter(retried));
      // a request overheard and replayed, not Slack's retry, is refused by the other instance too
      const overheard = eventCallback(directMessage({ text: 'hvem er KOMBIT-programleder?' }));
      const timestamp = nowSeconds();
      expect((await postToSlack(first.url, SLACK_SECRET, overheard, { timestamp })).status).toBe(200);
      expect((await postToSlack(second.url, SLACK_SECRET, overheard, { timestamp })).status).toBe(401);
      expect(dropped).toHaveLength(1);
      expect(answers).toHaveLength(2);
      // the overheard question was answered by the first instance, once
      await fake.waitFor('chat.postMessage', 10_000, 3);
      for (const { bot } of [first, second]) {
        bot.process.kill('SIGTERM');
        await bot.exited;
      }
    } finally {
      await fake.close();
    }
  });

  describe('a reminder due at 09:00', () => {
    let connector: FakeConnector;
    beforeAll(async () => {
      connector = await startFakeConnector();
    });
    afterAll(async () => {
      await connector.close();
    });

    it('is sent once, by one of the two', async () => {
      const databaseUrl = await freshDatabase();
      const channel = '19:aarhus@thread.tacv2';
      const since = '2018-09-01T10:00:00.000+02:00';
      const by = { channel: 'teams', userId: 'aad-mette', name: 'Mette' };
      const seed = await openPostgresStore(databaseUrl, { listen: false });
      await seed.update((draft) => {
        draft.conversations.push({
          channel: 'msteams',
          conversationId: channel,
          serviceUrl: connector.url,
          reference: {
            channelId: 'msteams',
            serviceUrl: connector.url,
            conversation: { id: channel, isGroup: true, conversationType: 'channel' },
            bot: { id: '28:klikbot-app', name: 'klikbot' },
          },
          isGroup: true,
          firstSeen: since,
          lastSeen: since,
        });
        draft.conversationLinks.push({
          channel: 'msteams',
          conversationId: channel,
          municipalityId: 'aarhus',
          since,
          by,
          verified: true,
        });
        draft.reminderSubscriptions.push({ channel: 'msteams', conversationId: channel, mutedItemIds: [], by, since });
      });
      await seed.close();
      const env = {
        KLIKBOT_NOW: '2018-10-25T08:59:55+02:00',
        KLIKBOT_REMINDER_TICK_SECONDS: '1',
        LOG_LEVEL: 'debug',
      };
      const instances = await Promise.all([
        startInstance('morning-a', databaseUrl, env),
        startInstance('morning-b', databaseUrl, env),
      ]);
      const moment = Date.parse('2018-10-25T09:00:00+02:00');
      const past = (line: LogLine) =>
        line.msg === 'reminder tick' && Date.parse((line.report as { from: string }).from) >= moment;
      await Promise.all(instances.map(({ bot }) => bot.waitForLog('a reminder tick past 09:00', past)));
      const headings = connector.requests.map(
        (request) => request.body.attachments?.[0]?.content.body?.[0]?.text ?? request.body.text,
      );
      expect(headings.sort()).toEqual([
        '🔔 Om 7 dage: BBR kun via Adgangsstyring',
        '🔔 Om 7 dage: Udpeg FK-ADM og FK-ANSV',
      ]);
      const sentBy = instances.map(({ bot }) =>
        bot
          .logLines()
          .reduce((sum, line) => sum + (line.msg === 'reminder tick' ? (line.report as { sent: number }).sent : 0), 0),
      );
      expect(sentBy.reduce((a, b) => a + b, 0)).toBe(2);
      for (const { bot } of instances) {
        bot.process.kill('SIGTERM');
        await bot.exited;
      }
    });
  });
});
