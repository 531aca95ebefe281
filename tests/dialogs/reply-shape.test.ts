import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeTurn } from '../../dialogs/router.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import type { Knowledge } from '../../src/knowledge/registry.js';
import { Understander } from '../../src/understanding/understand.js';

let knowledge: Knowledge;
let understander: Understander;
beforeAll(async () => {
  knowledge = await loadKnowledge('data/knowledge');
  understander = new Understander(knowledge);
});

const labelled = JSON.parse(readFileSync('tests/understanding/questions.json', 'utf8')) as {
  now: string;
  questions: { text: string }[];
};

describe('the shape of every answer to the labelled questions', () => {
  it('never shows its list twice: the sentence above a list does not already hold the whole list', () => {
    const doubled: string[] = [];
    for (const { text } of labelled.questions) {
      const { replies } = routeTurn(
        {
          user: { id: 'u1', name: 'Programleder' },
          conversation: { channel: 'web', id: 'c1', isGroup: false },
          text,
          locale: 'da-DK',
          now: DateTime.fromISO(labelled.now, { setZone: true }),
        },
        { knowledge, understander },
      );
      for (const reply of replies) {
        // the channels draw `intro` (or, without one, `text`) above the list's own lines
        const above = reply.intro ?? reply.text;
        const list = reply.list ?? [];
        if (list.length > 0 && list.every((item) => above.includes(item))) doubled.push(`${text} → ${reply.heading}`);
      }
    }
    expect(doubled).toEqual([]);
  });
});
