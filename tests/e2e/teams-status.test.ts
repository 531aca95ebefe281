import { describe, expect, it } from 'vitest';
import { postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { teamsActivity } from '../support/teams-activities.js';

interface CardContent {
  body?: { type: string; id?: string; text?: string; choices?: { title: string; value: string }[] }[];
  actions?: { type: string; title: string; data?: Record<string, unknown>; verb?: string }[];
}

function card(request: ConnectorRequest): CardContent {
  return (request.body.attachments?.[0]?.content ?? {}) as CardContent;
}

function cardText(request: ConnectorRequest): string {
  return [request.body.text ?? '', ...(card(request).body ?? []).map((element) => element.text ?? '')].join('\n');
}

describe('a status from Teams: a form on a card that becomes "Fuldført ✓ af <navn>"', () => {
  const h = useBotAndConnector({ KLIKBOT_NOW: '2018-10-01T10:00:00+02:00' });

  async function say(text: string): Promise<ConnectorRequest> {
    const before = h.connector.requests.length;
    expect((await postMessages(h.bot.url, teamsActivity(h.connector.url, { text }))).status).toBe(200);
    return (await h.connector.waitFor(before + 1))[before]!;
  }

  it('joins, fills in the form, sees the card replaced with who did it, and can undo it in place', async () => {
    expect(cardText(await say('kommune Køge'))).toContain('Køge Kommune');
    const form = card(await say('opdater status'));
    const taskChoices = form.body?.find((element) => element.id === 'task')?.choices ?? [];
    const step3 = taskChoices.find((choice) => choice.value === 'bbr-adgangsstyring#3');
    expect(step3).toBeDefined();
    const submit = form.actions?.find((action) => action.type === 'Action.Submit');
    expect(submit?.title).toBe('Gem');

    // Teams posts the submit's data with the chosen values beside it, replying to the card
    h.connector.requests.length = 0;
    const value = { ...submit!.data, task: step3!.value, status: 'done' };
    await postMessages(h.bot.url, teamsActivity(h.connector.url, { value, replyToId: 'form-card-1' }));
    const [update] = await h.connector.waitFor(1);
    expect(update!.method).toBe('PUT');
    expect(update!.url).toContain('/activities/form-card-1');
    expect(cardText(update!)).toContain('Fuldført ✓ af Mette Programleder');
    expect(cardText(update!)).toMatch(/trin 3 er nu fuldført for Køge Kommune \(før: ikke påbegyndt\)/);

    const undo = card(update!).actions?.find((action) => action.title === 'Fortryd');
    expect(undo?.type).toBe('Action.Execute');
    const response = await postMessages(
      h.bot.url,
      teamsActivity(h.connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: undo!.verb, data: undo!.data } },
      }),
    );
    const answer = (await response.json()) as { statusCode: number; value: CardContent };
    expect(answer.statusCode).toBe(200);
    expect((answer.value.body ?? []).map((element) => element.text ?? '').join('\n')).toMatch(
      /Fortrudt: .*trin 3 er igen ikke påbegyndt for Køge Kommune/,
    );
  });

  it("leaves someone else's card alone when a non-member presses it, and tells them why", async () => {
    expect(cardText(await say('kommune Aarhus'))).toContain('Aarhus Kommune');
    const form = card(await say('opdater status'));
    const submit = form.actions?.find((action) => action.type === 'Action.Submit');
    h.connector.requests.length = 0;
    const jens = { from: { id: '29:jens', name: 'Jens', aadObjectId: 'aad-jens' } };
    await postMessages(
      h.bot.url,
      teamsActivity(h.connector.url, {
        ...jens,
        value: { ...submit!.data, task: 'bbr-adgangsstyring#2', status: 'done' },
        replyToId: 'mettes-form',
      }),
    );
    const [answer] = await h.connector.waitFor(1);
    expect(answer!.method).toBe('POST');
    expect(cardText(answer!)).toMatch(/^Du hører ikke til en kommune endnu/);

    const response = await postMessages(
      h.bot.url,
      teamsActivity(h.connector.url, {
        ...jens,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            data: { klikbot: { dialog: 'status-undo', args: { updateId: 'someone-elses' }, replacesCard: true } },
          },
        },
      }),
    );
    const refusal = (await response.json()) as { statusCode: number; type: string; value: { message: string } };
    expect(refusal).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
    expect(refusal.value.message).toContain('Intet er ændret');
  });

  it('has a status button on a step card that turns the card into "Fuldført ✓ af <navn>" with one press', async () => {
    expect(cardText(await say('kommune Vejle'))).toContain('Vejle Kommune');
    const step = card(await say('hvad er trin 4 i BBR på Adgangsstyring?'));
    const report = step.actions?.find((action) => action.title === 'Meld trin 4 fuldført');
    expect(report?.type).toBe('Action.Execute');
    const response = await postMessages(
      h.bot.url,
      teamsActivity(h.connector.url, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: report!.verb, data: report!.data } },
      }),
    );
    const answer = (await response.json()) as { statusCode: number; value: CardContent };
    expect(answer.statusCode).toBe(200);
    const shown = (answer.value.body ?? []).map((element) => element.text ?? '').join('\n');
    expect(shown).toContain('Fuldført ✓ af Mette Programleder');
    expect(shown).toMatch(/trin 4 er nu fuldført for Vejle Kommune/);
  });
});
