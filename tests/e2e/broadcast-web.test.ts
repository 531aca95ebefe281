import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, startTestBot, visibleText, type ReplyActivity } from '../support/bot-framework.js';
import { openWebChatStream } from '../support/web-chat-stream.js';

interface Action {
  title: string;
  data?: unknown;
}

function titled(activities: ReplyActivity[], title: RegExp): Action {
  const actions = activities.flatMap((activity) => (activity.attachments?.[0]?.content.actions ?? []) as Action[]);
  const found = actions.find((action) => title.test(action.title));
  if (!found) throw new Error(`no ${String(title)} among ${actions.map((action) => action.title).join(' | ')}`);
  return found;
}

describe('KOMBIT news tried in the local web chat', () => {
  let bot: Awaited<ReturnType<typeof startTestBot>>;
  beforeAll(async () => {
    bot = await startTestBot({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00', KLIKBOT_REMINDER_TICK_SECONDS: '0' });
  });
  afterAll(async () => {
    await bot.close();
  });

  it('writes, previews and sends news to the open page, with its report', async () => {
    const page = randomUUID();
    const where = { conversation: { id: `webchat-${page}` }, from: { id: `web-${page}`, name: 'Mette' } };
    const stream = await openWebChatStream(`${bot.url}/api/webchat/events?page=${page}`);
    const form = await ask(bot.url, 'ny nyhed', where);
    const values = { title: 'Nyt om Organisation', text: 'Webinar den 2. oktober.', audience: 'all' };
    const preview = await ask(bot.url, '', {
      ...where,
      value: { ...(titled(form, /forhåndsvisning/i).data as object), ...values },
    });
    expect(preview.map((activity) => visibleText(activity)).join('\n')).toContain('1 samtale nu');
    await ask(bot.url, '', { ...where, value: titled(preview, /^Send$/).data });
    const report = (await stream.next('activities')) as { activities: ReplyActivity[] };
    expect(visibleText(report.activities[0]!)).toContain('Levering: Nyt om Organisation');
    await bot.reminders.tick();
    const news = (await stream.next('activities')) as { activities: ReplyActivity[] };
    expect(visibleText(news.activities[0]!)).toContain('Nyt om Organisation');
    stream.close();
  });
});
