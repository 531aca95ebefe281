import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/klikbot-core.js';
import { replyText } from '../understanding/question-set.js';
import { knowledge } from './dialog-kit.js';

const core = createCore({ knowledge });

function ask(text: string, at = '2018-09-06T10:00:00+02:00') {
  const routed = core.answer({
    user: { id: 'u1' },
    conversation: { channel: 'web', id: 'c1', isGroup: false },
    text,
    now: DateTime.fromISO(at, { setZone: true }),
  });
  return { intent: routed.understanding?.intent, text: replyText(routed.replies) };
}

describe('the practical side of a programme leader meeting, asked about', () => {
  it('gives the sound tests, also those already held, when asked for them', () => {
    // at 10.00 both tests are over: the agenda's lead leaves them out, the question does not
    const answer = ask('hvornår tester vi lyd før mødet i dag?');
    expect(answer.intent).toBe('agenda.today');
    expect(answer.text).toContain('Lyden testes kl. 09.50 og 09.55 (10 og 5 minutter før start).');
    expect(answer.text).toContain('kl. 10.00–12.00 på Skype');
  });

  it("names the hosts and says how to take part, in the asker's language", () => {
    expect(ask('Hvem er det egentlig der står bag mødet i dag?').text).toContain(
      'Værter: Mette Vinther Poulsen, Peter Hansen og Mimi Rasmussen.',
    );
    // typed without ø and å, as on a phone
    expect(ask('hvem er vaerterne for modet').text).toContain(
      'Værter: Mette Vinther Poulsen, Peter Hansen og Mimi Rasmussen.',
    );
    const english = ask('If I want to say something during the debate on Skype, what am I supposed to do?');
    expect(english.text).toContain('Giv besked i chatten, hvis du ønsker ordet under debatten');
    expect(english.text).toContain('Hosts: Mette Vinther Poulsen, Peter Hansen and Mimi Rasmussen.');
  });

  it('names the hosts to who runs, hosts or stands for the meeting, not to who presents a point, nor for the next meeting', () => {
    expect(ask('hvem står for programledermødet?').text).toContain('Værter: Mette Vinther Poulsen');
    expect(ask("who's runing the september programme leader meeting?").text).toContain('Hosts: Mette Vinther Poulsen');
    expect(ask('who is running the next meeting in november?').intent).toBe('event.next-meeting');
    expect(ask('hvem afholder programledermødet?').text).toContain('Værter: Mette Vinther Poulsen');
    // one point of the programme is its presenter's, not the hosts'
    expect(ask('hvem står for punktet om organisation på mødet').text).not.toContain('Værter:');
    expect(ask('who is leading the session on Organisation').text).not.toContain('Hosts:');
    expect(ask('hvem står for mødet i dag').text).toContain('Værter: Mette Vinther Poulsen');
    expect(ask('hvem står for organisation på mødet').text).not.toContain('Værter:');
  });

  it('reads a microphone as of the meeting, and the rules of the call as its etiquette', () => {
    expect(ask('must I mute the microphone when I am not speaking?').text).toContain('Hosts:');
    expect(ask('er der nogle regler for skypemødet?').text).toContain('Stil spørgsmål i chatten');
  });

  it("is another day's meeting when the question names its day", () => {
    const answer = ask('hvornår er der lydtest til mødet den 12. september?');
    expect(answer.text).toContain('kl. 13.00–15.00');
    expect(answer.text).toContain('Lyden testes kl. 12.50 og 12.55');
  });

  it('leaves a question about something else on a meeting day to its own answer', () => {
    expect(ask('hvornår er deadline for BBR?').intent).toBe('deadline.task');
    expect(ask('hvad er dagens program?').text).toContain('Punkt 1: 10.00–10.05');
  });

  it('answers the programme beside another question in the same message', () => {
    const answer = ask('hvornår tester vi lyd i dag, og hvornår er deadline for BBR?');
    expect(answer.text).toContain('09.50 og 09.55');
    expect(answer.text).toContain('1. november 2018');
  });

  it("gives the same programme's other days to one who cannot come, wherever they say they are from", () => {
    const answer = ask(
      'Jeg kan desværre ikke deltage i dag pga. et byrådsmøde her i Skive. Er der en gentagelse af det samme møde i næste uge?',
    );
    expect(answer.intent).toBe('event.next-meeting');
    expect(answer.text).toContain('onsdag 12. september 2018 kl. 13.00–15.00');
    expect(answer.text).toContain('fredag 14. september 2018 kl. 10.30–12.30');
    // a link for the rerun is not whether it is held
    expect(ask("what's the skype link for the rerun on the 12th?").intent).not.toBe('event.next-meeting');
  });

  it('leaves a meeting resumed, rejoined or a word of it to other answers', () => {
    for (const question of [
      'hvornår starter mødet igen efter pausen?',
      'when does the meeting start again after the break?',
      'skal jeg gentage min status igen på mødet?',
    ])
      expect(ask(question).intent).not.toBe('event.next-meeting');
    expect(ask('hvad betyder ordet compliance, som blev brugt på mødet?').text).not.toContain('Det praktiske');
    expect(ask('er der en debat om strategierne på mødet?').text).not.toContain('Det praktiske');
  });

  it('is the next meeting of the days named that is not over yet', () => {
    const answer = ask('hvem er værter på mødet i september?', '2018-09-10T09:00:00+02:00');
    expect(answer.text).toContain('onsdag 12. september 2018 kl. 13.00–15.00');
  });

  it('says it does not know the practicalities of a meeting the material has no record of', () => {
    const answer = ask('hvem er værter på mødet i november?');
    expect(answer.text).toBe(
      'Værter, lydtest og det praktiske for et møde i november 2018 kender jeg ikke: materialet har kun dem for torsdag 6. september 2018, onsdag 12. september 2018 og fredag 14. september 2018. Spørg mbprogrammet@kombit.dk.',
    );
  });
});
