import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText } from './question-set.js';

const core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
const december = DateTime.fromISO('2018-12-03T09:00:00+01:00', { setZone: true });
const ask = (text: string) =>
  replyText(
    core.answer({
      user: { id: 'u1' },
      conversation: { channel: 'teams', id: 'days', isGroup: false },
      text,
      locale: 'da-DK',
      now: december,
    }).replies,
  );

describe('the days left to a deadline on the timeline', () => {
  it('are counted beside each deadline still ahead', () => {
    expect(ask('hvad sker der i december?')).toContain('onsdag 12. december 2018 (om 9 dage) · Frist:');
  });

  it('answer "og hvor mange dage er der til" asked beside the span, with no "I don\'t know" for it', () => {
    const answer = ask('hvad skal vi nå inden jul og hvor mange dage er der til');
    expect(answer).toContain('(om 9 dage)');
    expect(answer).not.toContain('det ved jeg ikke');
  });

  it('answer no other question of days asked beside the span: that part is still not known', () => {
    expect(ask('hvad sker der i december og hvor mange dage varer webinaret')).toContain('det ved jeg ikke');
  });

  it('are not counted for a deadline already past', () => {
    expect(ask('hvad skete der i november?')).not.toMatch(/november 2018 \(for \d+ dage siden\) · Frist/);
    expect(ask('hvad skete der i november?')).toContain('torsdag 1. november 2018 · Frist:');
  });
});
