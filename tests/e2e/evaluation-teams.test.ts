import { storedTextAt } from '../support/stored-text.js';
import { describe, expect, it } from 'vitest';
import { postMessages } from '../support/bot-framework.js';
import { postAndCollect, useBotAndConnector } from '../support/bot-and-connector.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { channelData, conversations, mentioning, teamsActivity } from '../support/teams-activities.js';
import { acceptFile, consentOf } from '../support/teams-files.js';

interface CardElement {
  type: string;
  id?: string;
  text?: string;
  isMultiline?: boolean;
  maxLength?: number;
  isRequired?: boolean;
  choices?: { title: string; value: string }[];
}

interface CardContent {
  body?: CardElement[];
  actions?: { type: string; title: string; data?: Record<string, unknown>; verb?: string }[];
}

function card(request: ConnectorRequest): CardContent {
  return (request.body.attachments?.[0]?.content ?? {}) as CardContent;
}

function shown(content: CardContent): string {
  return (content.body ?? []).map((element) => element.text ?? '').join('\n');
}

const people = {
  peter: { from: { id: '29:peter', name: 'Peter Hansen', aadObjectId: 'aad-peter' } },
  jens: { from: { id: '29:jens', name: 'Jens Jensen', aadObjectId: 'aad-jens' } },
};
const inChannel = { conversation: conversations.channel, channelData };

describe('the end-of-meeting evaluation in a Teams channel', () => {
  const h = useBotAndConnector({ KLIKBOT_NOW: '2018-09-06T11:55:00+02:00' });

  const post = (activity: Record<string, unknown>, expected = 1): Promise<ConnectorRequest[]> =>
    postAndCollect(h, teamsActivity(h.connector.url, { ...inChannel, ...activity }), expected);

  async function execute(
    who: Record<string, unknown>,
    data: unknown,
  ): Promise<{ statusCode: number; type: string; value: unknown }> {
    const activity = teamsActivity(h.connector.url, {
      ...inChannel,
      ...who,
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', data } },
    });
    return (await (await postMessages(h.bot.url, activity)).json()) as {
      statusCode: number;
      type: string;
      value: unknown;
    };
  }

  it('runs from the card to the form, one anonymous answer each, to the results the host shows everyone', async () => {
    const [posted] = await post(mentioning('start evaluering'));
    const evaluationCard = card(posted!);
    expect(shown(evaluationCard)).toContain('Kort evaluering af Programledermøde september 2018, 6. september');
    const [answerButton, closeButton] = evaluationCard.actions ?? [];
    expect([answerButton?.type, answerButton?.title]).toEqual(['Action.Execute', 'Svar på evalueringen']);
    expect([closeButton?.type, closeButton?.title]).toEqual(['Action.Execute', 'Luk og vis resultatet']);
    const postedBefore = h.connector.requests.length;

    // Peter presses the button: the form opens in place of the card, for him alone (the invoke's answer)
    const opened = await execute(people.peter, answerButton!.data);
    expect(opened.statusCode).toBe(200);
    const form = opened.value as CardContent;
    const inputs = (form.body ?? []).filter((element) => element.type.startsWith('Input.'));
    expect(
      inputs.map((input) => [
        input.type,
        input.id,
        input.isMultiline ?? null,
        input.maxLength ?? null,
        input.isRequired,
      ]),
    ).toEqual([
      ['Input.ChoiceSet', 'rating', null, null, true],
      ['Input.Text', 'worked', true, 2000, false],
      ['Input.Text', 'improve', true, 2000, false],
    ]);
    const submit = form.actions?.find((action) => action.title === 'Send svar');
    expect(submit?.type).toBe('Action.Execute');

    // Jens's answer is too long: refused under his form, which stays as he filled it; nothing is written
    const tooLong = await execute(people.jens, { ...submit!.data, rating: '2', worked: 'x'.repeat(2001) });
    expect(tooLong).toMatchObject({
      statusCode: 400,
      value: {
        message: 'Dit svar på »Hvad fungerede?« er 2.001 tegn; der er plads til 2.000. Forkort det, og send igen.',
      },
    });

    // Peter's answer takes his form's place with the thanks
    const thanks = await execute(people.peter, {
      ...submit!.data,
      rating: '4',
      worked: 'Oplægget om Organisation',
      improve: '',
    });
    expect(thanks.statusCode).toBe(200);
    expect(shown(thanks.value as CardContent)).toMatch(/^Tak for dit svar!/);
    const again = await execute(people.peter, { ...submit!.data, rating: '1' });
    expect(again).toMatchObject({
      statusCode: 400,
      value: { message: expect.stringMatching(/^Du har allerede svaret på denne evaluering\./) as unknown },
    });
    expect((await execute(people.jens, { ...submit!.data, rating: '5', improve: 'Færre pauser' })).statusCode).toBe(
      200,
    );

    // nothing of the forms or answers reached the channel
    expect(h.connector.requests.slice(postedBefore)).toEqual([]);

    // before closing: only the count; Jens may not close it
    const [open] = await post(mentioning('evalueringens resultat'));
    expect(open!.body.text).toContain('er åben: 2 svar indtil videre');
    const refused = await execute(people.jens, closeButton!.data);
    expect(refused).toMatchObject({
      statusCode: 400,
      value: {
        code: 'NotChanged',
        message: 'Kun værten (Mette Programleder) eller en administrator kan lukke evalueringen.',
      },
    });

    const closed = await execute({}, closeButton!.data);
    expect(closed.statusCode).toBe(200);
    const results = shown(closed.value as CardContent);
    expect(results).toContain('2 svar, gennemsnit 4,5 af 5.');
    expect(results).toContain('Oplægget om Organisation');
    expect(results).toContain('Færre pauser');

    // the host's export is offered as a file in the host's 1:1 chat; the channel only hears where it went
    const [created, sent, note] = await post(mentioning('evaluering csv'), 3);
    expect([created!.method, created!.url]).toEqual(['POST', '/v3/conversations']);
    expect(created!.body).toMatchObject({ isGroup: false, members: [{ id: expect.any(String) as unknown }] });
    expect(sent!.url).toMatch(/^\/v3\/conversations\/[^/]+\/activities$/);
    expect(sent!.url).not.toContain(encodeURIComponent(String(inChannel.conversation.id)));
    const consent = consentOf(sent);
    expect(consent.name).toBe('evaluering-programledermoede-september-2018-2018-09-06.csv');
    // the card carries no answer: the file is made when the host accepts it
    expect(JSON.stringify(sent!.body)).not.toContain('Færre pauser');
    expect(note!.body.text).toBe('Filen er sendt til din private chat med klikbot.');

    // the host accepts: the file goes to the address Teams gave, then a file card in the 1:1 chat
    const { upload, shown: fileCard } = await acceptFile(h, consent, {});
    expect([upload!.method, upload!.url]).toEqual(['PUT', `/onedrive/${consent.name}`]);
    const rows = upload!.raw.split('\r\n');
    expect(rows[0]).toBe('\uFEFFBedømmelse (1–5);Hvad fungerede?;Hvad kan vi gøre bedre?');
    expect(rows.some((row) => row.includes('Færre pauser'))).toBe(true);
    expect(fileCard!.body.attachments?.[0]).toMatchObject({
      contentType: 'application/vnd.microsoft.teams.card.file.info',
      name: consent.name,
    });
    expect(fileCard!.body.text).toMatch(/^Svarene på evalueringen af .* som CSV-fil \(2 svar\)\.$/);

    // the consent was sealed for the host: a participant replaying it is told no, nothing is uploaded
    const replayed = await acceptFile(h, consent, people.peter, undefined, 1);
    expect(replayed.upload?.method).toBe('POST');
    expect(replayed.upload?.body.text).toBe('Den fil kan jeg ikke give dig fra det kort. Bed om udtrækket igen.');
    // nor can the host be made to write anywhere but OneDrive (or, locally, the loopback connector)
    const elsewhere = await acceptFile(h, consent, {}, 'http://127.0.0.1:9/elsewhere.csv', 1);
    expect(elsewhere.upload?.body.text).toBe('Den fil kan jeg ikke give dig fra det kort. Bed om udtrækket igen.');
    expect(h.connector.requests.filter((request) => request.method === 'PUT')).toHaveLength(1);

    const file = await storedTextAt(h.bot.statePath);
    for (const trace of ['aad-peter', '29:peter', 'Peter Hansen', 'aad-jens', '29:jens', 'Jens Jensen'])
      expect(file).not.toContain(trace);
  });

  it("rewrites the posted card as closed, with no answer button, when the host types 'luk evaluering'", async () => {
    const [posted] = await post(mentioning('start evaluering'));
    // the fake connector gives each message the id `sent-<its number among the requests>`
    const messageId = `sent-${h.connector.requests.indexOf(posted!) + 1}`;
    const [answerButton] = card(posted!).actions ?? [];
    expect(answerButton?.title).toBe('Svar på evalueringen');
    expect((await execute(people.peter, answerButton!.data)).statusCode).toBe(200);

    const [rewrite, results] = await post(mentioning('luk evaluering'), 2);
    expect(rewrite!.method).toBe('PUT');
    expect(rewrite!.url).toBe(
      `/v3/conversations/${encodeURIComponent(String(inChannel.conversation.id))}/activities/${messageId}`,
    );
    const closed = card(rewrite!);
    expect(shown(closed)).toContain('Kort evaluering af Programledermøde september 2018, 6. september');
    expect(shown(closed)).toContain('Evalueringen er lukket med 0 svar; der kan ikke svares mere.');
    expect(closed.actions?.map((action) => action.title)).toEqual(['Vis resultatet']);
    expect(shown(card(results!))).toContain('er lukket. Ingen svarede.');

    // a client still showing the old card: its button says why not, and the card stays as it is
    const pressed = await execute(people.peter, answerButton!.data);
    expect(pressed).toMatchObject({
      statusCode: 400,
      value: { code: 'NotChanged', message: 'Evalueringen er lukket; der kan ikke svares mere.' },
    });
  });
});
