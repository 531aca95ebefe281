import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

// one understander for the file: building one loads and indexes the whole knowledge base
const understander = new Understander(await loadKnowledge('data/knowledge'));
const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
const intent = (text: string) => understander.understand({ text, now }).intent;

describe('a count asked of a rollout group', () => {
  it('is no status of a task', () => {
    expect(intent('hvor mange kommuner er der i gruppe 3?')).not.toMatch(/^status\./);
    expect(intent('how many municipalities are in group 1?')).not.toMatch(/^status\./);
  });

  it('leaves the counts of a task’s steps to the status', () => {
    expect(intent('hvor mange har fuldført trin 3?')).toBe('status.national');
    // … also asked by "antal", however terse, and never read as a report of one's own status
    expect(intent('bbr trin 4 antal ikke påbeg.?')).toBe('status.national');
    expect(intent('antal kommuner der ikke er startet på bbr trin 4')).toBe('status.national');
    // … but "et antal" is a number of things, said: a report stays a report
    expect(intent('vi er gået i gang med BBR trin 3, et antal brugere mangler')).toBe('status.update');
  });

  it('is the rollout plan where the groups are counted, the rollout said a few words after them', () => {
    expect(intent('hvor mange grupper er sapa udrulningen delt op i')).toBe('rollout.sapa');
    expect(intent('how many groups is the SAPA rollout split into?')).toBe('rollout.sapa');
  });

  it('is the rollout plan where the plan is asked about by its word alone, the only plan there is', () => {
    expect(intent('hvor mange kommuner er med i udrulningsplanen?')).toBe('rollout.sapa');
    // … and a batch of it is a group
    expect(intent('which other municipalities are in the same SAPA batch as Hillerød?')).toBe('rollout.sapa');
    // (a task's steps are no plan)
    expect(intent('hvor mange kommuner har fuldført trin 3 i BBR?')).toBe('status.national');
  });
});

describe('a count of other things than the municipalities', () => {
  it("is no count of a task's progress where no task, step or word of progress is said", () => {
    expect(intent('hvor mange strategier er der?')).not.toBe('status.national');
    expect(intent('hvor mange nyheder er der?')).not.toBe('status.national');
    // the municipalities counted, or their progress said, is
    expect(intent('hvor mange kommuner er færdige?')).toBe('status.national');
    expect(intent('hvor mange er i gang?')).toBe('status.national');
  });
});
