import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSlackMessage } from '../../src/channels/slack/render-blocks.js';
import { toActivity } from '../../src/channels/teams/render-card.js';
import { createFixedClock } from '../../src/clock.js';
import type { Core } from '../../src/core/core.js';
import type { Reply } from '../../src/core/types.js';
import { createCore } from '../../src/klikbot-core.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { MembershipRepository } from '../../src/state/memberships.js';
import { StatusRepository } from '../../src/state/statuses.js';
import { openStore } from '../../src/state/store.js';
import { askedSchema, turn } from '../understanding/question-set.js';
import { plainSentenceProblems } from '../support/plain-sentence.js';
import { z } from 'zod';

/** Every question of the two question sets: what programme leaders type, answered by the real core. */
function questions(): z.infer<typeof askedSchema>[] {
  const set = z.object({ now: z.string(), questions: z.array(askedSchema.passthrough()) });
  return ['questions.json', 'fresh-questions.json'].flatMap((file) => {
    const parsed = set.parse(JSON.parse(readFileSync(path.join('tests/understanding', file), 'utf8')));
    return parsed.questions.map((question) => ({ ...question, now: question.now ?? parsed.now }));
  });
}

interface Rendered {
  question: string;
  reply: Reply;
}

describe('what notifications and screen readers get from the answers', () => {
  let dir = '';
  let core: Core;
  const rendered: Rendered[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-notification-'));
    const store = await openStore(path.join(dir, 'klikbot.json'));
    const clock = createFixedClock(DateTime.fromISO('2018-09-06T10:00:00+02:00'));
    const services = {
      memberships: new MembershipRepository(store, clock),
      statuses: new StatusRepository(store, clock),
      administrators: new Set<string>(),
    };
    core = createCore({ knowledge: await loadKnowledge('data/knowledge'), services });
    for (const question of questions()) {
      const now = DateTime.fromISO(question.now!, { setZone: true });
      for (const earlier of question.context ?? []) await core.handle(turn(earlier, question.id, now, question.lang));
      for (const reply of await core.handle(turn(question.text, question.id, now, question.lang)))
        rendered.push({ question: question.text, reply });
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the question sets with cards whose Teams summary and speak are plain sentences', () => {
    const cards = rendered.map(({ question, reply }) => ({ question, activity: toActivity(reply) }));
    const withCard = cards.filter(({ activity }) => activity.attachments?.length);
    // most answers are cards: a check of a handful would prove little
    expect(withCard.length).toBeGreaterThan(300);
    const problems = withCard.flatMap(({ question, activity }) => {
      const speak = activity.attachments?.[0]?.content?.speak as string | undefined;
      return [
        ...plainSentenceProblems(activity.summary).map(
          (problem) => `${question} → summary ${problem}: ${activity.summary}`,
        ),
        ...plainSentenceProblems(speak).map((problem) => `${question} → speak ${problem}: ${speak}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('gives every Slack message of those answers a plain notification text', () => {
    const problems = rendered.flatMap(({ question, reply }) => {
      const { text } = toSlackMessage(reply);
      return plainSentenceProblems(text).map((problem) => `${question} → text ${problem}: ${text}`);
    });
    expect(problems).toEqual([]);
  });
});
