import { agendaToday, events, nextMeeting } from '../../dialogs/answers/events.js';
import { describe, expect, it } from 'vitest';
import { card, context, plain } from './dialog-kit.js';

describe('events', () => {
  it('lists the coming events in date order from the clock, the next one first', () => {
    const reply = card(events(context(), {}));
    expect(reply.text.split('\n')[0]).toBe(
      'Næste: **tirsdag 30. oktober 2018, København: Opstartsmøde om Organisation (foreløbig dato)** (om 54 dage).',
    );
    expect(reply.list?.some((line) => line.includes('august'))).toBe(false);
    expect(reply.list?.[3]).toBe('onsdag 14. november 2018 kl. 09.00–10.00: Webinar: Introduktion til Monopolbruddet');
    expect(reply.list).toContain('tirsdag 20. november 2018, Køge: Kommunedag');
    expect(reply.text).toContain('Foreløbige datoer kan flytte sig.');
  });

  it('shows a month-only meeting as its month, after the dated events of that month', () => {
    const list = card(events(context(), {})).list ?? [];
    expect(list[list.length - 1]).toBe('november 2018: Næste programledermøde (dato ikke meldt ud)');
  });

  it('says where to ask when the time of day is asked and the material gives only the day', () => {
    const day = card(events(context(), { kinds: 'municipality-day', municipalityId: 'odense', clock: 'true' }));
    expect(day.text).toContain('Materialet siger ikke, hvornår på dagen »Kommunedag« (Odense) er');
    expect(day.text).toContain('mbprogrammet@kombit.dk');
    // a webinar has its times, so nothing is missing
    const webinar = card(events(context(), { kinds: 'webinar', clock: 'true' }));
    expect(webinar.text).toContain('kl. 09.00–10.00');
    expect(webinar.text).not.toContain('Materialet siger ikke');
    // (the note is for a question that asks the time, not for every event without one)
    expect(card(events(context(), { kinds: 'municipality-day' })).text).not.toContain('Materialet siger ikke');
  });

  it('filters by kind and span', () => {
    expect(card(events(context(), { kinds: 'webinar' })).list).toHaveLength(4);
    const august = card(events(context(), { kinds: 'kick-off', start: '2018-08-01', end: '2018-08-31' }));
    expect(august.text.split('\n')[0]).toBe('**2 opstartsmøder** i august 2018:');
    expect(august.list?.map((line) => line.split(':')[0])).toEqual([
      'mandag 20. august 2018',
      'mandag 27. august 2018',
    ]);
  });

  it('takes the language a button carries beside the kinds', () => {
    expect(card(events(context(), { kinds: 'webinar', lang: 'da' })).list).toHaveLength(4);
  });

  it('drops events whose day has passed from the events ahead', () => {
    const list = card(events(context('2018-11-15T09:30:00+01:00'), {})).list ?? [];
    expect(list.some((line) => line.includes('14. november'))).toBe(false);
    expect(list.some((line) => line.includes('15. november 2018'))).toBe(true);
  });

  it('shows a kind asked for by name whole, the past ones marked as held', () => {
    const list = card(events(context('2018-11-15T09:30:00+01:00'), { kinds: 'webinar' })).list ?? [];
    expect(list).toHaveLength(4);
    expect(list.filter((line) => line.endsWith('(afholdt)'))).toHaveLength(2);
  });

  it('says when there is none, and names the next one after the span', () => {
    const reply = card(events(context(), { kinds: 'webinar', start: '2018-10-01', end: '2018-10-31' }));
    expect(reply.text).toBe(
      'Der er ingen webinarer i oktober 2018 i mine data.\nDen næste: onsdag 14. november 2018 kl. 09.00–10.00: Webinar: Introduktion til Monopolbruddet.',
    );
  });

  it('answers in English', () => {
    const reply = card(events(context('2018-09-06T10:00:00+02:00', 'en'), { kinds: 'municipality-day' }));
    expect(reply.list?.[0]).toBe('Tuesday 20 November 2018, Køge: Kommunedag');
    expect(reply.text).toContain('Sign-up: https://www.kombit.dk/nyheder/tilmeld-dig-efter%C3%A5rets-kommunedage');
  });

  it('says plainly when it does not know the kind or the dates', () => {
    expect(plain(events(context(), { kinds: 'webinar,party' }))).toBe('Den slags begivenhed kender jeg ikke.');
    expect(plain(events(context(), { start: '2018-12-31', end: '2018-12-01' }))).toBe('Den periode forstår jeg ikke.');
    expect(plain(events(context(), { start: '2018-02-30', end: '2018-03-01' }))).toBe('Den periode forstår jeg ikke.');
  });
});

describe('next meeting', () => {
  it('gives the month only, and the remaining runs of the current meeting', () => {
    const reply = card(nextMeeting(context('2018-09-05T10:00:00+02:00'), {}));
    expect(reply.text.split('\n')[0]).toBe(
      'Næste programledermøde er **i november 2018**; datoen er ikke meldt ud endnu.',
    );
    expect(reply.text).toContain(
      'torsdag 6. september 2018 kl. 10.00–12.00, onsdag 12. september 2018 kl. 13.00–15.00 og fredag 14. september 2018 kl. 10.30–12.30',
    );
  });

  it('gives the run under way, or later today, first ("hvornår slutter mødet?")', () => {
    const during = card(nextMeeting(context('2018-09-06T10:30:00+02:00'), {})).text.split('\n');
    expect(during[0]).toBe('**Programledermøde september 2018** er i gang nu: kl. 10.00–12.00, slutter kl. 12.00.');
    expect(during[1]).toBe(
      'Samme program holdes også onsdag 12. september 2018 kl. 13.00–15.00 og fredag 14. september 2018 kl. 10.30–12.30.',
    );
    expect(during[2]).toBe('Næste programledermøde er **i november 2018**; datoen er ikke meldt ud endnu.');
    const morning = card(nextMeeting(context('2018-09-12T09:00:00+02:00'), {})).text.split('\n');
    expect(morning[0]).toBe('**Programledermøde september 2018** er i dag kl. 13.00–15.00.');
    expect(morning[1]).toBe('Samme program holdes også fredag 14. september 2018 kl. 10.30–12.30.');
  });

  it('leaves out runs that are over, and says when none is coming', () => {
    expect(card(nextMeeting(context('2018-09-15T10:00:00+02:00'), {})).text).toBe(
      'Næste programledermøde er **i november 2018**; datoen er ikke meldt ud endnu.',
    );
    expect(card(nextMeeting(context('2018-12-03T10:00:00+01:00'), {})).text).toBe(
      'Mine data har ikke noget kommende programledermøde.',
    );
  });
});

describe("today's agenda", () => {
  it('marks the running item by the clock, with presenters', () => {
    const reply = card(agendaToday(context('2018-09-06T10:10:00+02:00'), {}));
    expect(reply.text.split('\n')[0]).toMatch(/^Nu: \*\*Opsamling Implementeringsoverblikket/);
    const marked = reply.list?.filter((line) => line.endsWith('▶ nu'));
    expect(marked).toEqual([
      '**Punkt 2: 10.05–10.30 Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder (ved Mette Vinther Poulsen)** ▶ nu',
    ]);
  });

  it('shows the 14 September slip as written, with a note on what is probably meant', () => {
    const reply = card(agendaToday(context('2018-09-14T11:15:00+02:00'), {}));
    expect(reply.list?.[3]).toBe(
      '**Punkt 4: 11.10–10.20 Buffer/evt. pause** (sådan står det i programmet, formentlig menes 11.10–11.20) ▶ nu',
    );
    expect(reply.list?.filter((line) => line.includes('▶ nu'))).toHaveLength(1);
  });

  it('says how soon the meeting starts, or that it is over', () => {
    expect(card(agendaToday(context('2018-09-06T09:50:00+02:00'), {})).text).toMatch(
      /^Mødet starter kl\. 10\.00 \(om 10 minutter\)\./,
    );
    expect(card(agendaToday(context('2018-09-12T15:10:00+02:00'), {})).text).toMatch(
      /^Dagens møde sluttede kl\. 15\.00\./,
    );
  });

  it('says there is no meeting today and names the next one', () => {
    const reply = card(agendaToday(context('2018-09-13T10:00:00+02:00'), {}));
    expect(reply.text).toBe(
      'Der er intet programledermøde i dag (torsdag 13. september 2018).\nNæste: fredag 14. september 2018 kl. 10.30–12.30.',
    );
    expect(card(agendaToday(context('2018-09-20T10:00:00+02:00'), {})).text).toContain('i november 2018');
  });

  it('answers in English', () => {
    const reply = card(agendaToday(context('2018-09-14T11:15:00+02:00', 'en'), {}));
    expect(reply.list?.[3]).toBe(
      '**Item 4: 11.10–10.20 Buffer/evt. pause** (as written in the programme, probably 11.10–11.20 is meant) ▶ now',
    );
  });
});

describe('events the question points at', () => {
  it('puts the event of the named place or subject first', () => {
    expect(card(events(context(), { kinds: 'municipality-day', municipalityId: 'odense' })).text).toMatch(
      /^Næste: \*\*onsdag 21\. november 2018, Odense/,
    );
    expect(card(events(context(), { kinds: 'webinar', topic: 'webinaret oekonomi' })).text).toContain(
      'kl. 10.00–11.00: Webinar: Økonomi i Monopolbruddet',
    );
  });

  it('keeps date order when nothing in particular is pointed at', () => {
    expect(card(events(context(), { kinds: 'webinar', topic: 'webinarerne' })).text).toContain(
      '09.00–10.00: Webinar: Introduktion til Monopolbruddet',
    );
  });
});
