import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/core.js';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { evaluate, loadQuestionSet, type Outcome } from './question-set.js';

const REQUIRED_ACCURACY = 0.95;

describe('the labelled question set', () => {
  let core: Core;
  const set = loadQuestionSet();

  beforeAll(async () => {
    core = createCore({ knowledge: await loadKnowledge('data/knowledge') });
  });

  it(`has at least 200 questions in Danish and English`, () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(200);
    expect(set.questions.some((question) => question.lang === 'en')).toBe(true);
  });

  it(`is understood and answered right at least ${REQUIRED_ACCURACY * 100} % of the time`, () => {
    const outcomes: Outcome[] = set.questions.map((question) => evaluate(core, question, set.now));
    const wrong = outcomes.filter((outcome) => !outcome.right);
    const accuracy = (outcomes.length - wrong.length) / outcomes.length;
    const report = wrong.map(
      (outcome) =>
        `${outcome.question.id} "${outcome.question.text}": expected ${outcome.question.intent}, got ${outcome.understanding?.intent} (${outcome.understanding?.confidence.toFixed(2)})` +
        `${outcome.entityMistakes.length ? `; entities wrong: ${outcome.entityMistakes.join(', ')}` : ''}` +
        `${outcome.missingFacts.length ? `; missing: ${outcome.missingFacts.join(' | ')}` : ''}`,
    );
    console.log(`question set: ${outcomes.length - wrong.length}/${outcomes.length} right (${(accuracy * 100).toFixed(1)} %), ${outcomes.filter((o) => o.confidentWrong).length} confidently wrong`);
    expect(accuracy, report.join('\n')).toBeGreaterThanOrEqual(REQUIRED_ACCURACY);
  });
});
