import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startTestBot, visibleText, type ReplyActivity } from '../support/bot-framework.js';
import { openWebChatStream } from '../support/web-chat-stream.js';

type Bot = Awaited<ReturnType<typeof startTestBot>>;

interface Action {
  title: string;
  data?: unknown;
}

function actionsOf(activity: ReplyActivity | undefined): Action[] {
  return activity?.attachments?.[0]?.content.actions ?? [];
}

function titled(activities: ReplyActivity[], title: RegExp): Action {
  const found = activities.flatMap(actionsOf).find((action) => title.test(action.title));
  if (!found)
    throw new Error(
      `no ${String(title)} among ${activities
        .flatMap(actionsOf)
        .map((a) => a.title)
        .join(' | ')}`,
    );
  return found;
}

describe('Ask KOMBIT in the local web chat, where the one person at the machine is asker and expert', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startTestBot({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00', KLIKBOT_REMINDER_TICK_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('designates the page as the expert conversation, hands a question over, answers it, and then answers it itself', async () => {
    const page = randomUUID();
    const where = { conversation: { id: `webchat-${page}` }, from: { id: `web-${page}`, name: 'Mette' } };
    const stream = await openWebChatStream(`${bot.url}/api/webchat/events?page=${page}`);
    const designated = await ask(bot.url, 'eksperter her', where);
    expect(visibleText(designated[0]!)).toContain('tager KOMBITs eksperter');

    const unknown = await ask(bot.url, 'hvad tjener en programleder?', where);
    const form = await ask(bot.url, '', { ...where, value: titled(unknown, /^Spørg KOMBIT$/).data });
    const sent = await ask(bot.url, '', { ...where, value: titled(form, /Send til KOMBIT/).data });
    expect(visibleText(sent[0]!)).toContain('Sendt til KOMBIT');
    const card = (await stream.next('activities')) as { activities: ReplyActivity[] };
    expect(visibleText(card.activities[0]!)).toContain('hvad tjener en programleder?');

    const answerForm = await ask(bot.url, '', { ...where, value: titled(card.activities, /^Svar$/).data });
    const submit = titled(answerForm, /Send svaret/);
    const inputs = {
      answer: 'Lønnen aftales lokalt i hver kommune.',
      save: 'yes',
      variants: 'hvad får en programleder i løn?',
    };
    const answered = await ask(bot.url, '', { ...where, value: { ...(submit.data as object), ...inputs } });
    expect(answered.map((activity) => visibleText(activity)).join('\n')).toContain('Besvaret af Mette');
    const back = (await stream.next('activities')) as { activities: ReplyActivity[] };
    expect(visibleText(back.activities[0]!)).toContain('Lønnen aftales lokalt');

    const learned = await ask(bot.url, 'hvad får en programleder i løn?', where);
    expect(visibleText(learned[0]!)).toContain('Lønnen aftales lokalt');
    stream.close();
  });
});
