import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createFixedClock } from '../../src/clock.js';
import { CSV_CONTENT, excel, inAnyOrder, SENT_PRIVATELY } from '../support/exports.js';
import type { SlackCall } from '../support/slack-fake.js';
import { exportedTo } from '../support/slack-uploads.js';
import { blockText, buttonClick, buttonLabelled, useSlackBot, type ClickSite } from '../support/slack-harness.js';
import * as slack from '../support/slack-requests.js';

// The programme leader meeting of 6 September 2018 in a Slack channel, from the reminders at
// 09.45 to the end at 12.00, by a fixed clock: Mette hosts (she keeps klikbot's roster, so she
// is an administrator), Peter co-hosts, and a programme leader from each of six municipalities
// takes part. Each test goes on where the one before stopped.
const CHANNEL = 'C0PLMOEDE';
const HOST = slack.SLACK_IDS.userId;
const HOST_DM = slack.SLACK_IDS.dmChannelId;
const COHOST = 'U0PETER';
const PARTICIPANTS = ['U0AARHUS', 'U0ODENSE', 'U0AALBORG', 'U0ESBJERG', 'U0VEJLE', 'U0KOEGE'] as const;
const MUNICIPALITIES = ['Aarhus', 'Odense', 'Aalborg', 'Esbjerg', 'Vejle', 'Køge'] as const;
const [AARHUS, ODENSE, AALBORG, ESBJERG, VEJLE, KOEGE] = PARTICIPANTS;
// everyone's Slack username, which comes with their clicks: Mette's, Peter's, then the participants' in order
const USERNAMES = ['mette', 'peter', 'lars', 'sofie', 'anders', 'hanne', 'jonas', 'birgitte'];
const usernameOf = (user: string) => USERNAMES[[HOST, COHOST, ...PARTICIPANTS].indexOf(user)];

const at = (time: string) => DateTime.fromISO(`2018-09-06T${time}+02:00`);
/** A message's text (Slack's fallback, and what a notification shows). */
const said = (call: SlackCall | undefined) => (typeof call?.args.text === 'string' ? call.args.text : '');
/** Everything a person reads in a message: its text and its blocks. */
const read = (call: SlackCall | undefined) => `${said(call)}\n${blockText(call?.args.blocks)}`;
/** Every message klikbot posted, anywhere. */
const posted = (calls: SlackCall[]) => calls.filter((call) => call.method === 'chat.postMessage');
/** klikbot's messages in one conversation (the meeting's channel by default). */
const postsIn = (calls: SlackCall[], channel = CHANNEL) =>
  posted(calls).filter((call) => call.args.channel === channel);
/** What Slack showed only to the one person behind a response_url. */
const ephemeral = (calls: SlackCall[]) =>
  calls.filter((call) => call.method === 'response_url' && call.args.response_type === 'ephemeral');
/** Where in the channel messages went: `undefined` for the channel itself, else the thread's ts. */
const threads = (calls: SlackCall[]) => calls.map((call) => call.args.thread_ts);

describe('the programme leader meeting of 6 September 2018 in a Slack channel', () => {
  const clock = createFixedClock(at('09:30:00'));
  const h = useSlackBot({ KLIKBOT_REMINDER_TICK_SECONDS: '0', KLIKBOT_ADMINS: `slack:${HOST}` }, { clock });
  let sequence = 0;
  const responseUrl = (user: string) => h.fake.responseUrl(`${user}-${++sequence}`);

  /** Posts a request (or an event) at `time` and returns every call klikbot made because of it. */
  async function send(request: slack.SlackRequest | Record<string, unknown>, time?: string): Promise<SlackCall[]> {
    if (time) clock.set(at(time));
    const before = h.calls().length;
    if ('body' in request) expect((await h.post(request as slack.SlackRequest)).status).toBe(200);
    else await h.event(request);
    return (await h.settle()).slice(before);
  }

  /** `@klikbot <text>` in the channel: the calls, and the mention's ts (its thread). */
  async function mention(user: string, text: string, time?: string): Promise<{ ts: string; calls: SlackCall[] }> {
    const event = slack.appMention({ text, user, channel: CHANNEL });
    return { ts: String(event.ts), calls: await send(event, time) };
  }

  /** `/klik <text>` in the channel. */
  const slash = (user: string, text: string, time?: string) =>
    send(slack.slashCommand({ text, userId: user, channelId: CHANNEL, responseUrl: responseUrl(user) }), time);

  /** The ts the fake Slack answered klikbot's message with: slack-fake.ts numbers it by the fake's n-th call. */
  const tsOf = (message: SlackCall) => `${1767225600 + h.fake.calls().indexOf(message) + 1}.000100`;

  /** `user` presses the button labelled `label` on klikbot's `message` (as posted, or as rewritten). */
  function press(user: string, message: SlackCall, label: RegExp, site: ClickSite = {}, time?: string) {
    const { action_id: actionId, value } = buttonLabelled(message.args.blocks, label);
    // the message's ts, as the fake answered its post or as rewritten; a message only one sees has none
    const ts = message.method === 'chat.update' ? String(message.args.ts) : tsOf(message);
    const where = message.method === 'response_url' ? {} : { messageTs: ts };
    const by = { user, userName: usernameOf(user), responseUrl: responseUrl(user) };
    return send(buttonClick({ actionId, value, channel: CHANNEL, ...by, ...where }, site), time);
  }

  /** The rewrite of klikbot's `message` in place (a card for everyone is rewritten at the throttle's pace). */
  const rewritten = (message: SlackCall, shows: RegExp = /./) =>
    h.waitFor((call) => call.method === 'chat.update' && call.args.ts === tsOf(message) && shows.test(read(call)));

  /**
   * A participant's line to klikbot (a question while the meeting runs, "jeg er her"), answered in
   * one line for them: in their @mention's thread, or after /klik where only they see it; nothing else.
   */
  async function says(user: string, question: string, answer: RegExp, via: 'mention' | 'slash'): Promise<void> {
    const asked =
      via === 'mention' ? await mention(user, question) : { ts: undefined, calls: await slash(user, question) };
    const where = via === 'mention' ? ['chat.postMessage', asked.ts] : ['response_url', 'ephemeral'];
    expect(asked.calls.map((call) => [call.method, call.args.thread_ts ?? call.args.response_type])).toEqual([where]);
    expect(said(asked.calls[0])).toMatch(answer);
    expect(said(asked.calls[0])).not.toContain('\n');
  }

  /** The one file an export brought `user`: in their DM, with a note in the channel only they see. */
  const exportFor = (user: string, calls: SlackCall[]) =>
    exportedTo(calls, { user, channel: CHANNEL, note: SENT_PRIVATELY });

  /** A tick of the timed work at `time`: the calls it made. */
  async function tick(time: string): Promise<SlackCall[]> {
    clock.set(at(time));
    const before = h.calls().length;
    await h.bot.reminders.tick();
    return (await h.settle()).slice(before);
  }

  let start: SlackCall[] = [];
  let lastItem: SlackCall;
  // the polls' cards as the channel sees them once closed (the host's, the co-host's, Esbjerg's), and Esbjerg's thread
  let closedPolls: SlackCall[] = [];
  let esbjergThread: string;

  it('09.45–09.55: reminds the channel 15 minutes before and at each sound test, once each', async () => {
    const roster = PARTICIPANTS.map((id, i) => `slack:${id},${MUNICIPALITIES[i]}`).join('\n');
    const imported = await send(slack.directMessage({ text: `medlemsliste\n${roster}` }));
    expect(read(postsIn(imported, HOST_DM)[0])).toContain('6 medlemskaber er bekræftet');

    const asked = await mention(AARHUS, 'mind os om mødet', '09:40:00');
    expect(postsIn(asked.calls).map(read)).toEqual([expect.stringMatching(/Jeg minder jer om møderne her/)]);

    const soon = posted(await tick('09:45:00'));
    expect(soon.map((call) => [call.args.channel, call.args.thread_ts])).toEqual([[CHANNEL, undefined]]);
    expect(read(soon[0])).toMatch(/⏰ .*kl\. 10\.00 på Skype \(om 15 minutter\)\. Lyden testes kl\. 09\.50 og 09\.55/);
    expect(await tick('09:45:30')).toEqual([]);
    for (const test of ['09.50', '09.55']) {
      const sound = postsIn(await tick(`${test.replace('.', ':')}:00`));
      expect(sound.map(read)).toEqual([expect.stringContaining(`🔊 Lydtest nu (kl. ${test})`)]);
      expect(await tick(`${test.replace('.', ':')}:30`)).toEqual([]);
    }
  });

  it('10.00: the host starts the meeting in the channel and approves Peter as co-host', async () => {
    start = postsIn(await slash(HOST, 'start møde', '10:00:00'));
    expect(threads(start)).toEqual([undefined, undefined, undefined]);
    const [practical, first, rollCall] = start;
    // the host's six controls, in this order
    const controls = 'Næste punkt\nPause 10 min\nNy afstemning\nStart evaluering\nAfslut møde\nDagens program';
    expect(read(practical)).toContain('📌 Det praktiske');
    expect(read(practical)).toContain(controls);
    expect(read(practical)).not.toContain('Lydtest');
    expect(read(first)).toMatch(/Punkt 1 af 9[\s\S]*Velkomst, dagens program[\s\S]*Derefter kl\. 10\.05/);
    expect(read(rollCall)).toMatch(/🙋 Fremmøde[\s\S]*Jeg er her/);
    // the day's programme, for everyone, from the host's button
    const agenda = postsIn(await press(HOST, practical!, /^Dagens program$/));
    expect(threads(agenda)).toEqual([undefined]);
    expect(read(agenda[0])).toMatch(/10\.00–10\.05 Velkomst[\s\S]*▶ nu[\s\S]*11\.55–12\.00 Evaluering/);

    const asked = await mention(COHOST, 'medvært', '10:01:00');
    const request = postsIn(asked.calls)[0]!;
    expect(request.args.thread_ts).toBe(asked.ts);
    expect(read(request)).toContain('vil gerne være medvært');
    // a participant cannot let anyone co-host; the host can
    expect(read(ephemeral(await press(AARHUS, request, /^Godkend medvært$/))[0])).toContain('Mødet her ledes af');
    await press(HOST, request, /^Godkend medvært$/);
    expect(read((await rewritten(request))[0])).toContain('Deltageren er nu medvært for mødet');
  });

  it('10.02: each participant says they are here; the host alone sees the count by municipality', async () => {
    clock.set(at('10:02:00'));
    for (const [i, person] of PARTICIPANTS.entries()) {
      const counted = new RegExp(`^Tak — du er noteret som til stede for ${MUNICIPALITIES[i]} Kommune\\.$`);
      // four press the roll call's button and are told privately; two write it and are answered in its thread
      if (i >= 4) await says(person, 'jeg er her', counted, 'mention');
      else expect(said(ephemeral(await press(person, start[2]!, /^Jeg er her$/))[0])).toMatch(counted);
    }
    expect(read(ephemeral(await press(AARHUS, start[2]!, /^Jeg er her$/))[0])).toContain('allerede noteret');

    const count = await slash(HOST, 'hvem er her?', '10:03:00');
    expect(posted(count)).toEqual([]);
    expect(read(ephemeral(count)[0])).toMatch(/6 har meldt sig til stede, fra 6 kommuner\.[\s\S]*Køge Kommune: 1/);
    expect(read(ephemeral(await slash(ODENSE, 'hvem er her?'))[0])).toContain('Kun værten, en medvært');
  });

  it('10.05: host and co-host move through the items; participants ask who presents and what comes', async () => {
    const second = postsIn(await press(HOST, start[1]!, /^Næste punkt$/, {}, '10:05:00'));
    expect(threads(second)).toEqual([undefined]);
    expect(read(second[0])).toMatch(/Punkt 2 af 9[\s\S]*Opsamling[\s\S]*Ved Mette Vinther Poulsen/);
    // Peter presses on too, one item too far; Mette takes it back
    expect(read(postsIn(await press(COHOST, second[0]!, /^Næste punkt$/))[0])).toContain('Punkt 3 af 9');
    expect(read(postsIn(await slash(HOST, 'forrige punkt'))[0])).toContain('Punkt 2 af 9');

    clock.set(at('10:08:00'));
    await says(ODENSE, 'hvem præsenterer?', /^Nu præsenterer Mette Vinther Poulsen: Opsamling/, 'mention');
    await says(ODENSE, 'hvad er næste punkt?', /^Næste punkt kl\. 10\.30: Aktuelle og kommende KLIK/, 'mention');
    await says(ODENSE, 'hvornår er der pause?', /^Næste pause er kl\. 10\.40–10\.50\.$/, 'mention');
    await says(AALBORG, 'who is presenting?', /^Mette Vinther Poulsen is presenting now: Opsamling/, 'slash');
    await says(AALBORG, "what's next?", /^Next item at 10\.30: Aktuelle og kommende KLIK-opgaver\.$/, 'slash');
    await says(AALBORG, 'when is the break?', /^The next break is at 10\.40–10\.50\.$/, 'slash');
  });

  it('10.10: polls by the host, the co-host and a participant; votes by button; the hosts close them', async () => {
    const strategy = 'afstemning navngiven: Hvilken strategi vælger I? | A Integration | B STS ORG GUI | C Interim';
    const hostPoll = postsIn(await slash(HOST, strategy, '10:10:00'))[0]!;
    const chat = 'afstemning (vis resultat): Skal spørgsmål stilles i chatten? | Ja | Nej';
    const cohostPoll = postsIn(await slash(COHOST, chat, '10:11:00'))[0]!;
    const fromEsbjerg = await mention(ESBJERG, 'afstemning: Skal vi mødes fysisk i november? | Ja | Nej', '10:12:00');
    const participantPoll = postsIn(fromEsbjerg.calls)[0]!;
    expect(threads([hostPoll, cohostPoll, participantPoll])).toEqual([undefined, undefined, fromEsbjerg.ts]);

    clock.set(at('10:13:00'));
    const ballots: [SlackCall, string, string][] = [
      [hostPoll, AARHUS, 'C Interim'],
      [hostPoll, ODENSE, 'C Interim'],
      [hostPoll, VEJLE, 'C Interim'],
      [hostPoll, AALBORG, 'A Integration'],
      [hostPoll, KOEGE, 'B STS ORG GUI'],
      [cohostPoll, AARHUS, 'Ja'],
      [cohostPoll, ESBJERG, 'Ja'],
      [cohostPoll, KOEGE, 'Nej'],
      [participantPoll, ODENSE, 'Nej'],
      [participantPoll, VEJLE, 'Ja'],
    ];
    for (const [poll, voter, choice] of ballots) {
      const site = poll === participantPoll ? { threadTs: fromEsbjerg.ts } : {};
      const calls = await press(voter, poll, new RegExp(`^${choice}$`), site);
      // the voter alone is told what they voted; the channel gets no new message
      expect(ephemeral(calls).map(read)).toEqual([expect.stringMatching(`^✓ Din stemme: ${choice}`)]);
      expect(posted(calls)).toEqual([]);
    }
    await rewritten(hostPoll, /5 stemmer/);
    await rewritten(cohostPoll, /Ja: █+ 2 \(67 %\)/);
    await rewritten(participantPoll, /2 stemmer/);

    // a participant may not close a poll that is not theirs; the co-host is asked which of three
    expect(read(ephemeral(await slash(ODENSE, 'luk afstemning', '10:20:00'))[0])).toContain('Intet er ændret');
    const which = ephemeral(await slash(COHOST, 'luk afstemning'))[0]!;
    expect(read(which)).toContain('Der er 3 åbne afstemninger her. Hvilken skal lukkes?');
    // the co-host closes Esbjerg's poll from that private question: its result is for everyone
    const closed = postsIn(await press(COHOST, which, /Skal vi mødes fysisk/, { ephemeral: true }));
    expect(threads(closed)).toEqual([undefined]);
    expect(read(closed[0])).toMatch(/Skal vi mødes fysisk i november\?[\s\S]*Lukket · 2 stemmer/);
    esbjergThread = fromEsbjerg.ts;
    const late = await press(KOEGE, participantPoll, /^Ja$/, { threadTs: fromEsbjerg.ts });
    expect(ephemeral(late).map(read)).toEqual([expect.stringContaining('Afstemningen er lukket')]);
    expect(posted(late)).toEqual([]);

    await press(HOST, hostPoll, /^Luk afstemning$/, {}, '10:21:00');
    expect(read((await rewritten(hostPoll, /Lukket/))[0])).toMatch(/Lukket · 5 stemmer[\s\S]*C Interim: █+ 3 \(60 %\)/);
    // one poll left open: the co-host's own, closed without a question, its result for everyone
    const last = postsIn(await slash(COHOST, 'luk afstemning'));
    expect(last.map(read)).toEqual([expect.stringMatching(/Lukket · 3 stemmer[\s\S]*Ja: █+ 2 \(67 %\)/)]);
    const cards = [hostPoll, cohostPoll, participantPoll].map(async (poll) =>
      (await rewritten(poll, /Lukket/)).at(-1)!,
    );
    closedPolls = await Promise.all(cards);
  });

  it('10.30: the host alone is told in the DM, once, that the item runs over; the co-host moves on', async () => {
    expect(posted(await tick('10:29:30'))).toEqual([]);
    const over = posted(await tick('10:30:30'));
    expect(over.map((call) => call.args.channel)).toEqual([HOST_DM]);
    expect(read(over[0])).toMatch(/⏱ »Opsamling .*« er over sin tid \(til kl\. 10\.30; 10\.05–10\.30 i programmet\)/);
    expect(posted(await tick('10:31:00'))).toEqual([]);
    const third = postsIn(await slash(COHOST, 'næste punkt', '10:31:10'));
    expect(read(third[0])).toMatch(/Punkt 3 af 9[\s\S]*Aktuelle og kommende KLIK-opgaver/);
  });

  it('10.40: a break, questions during it, and one call back in the channel at 10.50', async () => {
    const pause = postsIn(await slash(HOST, 'pause 10', '10:40:40'));
    expect(threads(pause)).toEqual([undefined]);
    expect(read(pause[0])).toMatch(/Pause — vi er tilbage kl\. 10\.50\.[\s\S]*Derefter: 10\.50–11\.10 Annoncering/);

    clock.set(at('10:45:00'));
    await says(VEJLE, 'hvornår er vi tilbage?', /^Vi er tilbage kl\. 10\.50\.$/, 'mention');
    await says(VEJLE, 'hvornår er der pause?', /^Det er pause nu; vi er tilbage kl\. 10\.50\.$/, 'mention');
    await says(KOEGE, 'when are we back?', /^We are back at 10\.50\.$/, 'slash');
    await says(KOEGE, 'what comes after the break?', /^Next item at 10\.50: Annoncering/, 'slash');

    expect(posted(await tick('10:49:50'))).toEqual([]);
    const back = posted(await tick('10:50:05'));
    expect(back.map((call) => [call.args.channel, call.args.thread_ts])).toEqual([[CHANNEL, undefined]]);
    expect(read(back[0])).toMatch(/☕ Pausen er slut — velkommen tilbage\. Vi fortsætter med: \*?Annoncering/);
    expect(posted(await tick('10:50:35'))).toEqual([]);
  });

  it('10.51–11.50: on through the agenda, skipping the second break with "gå til punkt 7"', async () => {
    expect(read(postsIn(await slash(HOST, 'næste punkt', '10:51:00'))[0])).toContain('Punkt 5 af 9');
    const beyond = await slash(HOST, 'gå til punkt 12', '11:05:00');
    expect(posted(beyond)).toEqual([]);
    expect(read(ephemeral(beyond)[0])).toContain('Skriv et punkt fra 1 til 9');
    const seventh = postsIn(await slash(HOST, 'gå til punkt 7'));
    expect(read(seventh[0])).toMatch(/Punkt 7 af 9[\s\S]*Støttesystemet Organisation[\s\S]*Ved Peter Hansen/);
    await says(AARHUS, 'hvem præsenterer?', /^Nu præsenterer Peter Hansen: Støttesystemet Organisation\.$/, 'mention');
    // the skipped break calls nobody back, and Organisation has its time until 11.50
    expect(posted(await tick('11:20:30'))).toEqual([]);
    [lastItem] = postsIn(await slash(COHOST, 'næste punkt', '11:50:00')) as [SlackCall];
    expect(read(lastItem)).toContain('Punkt 8 af 9');
  });

  it('11.55: the last item starts the evaluation; participants answer privately; the host closes it', async () => {
    const last = postsIn(await press(HOST, lastItem, /^Næste punkt$/, {}, '11:55:00'));
    expect(threads(last)).toEqual([undefined, undefined]);
    expect(read(last[0])).toMatch(/Punkt 9 af 9[\s\S]*Evalueringen starter nu\./);
    const card = last[1]!;
    expect(read(card)).toContain('Kort evaluering af Programledermøde september 2018');
    await says(VEJLE, 'hvor mange har svaret?', /^0 har svaret på evalueringen indtil nu\.$/, 'mention');

    clock.set(at('11:56:00'));
    const answers = [
      [AARHUS, '5', 'Godt overblik over deadlines'],
      [ODENSE, '4', 'Afstemningerne'],
      [AALBORG, '3', 'Pauserne holdt tiden'],
    ] as const;
    for (const [person, rating, worked] of answers) {
      const opened = (await press(person, card, /^Svar på evalueringen$/)).find((call) => call.method === 'views.open');
      const view = opened!.args.view as { callback_id: string; private_metadata: string };
      const values = {
        rating: { choice: { type: 'static_select', selected_option: { value: rating } } },
        worked: { text: { type: 'plain_text_input', value: worked } },
      };
      const form = { callbackId: view.callback_id, privateMetadata: view.private_metadata, values, user: person };
      // the thanks come in the person's DM; nothing in the channel
      expect(posted(await send(slack.viewSubmission(form))).map((call) => [call.args.channel, read(call)])).toEqual([
        [person, expect.stringMatching(/^Tak for dit svar!/)],
      ]);
    }
    await says(VEJLE, 'hvor mange har svaret?', /^3 har svaret på evalueringen indtil nu\.$/, 'mention');
    await says(KOEGE, 'how many have answered?', /^3 have answered the evaluation so far\.$/, 'slash');

    await press(HOST, card, /^Luk og vis resultatet$/, {}, '11:58:00');
    const [results] = await rewritten(card, /svar, gennemsnit/);
    expect(read(results)).toMatch(/3 svar, gennemsnit 4,0 af 5\.[\s\S]*Pauserne holdt tiden/);
    await says(VEJLE, 'hvor mange har svaret?', /^3 svarede på evalueringen; den er lukket\.$/, 'mention');
  });

  it('11.59: the exports, each a file in the DM of whoever asked; the channel sees none of it', async () => {
    const [hostPoll, cohostPoll, esbjergPoll] = closedPolls as [SlackCall, SlackCall, SlackCall];
    // the host's named poll: who chose what, with the municipality each is a member for
    expect(exportFor(HOST, await press(HOST, hostPoll, /^Hent CSV$/, {}, '11:59:00'))).toEqual({
      channel: HOST_DM,
      name: 'afstemning-hvilken-strategi-vaelger-i-2018-09-06.csv',
      comment: expect.stringMatching(/^Hvem der stemte hvad i »Hvilken strategi vælger I\?«, med kommune/) as unknown,
      content: excel(
        'Navn;Kommune;Valg',
        'anders;Aalborg Kommune;A Integration',
        'birgitte;Køge Kommune;B STS ORG GUI',
        'jonas;Vejle Kommune;C Interim',
        'lars;Aarhus Kommune;C Interim',
        'sofie;Odense Kommune;C Interim',
      ),
    });
    // an anonymous poll's file has the counts only; the co-host's goes to his own DM
    const counts = exportFor(HOST, await press(HOST, esbjergPoll, /^Hent CSV$/, { threadTs: esbjergThread }));
    expect(counts.content).toBe(excel('Svarmulighed;Stemmer;Procent', 'Ja;1;50', 'Nej;1;50'));
    const own = exportFor(COHOST, await press(COHOST, cohostPoll, /^Hent CSV$/));
    expect(own.content).toBe(excel('Svarmulighed;Stemmer;Procent', 'Ja;2;67', 'Nej;1;33'));

    // the evaluation's answers, asked for in the channel: the note comes in the mention's thread
    const asked = await mention(HOST, 'evaluering csv');
    const answers = exportFor(HOST, asked.calls);
    expect(answers.name).toBe('evaluering-programledermoede-september-2018-2018-09-06.csv');
    expect(threads(asked.calls.slice(-1))).toEqual([asked.ts]);
    // under the form's questions, in an order that tells nothing of who answered
    const header = 'Bedømmelse (1–5);Hvad fungerede?;Hvad kan vi gøre bedre?';
    const rows = ['5;Godt overblik over deadlines;', '4;Afstemningerne;', '3;Pauserne holdt tiden;'];
    expect(inAnyOrder(answers.content)).toBe(inAnyOrder(excel(header, ...rows)));
    // a participant is refused, in a line only they see, and gets no file
    await says(ODENSE, 'evaluering csv', /^Kun værten eller en administrator kan hente evalueringens svar/, 'slash');
    // nothing klikbot sent but the uploaded bytes carries a file's content
    const sent = h.calls().filter((call) => call.method !== 'file_upload');
    expect(sent.filter((call) => CSV_CONTENT.test(JSON.stringify(call.args)))).toEqual([]);
  });

  it('12.00: the host ends the meeting; at 12.05 klikbot posts nothing more', async () => {
    const end = postsIn(await slash(HOST, 'afslut møde', '12:00:00'));
    expect(end.map(read)).toEqual([expect.stringMatching(/Programledermøde .* er afsluttet\. Tak for i dag!/)]);
    expect(read(ephemeral(await slash(COHOST, 'næste punkt'))[0])).toContain('Mødet her er afsluttet');
    expect(await tick('12:05:00')).toEqual([]);
  });
});
