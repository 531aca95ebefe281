import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.js';
import { Understander } from '../../src/understanding/understand.js';

const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
let understander: Understander;
beforeAll(async () => {
  understander = new Understander(await loadKnowledge('data/knowledge'));
});

describe('the coming deadlines, read from how a question opens', () => {
  const intent = (text: string) => understander.understand({ text, now }).intent;

  it('are asked for with a word of what is coming or when', () => {
    expect(intent('hvad er næste deadline?')).toBe('deadline.upcoming');
    expect(intent('hvad skal vi nå?')).toBe('deadline.upcoming');
    expect(intent('hvad haster?')).toBe('deadline.upcoming');
    expect(intent('hvad venter os?')).toBe('deadline.upcoming');
    expect(intent('hvad er på vej?')).toBe('deadline.upcoming');
    expect(intent('hvad er det vi skal?')).toBe('deadline.upcoming');
  });

  it('are no answer to "hvad er …?" about a word the material uses without a name of its own', () => {
    expect(intent('hvad er et modtagersystem?')).not.toBe('deadline.upcoming');
    expect(intent('hvad er en masteropgave?')).not.toBe('deadline.upcoming');
  });
});

describe("a support system's deadline", () => {
  it("is its tasks' deadlines, not the coming events nor everyone's deadlines", () => {
    for (const text of ['hvornår er deadline for Fordelingskomponenten?', 'hvad er deadlines for FK?']) {
      const read = understander.understand({ text, now });
      expect(read.intent, text).toBe('task.list');
      expect(read.entities.supportSystems, text).toEqual(['fordelingskomponenten']);
    }
    // who sets them asks for someone; a role named beside it asks for that role's task
    expect(
      understander.understand({ text: 'hvem fastsætter fristerne for Fordelingskomponenten?', now }).intent,
    ).not.toBe('task.list');
    expect(understander.understand({ text: 'hvornår er deadline for FK-ADM?', now }).intent).toBe('deadline.task');
  });

  it("is the system's deadlines in a span, where the question names one", () => {
    const read = understander.understand({ text: 'hvor mange dage er der til december-fristerne for FK?', now });
    expect(read.intent).toBe('deadline.range');
    expect(read.entities.supportSystems).toEqual(['fordelingskomponenten']);
    expect(read.entities.dates).toEqual({ start: '2018-12-01', end: '2018-12-31' });
  });
});

describe('the deadlines of a span asked with a word of what is left', () => {
  const read = (text: string) => understander.understand({ text, now, locale: 'en-GB' });

  it('are the deadlines in that span, not where the municipality stands', () => {
    const reading = read('what deadlines do we have left in November?');
    expect(reading.intent).toBe('deadline.range');
    expect(reading.entities.dates).toEqual({ start: '2018-11-01', end: '2018-11-30' });
    // … and what is left to do by a date
    const toDo = read("what's left for us to do before Christmas?");
    expect(toDo.intent).toBe('deadline.range');
    expect(toDo.entities.dates).toEqual({ start: '2018-09-06', end: '2018-12-24' });
    // … but "do" that only forms the question, or a system whose own status it is, leaves the status
    expect(read('how do we stand before Christmas?').intent).toBe('status.mine');
    const ofASystem = understander.understand({
      text: 'hvad mangler vi at lave for Fordelingskomponenten inden december?',
      now,
    });
    expect(ofASystem.intent).toBe('status.mine');
  });

  it('leave a status asked without a deadline, or of a named task, as it was', () => {
    expect(read('what do we have left?').intent).toBe('status.mine');
    expect(read('what do we have left on BBR this year?').intent).not.toBe('deadline.range');
  });
});

describe('the coming deadlines asked with a word of what is coming', () => {
  const intent = (text: string) => understander.understand({ text, now }).intent;

  it('are the deadlines, not the coming tasks, where no task is asked for', () => {
    expect(intent('hvilke frister venter i de kommende uger?')).toBe('deadline.upcoming');
    expect(intent('hvilke kommende opgaver har en frist?')).not.toBe('deadline.upcoming');
  });
});

describe('the deadlines and the meetings of a span', () => {
  it('are its timeline, where the question asks for both', () => {
    const read = (text: string) => understander.understand({ text, now });
    for (const text of ['hvilke frister og møder har vi i oktober?', 'deadlines og arrangementer i december?']) {
      expect(read(text).intent, text).toBe('event.list');
      expect(read(text).entities.dates, text).toBeDefined();
    }
    // the deadlines alone stay the deadlines, and so do those before the meetings
    expect(read('hvilke frister har vi i oktober?').intent).toBe('deadline.range');
    expect(read('hvilke frister skal vi nå inden møderne i november?').intent).toBe('deadline.range');
  });
});

describe('the passed deadlines', () => {
  const later = DateTime.fromISO('2018-11-05T10:00:00+01:00');
  const intent = (text: string, locale = 'da-DK') => understander.understand({ text, now: later, locale }).intent;

  it('are asked for as what is too late, in Danish and English', () => {
    expect(intent('er der noget vi er for sent ude med nu?')).toBe('deadline.overdue');
    expect(intent("is there anything we're late with?", 'en-GB')).toBe('deadline.overdue');
    expect(intent('are we behind on anything?', 'en-GB')).toBe('deadline.overdue');
  });

  it('are not whether it is too late to do a thing', () => {
    expect(intent('er det for sent at tilmelde sig kommunedagene?')).not.toBe('deadline.overdue');
    expect(intent('is it too late to sign up for the municipality days?', 'en-GB')).not.toBe('deadline.overdue');
    expect(intent('kommer vi for sent hvis vi starter på BBR i oktober?')).toBe('deadline.task');
    expect(intent('hvem skal vi kontakte hvis vi er bagud med noget?')).toBe('contact');
    expect(intent('må vi godt være lidt for sent ude med svaret til KOMBIT?')).not.toBe('deadline.overdue');
    expect(intent('er vi for sent ude med at vælge strategi?')).not.toBe('deadline.overdue');
    expect(intent('hvad er allersidste frist for fordelingsreglerne?')).toBe('deadline.task');
  });
});
