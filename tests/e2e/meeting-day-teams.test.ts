import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { postMessages } from '../support/bot-framework.js';
import { useBotAndConnector } from '../support/bot-and-connector.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { CSV_CONTENT, excel, inAnyOrder, SENT_PRIVATELY } from '../support/exports.js';
import { receiveFile } from '../support/teams-files.js';
import {
  cardBodyText,
  cardOf,
  channelData,
  conversations,
  mentioning,
  teamsActivity,
  type CardAction,
  type CardContent,
  type InvokeAnswer,
} from '../support/teams-activities.js';

const at = (time: string) => DateTime.fromISO(`2018-09-06T${time}+02:00`);
const person = (key: string, name: string) => ({ id: `29:${key}`, name, aadObjectId: `aad-${key}` });
type Person = ReturnType<typeof person>;

// Mette hosts (the harness's own Mette); Søren asks to co-host; six programme leaders, one per municipality
const mette = person('mette', 'Mette Programleder');
const soeren = person('soeren', 'Søren Toft');
const from: [Person, string][] = [
  [person('lars', 'Lars Bech'), 'Aarhus'],
  [person('sofie', 'Sofie Dahl'), 'Odense'],
  [person('anders', 'Anders Friis'), 'Aalborg'],
  [person('hanne', 'Hanne Krog'), 'Esbjerg'],
  [person('jonas', 'Jonas Lund'), 'Vejle'],
  [person('birgitte', 'Birgitte Moos'), 'Køge'],
];
const participants = from.map(([who]) => who);
const [lars, sofie, anders, hanne, jonas, birgitte] = participants as [Person, Person, Person, Person, Person, Person];

const inChannel = { conversation: conversations.channel, channelData };
const personalChat = (who: Person) => ({ conversation: { ...conversations.personal, id: `a:personal-${who.id}` } });
// the channel, whichever of its threads a post goes to
const channelPath = `/v3/conversations/${encodeURIComponent(channelData.channel.id)}`;
const metteChatPath = `/v3/conversations/${encodeURIComponent(conversations.personal.id)}/activities`;
// how long a card rewritten for everyone may take: they are throttled to one a second per card
const waiting = { timeout: 5_000, interval: 50 };
const HOST_BUTTONS = 'Næste punkt | Pause 10 min | Ny afstemning | Start evaluering | Afslut møde | Dagens program';

/** What a message says: its text, summary and card text. */
function said(request: ConnectorRequest | undefined): string {
  return [request?.body.text, request?.body.summary, cardBodyText(cardOf(request ?? { body: {} }))].join('\n');
}

/** Whether a message is a notice: an answer for the one who asked, not a post for everyone. */
function isNotice(request: ConnectorRequest | undefined): boolean {
  return (request?.body as { channelData?: { klikbot?: { notice?: boolean } } }).channelData?.klikbot?.notice === true;
}

/** A card's buttons, those laid out in rows in its body included. */
function buttonsOf(card: CardContent): CardAction[] {
  const rows = (card.body ?? []) as { actions?: CardAction[] }[];
  return [...(card.actions ?? []), ...rows.flatMap((row) => row.actions ?? [])];
}
const titles = (request: ConnectorRequest | undefined) =>
  buttonsOf(cardOf(request ?? { body: {} })).map((button) => button.title);
const inTheChannel = (requests: (ConnectorRequest | undefined)[]) =>
  requests.map((request) => request?.url.startsWith(channelPath));

describe('a whole programme leader meeting in a Teams channel, 6 September 2018, 09.45–12.05', () => {
  const clock = createFixedClock(at('09:30:00'));
  const h = useBotAndConnector({ KLIKBOT_REMINDER_TICK_SECONDS: '0' }, { clock });

  // the fake connector gives the n-th request it receives the id sent-n
  const idOf = (request: ConnectorRequest | undefined) => `sent-${h.connector.requests.indexOf(request!) + 1}`;
  const postsSince = (index: number) => h.connector.requests.slice(index).filter((r) => r.method === 'POST');
  /** The last rewrite of a posted card, as the channel sees it. */
  const rewritten = (card: ConnectorRequest | undefined) =>
    h.connector.requests.filter((r) => r.method === 'PUT' && r.url.endsWith(`/activities/${idOf(card)}`)).at(-1);

  /** Posts an activity; once klikbot has handled it, the messages it posted (rewrites of cards left out). */
  async function deliver(activity: Record<string, unknown>): Promise<{ posts: ConnectorRequest[]; answer: Response }> {
    const before = h.connector.requests.length;
    const answer = await postMessages(h.bot.url, activity);
    expect(answer.status).toBe(200);
    await h.bot.idle();
    return { posts: postsSince(before), answer };
  }

  /** `who` writes "@klikbot <text>" in the channel (or `where`): what klikbot posted. */
  async function say(who: Person, text: string, where: Record<string, unknown> = inChannel) {
    return (await deliver(teamsActivity(h.connector.url, { ...where, from: who, ...mentioning(text) }))).posts;
  }

  /** What the first message klikbot posted in answer to `who` says. */
  const heard = async (who: Person, text: string) => said((await say(who, text))[0]);

  /** A question or command answered in one line for the one who wrote it: a notice replying to their message. */
  async function asks(who: Person, text: string): Promise<string> {
    const activity = teamsActivity(h.connector.url, { ...inChannel, from: who, ...mentioning(text) });
    const { posts } = await deliver(activity);
    expect(posts).toHaveLength(1);
    expect([inTheChannel(posts), posts[0]!.body.replyToId, isNotice(posts[0])]).toEqual([[true], activity.id, true]);
    // a card's summary is its sentence as a notification shows it
    const line = posts[0]!.body.text ?? posts[0]!.body.summary ?? '';
    expect(line).not.toContain('\n');
    return line;
  }

  /**
   * `who` presses `title` on `card` (the message `messageId`) in the channel: Teams' Action.Execute,
   * whose answer only they see, and the messages klikbot posted.
   */
  async function pressing(who: Person, card: CardContent, title: string, messageId?: string, inputs = {}) {
    const button = buttonsOf(card).find((action) => action.title === title);
    if (!button) throw new Error(`no button ${title} on the card`);
    const action = { type: 'Action.Execute', verb: button.verb, data: { ...(button.data as object), ...inputs } };
    const invoke = { type: 'invoke', name: 'adaptiveCard/action', value: { action } };
    const pressed = { ...inChannel, ...invoke, from: who, ...(messageId ? { replyToId: messageId } : {}) };
    const { posts, answer } = await deliver(teamsActivity(h.connector.url, pressed));
    return { posts, answer: (await answer.json()) as InvokeAnswer };
  }
  const press = async (...args: Parameters<typeof pressing>) => (await pressing(...args)).answer;

  /** `who` presses "Hent CSV" on a closed poll's card: told under it where the file went; the file they accept. */
  async function pollCsvFor(who: Person, poll: ConnectorRequest | undefined) {
    const { answer, posts } = await pressing(who, cardOf(rewritten(poll) ?? { body: {} }), 'Hent CSV', idOf(poll));
    expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(answer.value).toBe(SENT_PRIVATELY);
    return receiveFile(h, who, posts);
  }

  /** The clock's tick at `time`: what it posted. */
  async function tickAt(time: string): Promise<ConnectorRequest[]> {
    const before = h.connector.requests.length;
    clock.set(at(time));
    await h.bot.reminders.tick();
    return postsSince(before);
  }

  it('runs from the reminders to the end, telling each person what they need, where and when', async () => {
    // 09.30: each programme leader has their municipality in their 1:1 chat (local mode trusts them);
    // Mette has written to klikbot privately, so a word for her alone can reach her
    for (const [who, municipality] of from) await say(who, `kommune ${municipality}`, personalChat(who));
    await say(mette, 'hjælp', { conversation: conversations.personal });
    expect(await say(mette, 'mind os om mødet')).toHaveLength(1);

    // 09.45, 09.50, 09.55: the reminder and the sound tests in the channel, each once
    expect(await tickAt('09:44:00')).toEqual([]);
    for (const [time, line] of [
      ['09:45:00', 'starter kl. 10.00 på Skype (om 15 minutter). Lyden testes kl. 09.50 og 09.55.'],
      ['09:50:00', '🔊 Lydtest nu (kl. 09.50)'],
      ['09:55:00', '🔊 Lydtest nu (kl. 09.55)'],
    ] as const) {
      const posted = await tickAt(time);
      expect(inTheChannel(posted)).toEqual([true]);
      expect(said(posted[0])).toContain(line);
      expect(await tickAt(time.replace(':00', ':30'))).toEqual([]);
    }

    // 10.00: Mette starts; the practicalities with her controls, the first item and the roll call, in the channel
    clock.set(at('10:00:00'));
    const [practical, first, rollCall, ...more] = await say(mette, 'start møde');
    expect([more, inTheChannel([practical, first, rollCall])]).toEqual([[], [true, true, true]]);
    expect(said(practical)).toContain('📌 Det praktiske');
    expect(titles(practical).join(' | ')).toBe(HOST_BUTTONS);
    expect(said(first)).toMatch(/Punkt 1 af 9[\s\S]*Velkomst, dagens program og det praktiske/);
    expect(said(rollCall)).toContain('🙋 Fremmøde');
    expect(titles(rollCall)).toEqual(['Jeg er her', 'Fremmøde (værten)']);
    const [agenda] = await say(mette, 'dagens program');
    expect(said(agenda)).toMatch(/10\.00–10\.05 Velkomst.*▶ nu[\s\S]*11\.20–11\.50 Støttesystemet Organisation/);

    // 10.01: Søren asks to co-host; Lars's press cannot approve it, Mette's does
    clock.set(at('10:01:00'));
    const [request] = await say(soeren, 'medvært');
    expect(said(request)).toContain('Søren Toft vil gerne være medvært');
    expect((await press(lars, cardOf(request!), 'Godkend medvært', idOf(request))).value.message).toMatch(
      /^Mødet her ledes af Mette Programleder/,
    );
    const approved = await press(mette, cardOf(request!), 'Godkend medvært', idOf(request));
    expect([approved.statusCode, cardBodyText(approved.value)]).toEqual([200, 'Søren Toft er nu medvært for mødet.']);

    // 10.02: the roll call; four press "Jeg er her", two write it, each told alone for which municipality
    clock.set(at('10:02:00'));
    for (const [who, municipality] of from.slice(0, 4))
      expect((await press(who, cardOf(rollCall!), 'Jeg er her', idOf(rollCall))).value.message).toBe(
        `Tak — du er noteret som til stede for ${municipality} Kommune.`,
      );
    expect(await asks(jonas, 'jeg er her')).toBe('Tak — du er noteret som til stede for Vejle Kommune.');
    expect(await asks(birgitte, 'til stede')).toBe('Tak — du er noteret som til stede for Køge Kommune.');
    expect(await asks(lars, 'jeg er her')).toBe('Du er allerede noteret som til stede for Aarhus Kommune.');
    expect(await asks(sofie, 'hvem er her?')).toMatch(/^Kun værten, en medvært eller en administrator/);
    const [attendance] = await say(mette, 'hvem er her?');
    expect(said(attendance)).toContain('6 har meldt sig til stede, fra 6 kommuner.');
    for (const [, municipality] of from) expect(said(attendance)).toContain(`${municipality} Kommune: 1`);

    // 10.05: only the hosts move on; then the participants ask about the meeting, in Danish and in English
    clock.set(at('10:05:00'));
    expect(await asks(lars, 'næste punkt')).toMatch(/^Mødet her ledes af Mette Programleder.*Intet er ændret\.$/);
    expect(await heard(mette, 'næste punkt')).toMatch(/Punkt 2 af 9[\s\S]*Ved Mette Vinther Poulsen\./);
    clock.set(at('10:07:00'));
    expect(await asks(sofie, 'hvem præsenterer?')).toMatch(/^Nu præsenterer Mette Vinther Poulsen: Opsamling/);
    expect(await asks(anders, 'who is presenting?')).toMatch(/^Mette Vinther Poulsen is presenting now: Opsamling/);
    expect(await asks(hanne, 'hvornår er der pause?')).toBe('Næste pause er kl. 10.40–10.50.');
    expect(await asks(jonas, 'when is the break?')).toBe('The next break is at 10.40–10.50.');
    expect(await asks(birgitte, 'hvad er næste punkt?')).toBe(
      'Næste punkt kl. 10.30: Aktuelle og kommende KLIK-opgaver.',
    );
    expect(await asks(lars, "what's the next item?")).toBe('Next item at 10.30: Aktuelle og kommende KLIK-opgaver.');

    // 10.10: three polls, by Mette, Søren and Lars; the participants vote with the buttons, each seeing their own vote
    clock.set(at('10:10:00'));
    const [hostPoll] = await say(mette, 'afstemning: Hvor langt er I med Organisation? | Ikke startet | I gang | Klar');
    const [cohostPoll] = await say(soeren, 'afstemning navngiven: Skal vi tage debatten nu? | Ja | Nej');
    const [ownPoll] = await say(lars, 'afstemning: Bruger I allerede SAPA? | Ja | Nej | Snart');
    expect(inTheChannel([hostPoll, cohostPoll, ownPoll])).toEqual([true, true, true]);
    expect(said(ownPoll)).toContain('oprettet af Lars Bech');
    const votes: [ConnectorRequest | undefined, string[]][] = [
      [hostPoll, ['I gang', 'I gang', 'Klar', 'Ikke startet', 'I gang', 'Klar']],
      [cohostPoll, ['Ja', 'Ja', 'Nej', 'Ja']],
      [ownPoll, ['Snart', 'Ja', 'Snart']],
    ];
    for (const [poll, choices] of votes)
      for (const [index, choice] of choices.entries()) {
        const shown = cardBodyText((await press(participants[index]!, cardOf(poll!), choice, idOf(poll))).value);
        // Søren's poll is named: a vote there is not the voter's secret
        expect(shown).toContain(`✓ Din stemme: ${choice}${poll === cohostPoll ? '' : ' (kun vist for dig)'}`);
      }
    await vi.waitFor(() => expect(said(rewritten(hostPoll))).toMatch(/\b6 stemmer/), waiting);

    // Sofie cannot close Mette's poll; Søren, as co-host, closes Lars's
    expect((await press(sofie, cardOf(hostPoll!), 'Luk afstemning', idOf(hostPoll))).statusCode).not.toBe(200);
    const moderated = cardBodyText((await press(soeren, cardOf(ownPoll!), 'Luk afstemning', idOf(ownPoll))).value);
    expect(moderated).toMatch(/Lukket · 3 stemmer[\s\S]*Snart: ██/);

    // with two open, "luk afstemning" asks Mette alone which, and closes nothing until she presses one
    const [which, ...alsoPosted] = await say(mette, 'luk afstemning');
    expect([alsoPosted, isNotice(which), said(which)]).toEqual([[], true, expect.stringContaining('Der er 2 åbne')]);
    expect(titles(which)).toEqual(['»Hvor langt er I med Organisation?«', '»Skal vi tage debatten nu?«']);
    expect(titles(rewritten(hostPoll))).toContain('Luk afstemning');
    const closed = await press(mette, cardOf(which!), '»Hvor langt er I med Organisation?«', idOf(which));
    expect(cardBodyText(closed.value)).toMatch(/Lukket · 6 stemmer[\s\S]*I gang: ██/);
    expect(await heard(mette, 'luk afstemning')).toMatch(/Skal vi tage debatten nu\?[\s\S]*Lukket · 4 stemmer/);
    // however each was closed, every poll's card, as the channel sees it, shows the result and takes no more votes
    const shownClosed = (poll: ConnectorRequest | undefined) => [
      /Lukket/.test(said(rewritten(poll))),
      titles(rewritten(poll)),
    ];
    for (const [poll] of votes)
      await vi.waitFor(() => expect(shownClosed(poll)).toEqual([true, ['Hent CSV']]), waiting);

    // 10.30: the item has run over; Mette alone is told, in her 1:1 chat, once
    expect(await tickAt('10:29:30')).toEqual([]);
    const nudged = await tickAt('10:30:30');
    expect(nudged.map((request) => request.url)).toEqual([metteChatPath]);
    expect(said(nudged[0])).toContain('er over sin tid (til kl. 10.30; 10.05–10.30 i programmet)');
    expect(await tickAt('10:31:00')).toEqual([]);

    // 10.31: Søren moves on; Mette, a moment later, moves on once more by mistake and goes back
    expect(await heard(soeren, 'næste punkt')).toContain('Punkt 3 af 9');
    clock.set(at('10:31:10'));
    expect(await heard(mette, 'næste punkt')).toContain('☕ Pause');
    expect(await heard(mette, 'forrige punkt')).toMatch(/Punkt 3 af 9[\s\S]*Aktuelle og kommende KLIK-opgaver/);

    // 10.40: the agenda's pause; back at 10.50, when the channel is called back, once
    clock.set(at('10:40:00'));
    const [pause] = await say(mette, 'pause 10');
    expect(inTheChannel([pause])).toEqual([true]);
    expect(said(pause)).toMatch(/Pause — vi er tilbage kl\. 10\.50\.[\s\S]*Derefter: 10\.50–11\.10 Annoncering/);
    clock.set(at('10:43:00'));
    expect(await asks(lars, 'hvornår er vi tilbage?')).toBe('Vi er tilbage kl. 10.50.');
    expect(await asks(sofie, 'when are we back?')).toBe('We are back at 10.50.');
    expect(await asks(anders, 'hvornår er der pause?')).toBe('Det er pause nu; vi er tilbage kl. 10.50.');
    expect(await tickAt('10:49:30')).toEqual([]);
    const calledBack = await tickAt('10:50:00');
    expect(inTheChannel(calledBack)).toEqual([true]);
    expect(said(calledBack[0])).toContain('☕ Pausen er slut — velkommen tilbage. Vi fortsætter med: **Annoncering');
    expect(await tickAt('10:50:30')).toEqual([]);

    // 10.50–11.50: the fifth item, then by number to the seventh (the second pause left out), then the eighth
    expect(await heard(mette, 'næste punkt')).toContain('Punkt 5 af 9');
    clock.set(at('11:08:00'));
    expect(await asks(mette, 'gå til punkt 12')).toBe(
      "Skriv et punkt fra 1 til 9, fx 'gå til punkt 5'. Intet er ændret.",
    );
    expect(await heard(mette, 'gå til punkt 7')).toMatch(/Punkt 7 af 9[\s\S]*Ved Peter Hansen\./);
    expect(await asks(hanne, 'who is presenting?')).toMatch(/^Peter Hansen is presenting now: Støttesystemet/);
    clock.set(at('11:50:00'));
    expect(await heard(mette, 'næste punkt')).toContain('Punkt 8 af 9');

    // 11.55: Søren moves on to the last item, and the evaluation starts by itself
    clock.set(at('11:55:00'));
    const [lastItem, evaluation] = await say(soeren, 'næste punkt');
    expect(said(lastItem)).toMatch(/Punkt 9 af 9[\s\S]*Evalueringen starter nu\./);
    expect(said(evaluation)).toContain('Kort evaluering af Programledermøde september 2018');
    expect(await asks(jonas, 'hvor mange har svaret?')).toBe('0 har svaret på evalueringen indtil nu.');
    // four answer, each in a form only they see: nothing of it reaches the channel
    const beforeAnswers = h.connector.requests.length;
    for (const [index, rating] of ['5', '4', '4', '3'].entries()) {
      const who = participants[index]!;
      const form = await press(who, cardOf(evaluation!), 'Svar på evalueringen', idOf(evaluation));
      const thanks = await press(who, form.value, 'Send svar', undefined, { rating, worked: 'Pausen', improve: '' });
      expect(cardBodyText(thanks.value)).toMatch(/^Tak for dit svar!/);
    }
    expect(postsSince(beforeAnswers)).toEqual([]);
    expect(await asks(birgitte, 'hvor mange har svaret?')).toBe('4 har svaret på evalueringen indtil nu.');
    expect(await asks(jonas, 'how many have answered?')).toBe('4 have answered the evaluation so far.');
    clock.set(at('11:58:00'));
    const [results] = await say(mette, 'luk evalueringen');
    expect([inTheChannel([results]), isNotice(results)]).toEqual([[true], false]);
    expect(said(results)).toContain('4 svar, gennemsnit 4,0 af 5.');

    // 11.59: the exports, each a file for the one who asked, offered in their own 1:1 chat; the
    // channel hears only where it went. Søren's named poll lists its voters by municipality
    clock.set(at('11:59:00'));
    const beforeExports = h.connector.requests.length;
    expect(await pollCsvFor(mette, cohostPoll)).toEqual({
      name: 'afstemning-skal-vi-tage-debatten-nu-2018-09-06.csv',
      text: expect.stringMatching(/^Hvem der stemte hvad i »Skal vi tage debatten nu\?«, med kommune/) as unknown,
      bytes: excel(
        'Navn;Kommune;Valg',
        'Anders Friis;Aalborg Kommune;Nej',
        'Hanne Krog;Esbjerg Kommune;Ja',
        'Lars Bech;Aarhus Kommune;Ja',
        'Sofie Dahl;Odense Kommune;Ja',
      ),
    });
    // an anonymous poll's file has the counts only; Søren's goes to his own 1:1 chat
    const counts = excel('Svarmulighed;Stemmer;Procent', 'Ikke startet;1;17', 'I gang;3;50', 'Klar;2;33');
    expect((await pollCsvFor(mette, hostPoll)).bytes).toBe(counts);
    const sapa = excel('Svarmulighed;Stemmer;Procent', 'Ja;1;33', 'Nej;0;0', 'Snart;2;67');
    expect((await pollCsvFor(soeren, ownPoll)).bytes).toBe(sapa);
    // the evaluation's answers, typed for: the channel gets the one line
    const [created, offer, note, ...besides] = await say(mette, 'evaluering csv');
    expect([besides, inTheChannel([note]), said(note).trim()]).toEqual([[], [true], SENT_PRIVATELY]);
    const answers = await receiveFile(h, mette, [created!, offer!]);
    expect(answers.name).toBe('evaluering-programledermoede-september-2018-2018-09-06.csv');
    // under the form's questions, in an order that tells nothing of who answered
    const header = 'Bedømmelse (1–5);Hvad fungerede?;Hvad kan vi gøre bedre?';
    const rows = ['5;Pausen;', '4;Pausen;', '4;Pausen;', '3;Pausen;'];
    expect(inAnyOrder(answers.bytes)).toBe(inAnyOrder(excel(header, ...rows)));
    // a participant is refused, in one line in the channel, and gets no file
    expect(await asks(lars, 'evaluering csv')).toMatch(/^Kun værten eller en administrator kan hente evaluering/);
    // of it all, the channel saw only that line and the refusal; no file's content went anywhere but OneDrive
    const exports = h.connector.requests.slice(beforeExports);
    expect(exports.filter((request) => request.url.startsWith(channelPath)).map(said)).toEqual([
      expect.stringContaining(SENT_PRIVATELY),
      expect.stringContaining('Kun værten'),
    ]);
    const elsewhere = exports.filter((request) => !request.url.startsWith('/onedrive/'));
    expect(elsewhere.filter((request) => CSV_CONTENT.test(JSON.stringify(request.body)))).toEqual([]);

    // 12.00: Mette ends the meeting, with where questions and feedback go; at 12.05 nothing more is posted
    clock.set(at('12:00:00'));
    const [end] = await say(mette, 'afslut møde');
    expect(said(end)).toMatch(/er afsluttet\. Tak for i dag![\s\S]*mbprogrammet@kombit\.dk/);
    expect(await tickAt('12:05:00')).toEqual([]);
  });
});
