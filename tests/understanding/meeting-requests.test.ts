import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { actionFor } from '../../dialogs/intent-dialogs.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { queryWords } from '../../src/understanding/query-words.js';
import { Understander } from '../../src/understanding/understand.js';
import type { Understanding } from '../../src/understanding/types.js';
import { loadQuestionSet } from './question-set.js';

const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T09:55:00+02:00', { setZone: true });
const read = (text: string, previous?: Understanding) =>
  understander.understand({ text, now, ...(previous ? { previous } : {}) });
const action = (text: string) => actionFor(read(text), queryWords(text).tokens);

describe("a meeting host's commands", () => {
  it('start the meeting, today’s or the one on a named day', () => {
    for (const text of [
      'start møde',
      'start mødet',
      'Start dagens møde',
      'vi starter mødet nu',
      'start the meeting',
      "start today's meeting",
    ]) {
      expect(read(text).intent, text).toBe('meeting.start');
    }
    expect(action('start mødet')).toEqual({ dialog: 'meeting-start', args: {} });
    expect(action('start mødet 12. september')).toEqual({ dialog: 'meeting-start', args: { date: '2018-09-12' } });
  });

  it('move to the next item, pause for a number of minutes, end the meeting', () => {
    for (const text of ['næste punkt', 'Næste punkt tak', 'videre til næste punkt', 'next item', 'move on'])
      expect(read(text).intent, text).toBe('meeting.next');
    for (const text of ['afslut møde', 'afslut mødet', 'luk mødet', 'mødet er slut', 'end the meeting'])
      expect(read(text).intent, text).toBe('meeting.end');
    expect(action('pause 10')).toEqual({ dialog: 'meeting-pause', args: { minutes: '10' } });
    expect(action('pause i 15 minutter')).toEqual({ dialog: 'meeting-pause', args: { minutes: '15' } });
    expect(action('10 minutters pause')).toEqual({ dialog: 'meeting-pause', args: { minutes: '10' } });
    expect(action('take a 5 minute break')).toEqual({ dialog: 'meeting-pause', args: { minutes: '5' } });
    expect(action('vi holder pause')).toEqual({ dialog: 'meeting-pause', args: {} });
  });

  it('go back an item or to a numbered one', () => {
    for (const text of ['forrige punkt', 'Forrige punkt tak', 'tilbage til forrige punkt', 'previous item'])
      expect(read(text).intent, text).toBe('meeting.previous');
    expect(action('gå til punkt 5')).toEqual({ dialog: 'meeting-goto', args: { item: '5' } });
    expect(action('ok klikbot, hop til punkt 3')).toEqual({ dialog: 'meeting-goto', args: { item: '3' } });
    expect(action('go to item 7')).toEqual({ dialog: 'meeting-goto', args: { item: '7' } });
    for (const text of ['hvad er forrige punkt?', 'gå til punkt', 'hvad er punkt 5?', 'punkt 5'])
      expect(read(text).intent, text).not.toMatch(/^meeting\.(previous|goto)$/);
  });

  it('answer in the language they are given in', () => {
    expect(read('start møde').language).toBe('da');
    expect(read('end the meeting').language).toBe('en');
  });

  it('leave questions about the meeting to the agenda', () => {
    for (const text of [
      'hvornår er der pause?',
      'hvad er næste punkt?',
      'hvornår starter mødet?',
      'pause?',
      'pause',
      'dagens program',
      'when is the break today?',
    ]) {
      expect(read(text).intent, text).not.toMatch(/^meeting\./);
    }
    expect(read('hvornår er der pause?').intent).toBe('agenda.today');
  });

  it('are never repeated by a follow-up: "og hvad så?" after "næste punkt" moves nothing', () => {
    const next = read('næste punkt');
    expect(read('og hvad så?', next).intent).not.toBe('meeting.next');
  });

  it('take over no question in the labelled set', () => {
    const taken = loadQuestionSet().questions.filter(
      (question) => !question.intent.startsWith('meeting.') && read(question.text).intent.startsWith('meeting.'),
    );
    expect(taken.map((question) => question.text)).toEqual([]);
  });
});

describe('the roll call', () => {
  it('reads a participant saying they are here, and the host asking who is', () => {
    for (const text of ['jeg er her', 'Jeg er her!', 'til stede', "I'm here", 'I am here', 'her'])
      expect(read(text).intent, text).toBe('meeting.here');
    for (const text of ['hvem er her?', 'fremmøde', 'Fremmøde?', 'hvor mange er her?', "who's here?", 'attendance'])
      expect(read(text).intent, text).toBe('meeting.attendance');
    expect(action('hvem er her?')).toEqual({ dialog: 'meeting-attendance', args: {} });
    expect(action('fremmøde med navne')).toEqual({ dialog: 'meeting-attendance', args: { names: '1' } });
    // a question about being here is no answer to the roll call, nor a longer sentence
    expect(read('er jeg her?').intent).not.toBe('meeting.here');
    expect(read('jeg er her i Aarhus med et spørgsmål om BBR').intent).not.toBe('meeting.here');
  });
});

describe('reminders before the meeting', () => {
  it('reads a conversation asking for them and asking to stop', () => {
    for (const text of [
      'mind os om mødet',
      'mind os om møderne',
      'Mind mig om programledermødet',
      'remind us about the meeting',
      'remind us of the meetings',
    ])
      expect(read(text).intent, text).toBe('meeting.remind');
    for (const text of ['stop mødepåmindelser', 'slå mødepåmindelser fra', 'stop meeting reminders'])
      expect(read(text).intent, text).toBe('meeting.remind-stop');
    expect(action('mind os om mødet')).toEqual({ dialog: 'meeting-remind', args: {} });
    // the deadlines keep their own reminders
    expect(read('mind os om deadlines').intent).toBe('reminder.subscribe');
    expect(read('hvornår er mødet?').intent).not.toBe('meeting.remind');
  });
});
