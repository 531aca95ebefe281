import { generateKeyPairSync } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeConnector, type ConnectorRequest, type FakeConnector } from '../support/connector-fake.js';
import { blockText, buttonClick, buttonLabelled, slackEnv, SLACK_SECRET } from '../support/slack-harness.js';
import { startFakeSlack, type FakeSlack } from '../support/slack-fake.js';
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
  type CardContent,
} from '../support/teams-activities.js';
import { APP_ID, channelToken, signedEndpoints, startKeyServer } from '../support/teams-signing.js';

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

/**
 * One bot with Teams (signed Bot Framework tokens, through a fake connector) and Slack (through
 * a fake Web API), on one state file that outlives restarts.
 */
function useBothChannels() {
  const h = {} as { connector: FakeConnector; slack: FakeSlack; bot: Awaited<ReturnType<typeof startTestBot>> };
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let keys: Awaited<ReturnType<typeof startKeyServer>>;
  const env = () =>
    slackEnv(h.slack.apiUrl, {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'unused',
      MicrosoftAppType: 'MultiTenant',
      KLIKBOT_ADMINS: `slack:${slackAdmin},teams:${teamsAdmin.aadObjectId}`,
      KLIKBOT_REMINDER_TICK_SECONDS: '0',
    });
  const start = (statePath?: string) =>
    startTestBot(env(), { teamsEndpoints: signedEndpoints(keys.url), ...(statePath ? { statePath } : {}) });
  beforeAll(async () => {
    keys = await startKeyServer(publicKey);
  });
  afterAll(() => {
    keys.server.close();
  });
  beforeEach(async () => {
    h.connector = await startFakeConnector();
    h.slack = await startFakeSlack();
    h.bot = await start();
  });
  afterEach(async () => {
    await h.bot.close();
    await h.connector.close();
    await h.slack.close();
  });
  const restart = async () => {
    await h.bot.close();
    h.bot = await start(h.bot.statePath);
  };
  const slackPost = async (request: SlackRequest) => {
    const response = await postToSlack(h.bot.url, SLACK_SECRET, request);
    expect(response.status).toBe(200);
    await h.bot.idle();
  };
  const teamsPost = (activity: Record<string, unknown>) =>
    fetch(`${h.bot.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${channelToken(privateKey, { serviceurl: h.connector.url })}`,
      },
      body: JSON.stringify(activity),
    });
  const teams = async (activity: Record<string, unknown>, expected = 1): Promise<ConnectorRequest[]> => {
    const before = h.connector.requests.length;
    expect((await teamsPost(activity)).status).toBe(200);
    return (await h.connector.waitFor(before + expected)).slice(before);
  };
  /** An Action.Execute pressed on a card in the experts' Teams channel; resolves with the card Teams is answered with. */
  const execute = async (who: typeof teamsExpert, action: CardAction, inputs: Record<string, string> = {}) => {
    const response = await teamsPost(
      teamsActivity(h.connector.url, {
        from: who,
        conversation: expertsChannel,
        channelData: expertsChannelData,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: action.verb, data: { ...(action.data as object), ...inputs } },
        },
      }),
    );
    expect(response.status).toBe(200);
    return ((await response.json()) as { value: CardContent & { message?: string } }).value;
  };
  const questions = async () =>
    ((await storedStateAt(h.bot.statePath)) as { kombitQuestions: StoredQuestion[] }).kombitQuestions;
  return { h, restart, slackPost, teams, execute, questions };
}

function actionTitled(request: ConnectorRequest | undefined, title: RegExp): CardAction {
  const action = (cardOf(request!).actions ?? []).find((one) => title.test(one.title));
  if (!action) throw new Error(`no action ${String(title)} in ${JSON.stringify(cardOf(request!).actions)}`);
  return action;
}

describe('Ask KOMBIT across Teams and Slack', () => {
  const { h, restart, slackPost, teams, execute, questions } = useBothChannels();

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

  it("a Slack user's question goes to the Teams experts, the answer comes back in the Slack thread, and a removed learned answer is no longer given", async () => {
    const [designated] = await teams(
      teamsActivity(h.connector.url, {
        from: teamsAdmin,
        conversation: expertsChannel,
        channelData: expertsChannelData,
        ...mentioning('eksperter her'),
      }),
    );
    expect(`${designated!.body.text ?? ''}${cardBodyText(cardOf(designated!))}`).toContain('tager KOMBITs eksperter');

    // Mette asks in a Slack channel; klikbot answers in the message's thread
    const question = appMention({ text: 'hvad tjener en programleder om måneden?', channel: ASKERS });
    const threadTs = String(question.ts);
    await slackPost(eventCallback(question));
    const [reply] = await h.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === ASKERS && call.args.thread_ts === threadTs,
    );
    const ask = buttonLabelled(reply!.args.blocks, /^Spørg KOMBIT$/);
    await slackPost(
      buttonClick(
        { actionId: ask.action_id, value: ask.value, channel: ASKERS, messageTs: '1767225999.000100' },
        { threadTs },
      ),
    );
    const [opened] = await h.slack.waitFor('views.open');
    const view = opened!.args.view as OpenedView;
    const connectorBefore = h.connector.requests.length;
    await slackPost(
      viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values: {} }),
    );
    await h.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && blockText(call.args.blocks).includes('Sendt til KOMBIT'),
    );

    // the card in the experts' Teams channel, as a new post in the channel
    const [card] = (await h.connector.waitFor(connectorBefore + 1)).slice(connectorBefore);
    expect(decodeURIComponent(card!.url)).toContain('/v3/conversations/19:eksperter@thread.tacv2/activities');
    expect(cardBodyText(cardOf(card!))).toContain('hvad tjener en programleder');
    const answerButton = actionTitled(card, /^Svar$/);

    await restart();
    const form = await execute(teamsExpert, answerButton);
    const submit = (form.actions ?? []).find((action) => /Send svaret/.test(action.title));
    expect(submit).toBeDefined();
    const answered = await execute(teamsExpert, submit!, {
      answer: 'Lønnen aftales lokalt i hver kommune; KOMBIT fastsætter den ikke.',
      save: 'yes',
      variants: 'Hvad får en programleder i løn?',
    });
    expect(cardBodyText(answered)).toContain('Besvaret af Kim Ekspert');

    // in Mette's thread in Slack
    const [back] = await h.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === ASKERS &&
        blockText(call.args.blocks).includes('Lønnen aftales lokalt'),
    );
    expect(back!.args.thread_ts).toBe(threadTs);

    // learned: asked again, klikbot answers itself
    await slackPost(eventCallback(appMention({ text: 'hvad får en programleder i løn?', channel: ASKERS })));
    await h.slack.waitFor(
      (call) =>
        call.method === 'chat.postMessage' && blockText(call.args.blocks).includes('KOMBIT har svaret på det før'),
    );

    // an administrator removes it: klikbot no longer gives it
    await slackPost(eventCallback(appMention({ text: 'lærte svar', channel: ASKERS, user: slackAdmin })));
    const [learned] = await h.slack
      .waitFor(
        (call) => call.method === 'chat.postMessage' && blockText(call.args.blocks).includes('Lønnen aftales lokalt'),
        5_000,
        2,
      )
      .then((calls) => calls.slice(-1));
    const remove = buttonLabelled(learned!.args.blocks, /^Fjern$/);
    await slackPost(
      buttonClick({
        actionId: remove.action_id,
        value: remove.value,
        user: slackAdmin,
        channel: ASKERS,
        messageTs: '1767226999.000100',
      }),
    );
    await h.slack.waitFor((call) => blockText(call.args.blocks).includes('Fjernet'));
    const asked = appMention({ text: 'hvad får en programleder i løn?', channel: ASKERS });
    await slackPost(eventCallback(asked));
    const [again] = await h.slack.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.thread_ts === String(asked.ts),
    );
    expect(blockText(again!.args.blocks)).not.toContain('Lønnen aftales lokalt');
    expect(blockText(again!.args.blocks)).toContain('Spørg KOMBIT');
  });
});
