import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Core } from '../../src/core/core.js';
import { createCore } from '../../src/klikbot-core.js';
import { replyText, turn } from './question-set.js';

describe('the news about a named support system', () => {
  let core: Core;
  const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
  beforeAll(async () => {
    core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
  });

  it.each([
    ['hvilke nyheder er der om beskedfordeleren?', 'da', '20. september 2018'],
    ["what's the news about the message distributor?", 'en', '20 September 2018'],
  ] as const)('"%s" gives that news', (text, language, date) => {
    const result = core.answer(turn(text, `news-${language}`, now, language));
    expect(result.understanding?.intent).toBe('news');
    const reply = replyText(result.replies);
    expect(reply).toContain('Beskedfordeleren');
    expect(reply).toContain(date);
  });
});
