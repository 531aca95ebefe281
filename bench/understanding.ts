/**
 * Understanding on the labelled question set (tests/understanding/questions.json): accuracy
 * (intent, entities and the facts in the answer all right), the share of confidently wrong
 * answers (a wrong answer given as an answer, not as "I don't know": the worst outcome),
 * and the time to understand one question in-process, p50 and p95.
 *
 * Then the answer-judged sets (tests/understanding/fresh-questions.json and any further set
 * given as an argument): right when the answer holds every fact asked for, or says "I don't
 * know" where it should. `--failures` lists what went wrong in the sets named as arguments.
 *
 * Run: npm run bench:understanding [-- [--failures] set.json ...]
 */
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { ZONE } from '../src/clock.js';
import { loadKnowledge } from '../src/knowledge/loader.js';
import { Understander } from '../src/understanding/understand.js';
import { evaluateAnswer, loadAnswerSet } from '../tests/understanding/answer-set.js';
import { evaluate, loadQuestionSet } from '../tests/understanding/question-set.js';
import { createCore } from '../src/klikbot-core.js';

const ROUNDS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const knowledge = await loadKnowledge('data/knowledge');
const set = loadQuestionSet();
const outcomes = set.questions.map((question) => evaluate(createCore({ knowledge }), question, set.now));
const right = outcomes.filter((outcome) => outcome.right).length;
const confidentWrong = outcomes.filter((outcome) => outcome.confidentWrong).length;
const saidUnknown = outcomes.filter((outcome) => !outcome.right && !outcome.confidentWrong).length;

const understander = new Understander(knowledge);
const times: number[] = [];
for (let round = 0; round < ROUNDS; round += 1) {
  for (const question of set.questions) {
    // as the Clock gives it: in Copenhagen time
    const now = DateTime.fromISO(question.now ?? set.now).setZone(ZONE);
    const started = performance.now();
    understander.understand({ text: question.text, now, locale: question.lang === 'da' ? 'da-DK' : 'en-GB' });
    if (round > 0) times.push(performance.now() - started);
  }
}
times.sort((a, b) => a - b);

const byLanguage = (lang: 'da' | 'en') => {
  const mine = outcomes.filter((outcome) => outcome.question.lang === lang);
  return `${mine.filter((outcome) => outcome.right).length}/${mine.length}`;
};
console.log(`questions: ${outcomes.length} (Danish ${byLanguage('da')} right, English ${byLanguage('en')} right)`);
console.log(`accuracy: ${((right / outcomes.length) * 100).toFixed(1)} % (${right}/${outcomes.length})`);
console.log(
  `confidently wrong: ${((confidentWrong / outcomes.length) * 100).toFixed(1)} % (${confidentWrong}); wrong but said "I don't know": ${saidUnknown}`,
);
console.log(
  `understanding one question: p50 ${(percentile(times, 50) * 1000).toFixed(0)} µs, p95 ${(percentile(times, 95) * 1000).toFixed(0)} µs (${times.length} runs)`,
);

const args = process.argv.slice(2);
const showFailures = args.includes('--failures');
const extraSets = args.filter((arg) => !arg.startsWith('--'));
const freshSet = 'tests/understanding/fresh-questions.json';
for (const path of new Set([...(existsSync(freshSet) ? [freshSet] : []), ...extraSets])) {
  const answerSet = loadAnswerSet(path);
  const judged = answerSet.questions.map((question) =>
    evaluateAnswer(createCore({ knowledge }), question, answerSet.now),
  );
  const good = judged.filter((outcome) => outcome.right).length;
  const sure = judged.filter((outcome) => outcome.confidentWrong).length;
  console.log(
    `${path}: ${good}/${judged.length} right (${((good / judged.length) * 100).toFixed(1)} %), confidently wrong ${sure}`,
  );
  if (!showFailures || !extraSets.includes(path)) continue;
  for (const outcome of judged.filter((one) => !one.right)) {
    const { question } = outcome;
    console.log(
      `  ${question.id} [${question.topic}] ${JSON.stringify(question.text)} → ${outcome.intent}; missing ${JSON.stringify(outcome.missingFacts)}${outcome.wrongFacts.length ? ` wrong ${JSON.stringify(outcome.wrongFacts)}` : ''}`,
    );
    console.log(`      ${outcome.answer.replace(/\s+/g, ' ').slice(0, 220)}`);
  }
}
