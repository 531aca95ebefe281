import { storedStateAt } from '../support/stored-text.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot-framework.js';
import { startFakeSlack, type FakeSlack, type SlackCall } from '../support/slack-fake.js';
import {
  appHomeOpened,
  blockAction,
  directMessage,
  eventCallback,
  postToSlack,
  slashCommand,
  viewSubmission,
} from '../support/slack-requests.js';

const SECRET = 'secret';

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; element?: { options?: { value: string; text: { text: string } }[] } }[];
}

function textOf(call: SlackCall): string {
  return JSON.stringify(call.args);
}

describe('status from Slack: joining a municipality and the status modal', () => {
  let fake: FakeSlack;
  let bot: Awaited<ReturnType<typeof startTestBot>>;

  // a bot on a fresh state file and a fake that has seen nothing, for each test: each tells its own story from the start
  beforeEach(async () => {
    fake = await startFakeSlack();
    bot = await startTestBot({
      KLIKBOT_NOW: '2018-10-01T10:00:00+02:00',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: fake.apiUrl,
      KLIKBOT_ADMINS: 'slack:U0ADMIN',
    });
  });
  afterEach(async () => {
    await bot.close();
    await fake.close();
  });

  async function command(text: string, user = 'U0METTE', channelId?: string): Promise<SlackCall> {
    const id = `cmd-${Math.random().toString(36).slice(2)}`;
    expect(
      (
        await postToSlack(
          bot.url,
          SECRET,
          slashCommand({ text, userId: user, responseUrl: fake.responseUrl(id), ...(channelId ? { channelId } : {}) }),
        )
      ).status,
    ).toBe(200);
    const [answer] = await fake.waitFor((call) => call.method === 'response_url' && call.responseId === id);
    return answer!;
  }

  async function openForm(user: string): Promise<OpenedView> {
    const before = fake.calls('views.open').length;
    expect(
      (
        await postToSlack(
          bot.url,
          SECRET,
          slashCommand({ text: 'opdater', userId: user, responseUrl: fake.responseUrl(`open-${user}`) }),
        )
      ).status,
    ).toBe(200);
    await fake.waitFor('views.open', 5000, before + 1);
    return fake.calls('views.open')[before]!.args.view as OpenedView;
  }

  async function submit(view: OpenedView, user: string, task: string, status: string): Promise<SlackCall> {
    const before = fake.calls('chat.postMessage').length;
    const values = {
      task: { choice: { type: 'static_select', selected_option: { value: task } } },
      status: { choice: { type: 'static_select', selected_option: { value: status } } },
    };
    const response = await postToSlack(
      bot.url,
      SECRET,
      viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values, user }),
    );
    expect(response.status).toBe(200);
    await fake.waitFor('chat.postMessage', 5000, before + 1);
    return fake.calls('chat.postMessage')[before]!;
  }

  /** Mette claims Aarhus, and the administrator's roster verifies her. */
  async function metteJoinsAarhus(): Promise<void> {
    await command('kommune Aarhus');
    expect(textOf(await command('medlemsliste slack:U0METTE,Aarhus', 'U0ADMIN', 'D0ADMIN'))).toContain(
      '1 medlemskaber er bekræftet',
    );
  }

  /** Mette, a member of Aarhus, reports BBR step 3 done in the modal; returns the confirmation. */
  async function metteReportsBbrStep3(): Promise<SlackCall> {
    await metteJoinsAarhus();
    const view = await openForm('U0METTE');
    const taskOptions = view.blocks.find((block) => block.block_id === 'task')!.element!.options!;
    const bbrStep3 = taskOptions.find((option) => /BBR/.test(option.text.text) && /3/.test(option.text.text));
    return submit(view, 'U0METTE', bbrStep3!.value, 'done');
  }

  it('refuses the form to someone who has not said which municipality they belong to', async () => {
    const answer = await command('opdater', 'U0JENS');
    expect(answer.args.text).toMatch(/^Du hører ikke til en kommune endnu.*kommune &lt;navn&gt;/);
    expect(fake.calls('views.open')).toHaveLength(0);
  });

  it('joins a municipality with /klik kommune once the claim is verified (here by the roster an administrator imports)', async () => {
    const claim = await command('kommune Aarhus');
    expect(textOf(claim)).toContain('Du har bedt om at høre til Aarhus Kommune');
    // in the administrator's DM with klikbot: a roster is not pasted where a channel reads it
    const imported = await command('medlemsliste slack:U0METTE,Aarhus', 'U0ADMIN', 'D0ADMIN');
    expect(textOf(imported)).toContain('1 medlemskaber er bekræftet');
    const answer = await command('kommune Aarhus');
    expect(textOf(answer)).toContain('Du hører allerede til Aarhus Kommune');
  });

  it('opens the status modal with task and status pickers, and the submission sets the status', async () => {
    await metteJoinsAarhus();
    const view = await openForm('U0METTE');
    const pickers = view.blocks.filter((block) => block.type === 'input').map((block) => block.block_id);
    expect(pickers).toEqual(['task', 'status']);
    const taskOptions = view.blocks.find((block) => block.block_id === 'task')!.element!.options!;
    const bbrStep3 = taskOptions.find((option) => /BBR/.test(option.text.text) && /3/.test(option.text.text));
    expect(bbrStep3).toBeDefined();
    const confirmation = await submit(view, 'U0METTE', bbrStep3!.value, 'done');
    expect(confirmation.args.channel).toBe('U0METTE');
    expect(textOf(confirmation)).toMatch(/fuldført for Aarhus Kommune/);
  });

  it("leaves Mette's confirmation alone when Jens presses its undo, and tells Jens privately", async () => {
    const confirmation = await metteReportsBbrStep3();
    const blocks = (confirmation.args.blocks ?? []) as {
      type: string;
      elements?: { action_id: string; value: string; text: { text: string } }[];
    }[];
    const undo = blocks.flatMap((block) => block.elements ?? []).find((element) => element.text?.text === 'Fortryd');
    expect(undo).toBeDefined();
    const before = fake.calls().length;
    const click = blockAction({
      actionId: undo!.action_id,
      value: undo!.value,
      user: 'U0JENS',
      channel: 'C0PROGRAM',
      responseUrl: fake.responseUrl('jens-undo'),
    });
    expect((await postToSlack(bot.url, SECRET, click)).status).toBe(200);
    const [note] = await fake.waitFor((call) => call.method === 'response_url' && call.responseId === 'jens-undo');
    expect(note!.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(note!.args.text)).toContain('Intet er ændret');
    expect(
      fake
        .calls()
        .slice(before)
        .some((call) => call.method === 'chat.update'),
    ).toBe(false);
  });

  it("shows the municipality's open tasks in the App Home, without the step just done", async () => {
    await metteReportsBbrStep3();
    const before = fake.calls('views.publish').length;
    expect((await postToSlack(bot.url, SECRET, eventCallback(appHomeOpened({ user: 'U0METTE' })))).status).toBe(200);
    await fake.waitFor('views.publish', 5000, before + 1);
    const home = JSON.stringify(fake.calls('views.publish')[before]!.args.view);
    expect(home).toContain('Status for Aarhus Kommune');
    expect(home).toMatch(/trin 4: ikke påbegyndt/);
    expect(home).not.toMatch(/trin 3: /);
    expect(home).toContain('Kommende deadlines');
  });

  it('offers the form as a button when asked for in a DM, and the button opens the modal', async () => {
    await metteJoinsAarhus();
    const posted = fake.calls('chat.postMessage').length;
    const dm = eventCallback(directMessage({ text: 'opdater status', user: 'U0METTE', channel: 'D0METTE' }));
    expect((await postToSlack(bot.url, SECRET, dm)).status).toBe(200);
    await fake.waitFor('chat.postMessage', 5000, posted + 1);
    const blocks = (fake.calls('chat.postMessage')[posted]!.args.blocks ?? []) as {
      elements?: { action_id: string; value: string; text: { text: string } }[];
    }[];
    const open = blocks
      .flatMap((block) => block.elements ?? [])
      .find((element) => element.text?.text === 'Opdater status');
    expect(open).toBeDefined();
    const opened = fake.calls('views.open').length;
    const click = blockAction({
      actionId: open!.action_id,
      value: open!.value,
      user: 'U0METTE',
      channel: 'D0METTE',
      responseUrl: fake.responseUrl('dm-open'),
    });
    expect((await postToSlack(bot.url, SECRET, click)).status).toBe(200);
    await fake.waitFor('views.open', 5000, opened + 1);
    expect((fake.calls('views.open')[opened]!.args.view as OpenedView).callback_id).toBe('klikbot-form');
  });

  it('asks again for a field left empty instead of guessing', async () => {
    await metteJoinsAarhus();
    const view = await openForm('U0METTE');
    const values = {
      task: { choice: { type: 'static_select', selected_option: null } },
      status: { choice: { type: 'static_select', selected_option: { value: 'done' } } },
    };
    const response = await postToSlack(
      bot.url,
      SECRET,
      viewSubmission({ callbackId: view.callback_id, privateMetadata: view.private_metadata, values, user: 'U0METTE' }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ response_action: 'errors', errors: { task: 'Vælg en af mulighederne.' } });
  });

  it('refuses a submission by someone outside the municipality, and writes nothing', async () => {
    // Mette's own report is the one update in the file
    await metteReportsBbrStep3();
    const view = await openForm('U0METTE');
    const refusal = await submit(view, 'U0JENS', 'bbr-adgangsstyring#4', 'done');
    expect(refusal.args.channel).toBe('U0JENS');
    expect(refusal.args.text).toMatch(/^Du hører ikke til en kommune endnu/);
    const state = (await storedStateAt(bot.statePath)) as {
      statusUpdates: { step?: number }[];
    };
    expect(state.statusUpdates.map((update) => update.step)).toEqual([3]);
  });
});
