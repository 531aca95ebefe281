import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { postAndCollect, useBotAndConnector } from '../support/bot-and-connector.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { blockText, useSlackBot } from '../support/slack-harness.js';
import { appMention } from '../support/slack-requests.js';
import { BOT, channelData, conversations, teamsActivity } from '../support/teams-activities.js';

const at = (time: string) => DateTime.fromISO(`2018-09-06T${time}+02:00`);
const soeren = { id: '29:soeren', name: 'Søren Toft', aadObjectId: 'aad-soeren' };

function textOf(request: ConnectorRequest | undefined): string {
  const card = request?.body.attachments?.[0]?.content;
  return [request?.body.text ?? '', ...(card?.body ?? []).map((element) => element.text ?? '')].join('\n');
}

describe("'medvært @navn' in a Teams channel", () => {
  const clock = createFixedClock(at('10:00:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });
  const inChannel = { conversation: conversations.channel, channelData };
  const say = (text: string, extra: Record<string, unknown> = {}, expected = 1) =>
    postAndCollect(h, teamsActivity(h.connector.url, { ...inChannel, text, ...extra }), expected);
  const botMention = { type: 'mention', text: `<at>${BOT.name}</at>`, mentioned: BOT };

  it('makes the person mentioned a co-host, known by the roster, who may then move the meeting on', async () => {
    await say(`<at>${BOT.name}</at> start møde`, { entities: [botMention] }, 3);
    // the roster tells who the mention is: the Entra object id that Søren's own turns carry
    h.connector.plan.push({ status: 200, body: { ...soeren, userPrincipalName: 'soeren@koege.dk' } });
    const [lookup, named] = await say(
      `<at>${BOT.name}</at> medvært <at>Søren Toft</at>`,
      {
        entities: [
          botMention,
          { type: 'mention', text: '<at>Søren Toft</at>', mentioned: { id: soeren.id, name: soeren.name } },
        ],
      },
      2,
    );
    expect(lookup?.method).toBe('GET');
    expect(lookup?.url).toContain(encodeURIComponent(soeren.id));
    expect(textOf(named)).toContain('Søren Toft er nu medvært for mødet (udpeget af Mette Programleder)');

    const [moved] = await say(`<at>${BOT.name}</at> næste punkt`, { from: soeren, entities: [botMention] });
    expect(textOf(moved)).toContain('Punkt 2 af 9');
  });
});

describe("'@klikbot medvært @navn' in a Slack channel", () => {
  const h = useSlackBot({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock: createFixedClock(at('10:00:00')) });
  const CHANNEL = 'C0MEETING';

  it('makes the person mentioned a co-host by their Slack id, named as users.info names them', async () => {
    await h.event(appMention({ text: 'start møde', channel: CHANNEL }));
    await h.settle();
    h.fake.plan('users.info', { body: { ok: true, user: { id: 'U0SOEREN', real_name: 'Søren Toft' } } });
    await h.event(appMention({ text: 'medvært <@U0SOEREN>', channel: CHANNEL }));
    const [named] = await h.waitFor(
      (call) => call.method === 'chat.postMessage' && blockText(call.args.blocks).includes('er nu medvært'),
    );
    expect(blockText(named!.args.blocks)).toContain('Søren Toft er nu medvært for mødet');
    expect(h.calls('users.info').map((call) => call.args.user)).toEqual(['U0SOEREN']);

    await h.event(appMention({ text: 'næste punkt', channel: CHANNEL, user: 'U0SOEREN' }));
    const [moved] = await h.waitFor(
      (call) => call.method === 'chat.postMessage' && blockText(call.args.blocks).includes('Punkt 2 af 9'),
    );
    expect(moved!.args.channel).toBe(CHANNEL);
  });
});
