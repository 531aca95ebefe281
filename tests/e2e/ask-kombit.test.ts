import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeConnector, type ConnectorRequest, type FakeConnector } from '../support/connector-fake.js';
import { blockText, buttonClick, buttonLabelled, slackEnv, SLACK_SECRET } from '../support/slack-harness.js';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../support/slack-fake.js';
import {
  appMention,
  eventCallback,
  postToSlack,
  viewSubmission,
  type SlackRequest,
} from '../support/slack-requests.js';
import { storedStateAt } from '../support/stored-text.js';
import {
  cardBodyText,
  cardOf,
  channelData,
  conversations,
  mentioning,
  teamsActivity,
  type CardAction,
} from '../support/teams-activities.js';

const EXPERTS = 'C0EXPERTS';
const ASKERS = 'C0PROGRAM';
const slackAdmin = 'U0ADMIN';
const erik = 'U0ERIK';
const sofie = 'U0SOFIE';
const teamsAdmin = { id: '29:admin', name: 'Admin', aadObjectId: 'aad-admin' };
const teamsExpert = { id: '29:kim', name: 'Kim Ekspert', aadObjectId: 'aad-kim' };
const expertsChannel = {
  ...conversations.channel,
  id: '19:eksperter@thread.tacv2;messageid=1800000000000',
};
const expertsChannelData = { ...channelData, channel: { id: '19:eksperter@thread.tacv2', name: 'Eksperter' } };

interface StoredQuestion {
  id: string;
  postedAt?: string;
  deliveredAt?: string;
  takenBy?: { userId: string };
  cardMessage?: { conversationId: string; messageId: string };
  answer?: { text: string; saved: boolean };
}

interface OpenedView {
  callback_id: string;
  private_metadata: string;
}

/** One bot with Teams (through a fake connector) and Slack (through a fake Web API), on one state file that outlives restarts. */
function useBothChannels() {
  const h = {} as { connector: FakeConnector; slack: FakeSlack; bot: Awaited<ReturnType<typeof startTestBot>> };
  const env = () =>
    slackEnv(h.slack.apiUrl, {
      KLIKBOT_ADMINS: `slack:${slackAdmin}`,
      KLIKBOT_REMINDER_TICK_SECONDS: '0',
    });
  beforeEach(async () => {
    h.connector = await startFakeConnector();
    h.slack = await startFakeSlack();
    h.bot = await startTestBot(env());
  });
  afterEach(async () => {
    await h.bot.close();
    await h.connector.close();
    await h.slack.close();
  });
  const restart = async () => {
    await h.bot.close();
    h.bot = await startTestBot(env(), { statePath: h.bot.statePath });
  };
  const slackPost = async (request: SlackRequest) => {
    const response = await postToSlack(h.bot.url, SLACK_SECRET, request);
    expect(response.status).toBe(200);
    await h.bot.idle();
  };
  const teams = async (activity: Record<string, unknown>, expected = 1): Promise<ConnectorRequest[]> => {
    const before = h.connector.requests.length;
    const response = await fetch(`${h.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    expect(response.status).toBe(200);
    return (await h.connector.waitFor(before + expected)).slice(before);
  };
  const questions = async () =>
    ((await storedStateAt(h.bot.statePath)) as { kombitQuestions: StoredQuestion[] }).kombitQuestions;
  return { h, restart, slackPost, teams, questions };
}

function actionTitled(request: ConnectorRequest | undefined, title: RegExp): CardAction {
  const action = (cardOf(request!).actions ?? []).find((one) => title.test(one.title));
  if (!action) throw new Error(`no action ${String(title)} in ${JSON.stringify(cardOf(request!).actions)}`);
  return action;
}

const posts = (slack: FakeSlack, channel: string) =>
  slack.calls('chat.postMessage').filter((call) => call.args.channel === channel);

describe('Ask KOMBIT across Teams and Slack', () => {
  const { h, restart, slackPost, teams, questions } = useBothChannels();

  it("a Teams user's question goes to the Slack experts; one takes it, a second cannot answer it, the answer comes back in the Teams thread and is learned", async () => {
    await slackPost(eventCallback(appMention({ text: 'eksperter her', channel: EXPERTS, user: slackAdmin })));
    await h.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && blockText(call.args.blocks).includes('tager KOMBITs eksperter'),
    );

    // Mette asks in a Teams channel's thread what the material does not hold
    const inThread = { conversation: conversations.channel, channelData };
    const [answer] = await teams(
      teamsActivity(h.connector.url, { ...inThread, ...mentioning('hvad koster en SAPA-licens for kommunen?') }),
    );
    const ask = actionTitled(answer, /^Spørg KOMBIT$/);
    const [form] = await teams(teamsActivity(h.connector.url, { ...inThread, value: ask.data }));
    const send = actionTitled(form, /Send til KOMBIT/);
    const [sent] = await teams(
      teamsActivity(h.connector.url, {
        ...inThread,
        value: { ...(send.data as object), note: 'Til budgettet for 2019' },
      }),
    );
    expect(`${sent!.body.text ?? ''}${cardBodyText(cardOf(sent!))}`).toContain('Sendt til KOMBIT');

    // the experts' card: the question, the line, who asked, where
    const [card] = await h.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === EXPERTS &&
        blockText(call.args.blocks).includes('SAPA-licens'),
    );
    const shown = blockText(card!.args.blocks);
    expect(shown).toContain('Til budgettet for 2019');
    expect(shown).toContain('Mette Programleder');
    expect(shown).toContain('Teams, kanal');
    const [stored] = await questions();
    expect(stored?.postedAt).toBeDefined();

    await restart();
    const cardTs = stored!.cardMessage!.messageId;
    const press = (user: string, label: RegExp) =>
      buttonClick({
        actionId: buttonLabelled(card!.args.blocks, label).action_id,
        value: buttonLabelled(card!.args.blocks, label).value,
        user,
        channel: EXPERTS,
        messageTs: cardTs,
        responseUrl: h.slack.responseUrl(user),
      });

    await slackPost(press(erik, /Jeg tager den/));
    console.log(JSON.stringify(h.slack.calls('response_url').map((c) => c.args)));
    const [taken] = await h.slack.waitFor(
      (call) => call.method === 'chat.update' && blockText(call.args.blocks).includes('Taget af'),
    );
    expect(taken!.args.ts).toBe(cardTs);
    expect((await questions())[0]?.takenBy?.userId).toBe(erik);

    // Sofie presses "Svar" on the card she still sees: she is told it is taken, and no form opens
    await slackPost(press(sofie, /^Svar$/));
    const [refused] = await h.slack.waitFor((call) => call.method === 'response_url' && call.responseId === sofie);
    expect(JSON.stringify(refused!.args)).toContain('har taget det');
    expect(h.slack.calls('views.open')).toEqual([]);

    await restart();
    await slackPost(press(erik, /^Svar$/));
    const [opened] = await h.slack.waitFor('views.open');
    const view = opened!.args.view as OpenedView;
    const values = {
      answer: {
        text: {
          type: 'plain_text_input',
          value: 'SAPA koster ingen licens for kommunen; driften betales over den fælleskommunale finansiering.',
        },
      },
      save: { choice: { type: 'static_select', selected_option: { value: 'yes' } } },
      variants: {
        text: { type: 'plain_text_input', value: 'Hvad er prisen på SAPA?\nSkal vi betale for at bruge SAPA?' },
      },
    };
    const before = h.connector.requests.length;
    await slackPost(
      viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values, user: erik }),
    );
    const [delivered] = (await h.connector.waitFor(before + 1)).slice(before);
    // in Mette's thread, in Teams
    expect(decodeURIComponent(delivered!.url)).toContain(`/v3/conversations/${conversations.channel.id}/activities`);
    expect(`${delivered!.body.text ?? ''}\n${cardBodyText(cardOf(delivered!))}`).toContain('SAPA koster ingen licens');
    await h.slack.waitFor(
      (call) => call.method === 'chat.update' && blockText(call.args.blocks).includes('Besvaret af'),
    );
    const [answered] = await questions();
    expect(answered?.deliveredAt).toBeDefined();

    // after a restart nothing is sent again
    await restart();
    const connectorBefore = h.connector.requests.length;
    const slackBefore = h.slack.calls().length;
    await h.bot.reminders.tick();
    expect(h.connector.requests.length).toBe(connectorBefore);
    expect(h.slack.calls().length).toBe(slackBefore);

    // a paraphrase that shares few words gets the learned answer
    const [learned] = await teams(
      teamsActivity(h.connector.url, { ...inThread, ...mentioning('er der en pris for at bruge SAPA?') }),
    );
    expect(`${learned!.body.text ?? ''}\n${cardBodyText(cardOf(learned!))}`).toContain('SAPA koster ingen licens');
  });
});
