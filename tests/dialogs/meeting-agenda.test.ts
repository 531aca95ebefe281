import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { agendaToday } from '../../dialogs/answers/events.js';
import { meetingAgenda } from '../../dialogs/meetings/run.js';
import { card, context, knowledge } from './dialog-kit.js';
import { CHANNEL, people, turn, useMeetingKit } from './meeting-kit.js';
import { createCore } from '../../src/klikbot-core.js';

const marked = (list: string[] | undefined) => (list ?? []).filter((line) => line.includes('▶'));

describe('"dagens program" by the clock', () => {
  it('at 09.55 on 6 September 2018 shows that day’s agenda from 10.00, nothing running yet, starting at 10.00', () => {
    const reply = card(agendaToday(context('2018-09-06T09:55:00+02:00'), {}));
    expect(reply.list?.[0]).toBe('Punkt 1: 10.00–10.05 Velkomst, dagens program og det praktiske');
    expect(reply.list).toHaveLength(9);
    expect(marked(reply.list)).toEqual([]);
    expect(reply.list?.some((line) => line.includes('**'))).toBe(false);
    // the 09.50 test is over; the one at 09.55 is now
    expect(reply.text.split('\n')[0]).toBe('Mødet starter kl. 10.00 (om 5 minutter). Lyden testes kl. 09.55.');
    expect(card(agendaToday(context('2018-09-06T09:45:00+02:00'), {})).text.split('\n')[0]).toBe(
      'Mødet starter kl. 10.00 (om 15 minutter). Lyden testes kl. 09.50 og 09.55.',
    );
    expect(reply.intro).toContain('**Programledermøde september 2018** i dag kl. 10.00–12.00 på Skype, cirka tider:');
  });

  it('answers "dagens program" typed at 09.55 on 6 September with the agenda from 10.00', () => {
    const core = createCore({ knowledge });
    const now = DateTime.fromISO('2018-09-06T09:55:00+02:00', { setZone: true });
    const routed = core.answer({
      user: { id: 'u1' },
      conversation: { channel: 'web', id: 'c1', isGroup: false },
      text: 'dagens program',
      now,
    });
    expect(routed.understanding?.intent).toBe('agenda.today');
    expect(routed.replies[0]?.list?.[0]).toBe('Punkt 1: 10.00–10.05 Velkomst, dagens program og det praktiske');
  });

  it('at 10.31 marks the 10.30 item in bold as running now, and only that one', () => {
    const reply = card(agendaToday(context('2018-09-06T10:31:00+02:00'), {}));
    expect(marked(reply.list)).toEqual(['**Punkt 3: 10.30–10.40 Aktuelle og kommende KLIK-opgaver** ▶ nu']);
    expect(reply.list?.[2]).toBe('**Punkt 3: 10.30–10.40 Aktuelle og kommende KLIK-opgaver** ▶ nu');
    expect(reply.text.split('\n')[0]).toBe(
      'Nu: **Aktuelle og kommende KLIK-opgaver** (10.30–10.40). Derefter kl. 10.40: Pause.',
    );
  });

  it('shows 12 September’s agenda, with its buffer, pauses and presenters', () => {
    const reply = card(agendaToday(context('2018-09-12T14:25:00+02:00'), {}));
    expect(reply.list?.[0]).toBe('Punkt 1: 13.00–13.05 Velkomst, dagens program og det praktiske');
    expect(reply.list?.[3]).toBe('Punkt 4: 13.40–13.50 Buffer/evt. pause');
    expect(reply.list?.[5]).toBe('Punkt 6: 14.10–14.20 Pause');
    expect(marked(reply.list)).toEqual([
      '**Punkt 7: 14.20–14.50 Støttesystemet Organisation (ved Peter Hansen)** ▶ nu',
    ]);
  });

  it('shows 14 September’s "11.10 - 10.20" as the seed writes it, with what is probably meant', () => {
    const before = card(agendaToday(context('2018-09-14T10:00:00+02:00'), {}));
    expect(before.list?.[0]).toBe('Punkt 1: 10.30–10.35 Velkomst, dagens program og det praktiske');
    expect(before.list?.[3]).toBe(
      'Punkt 4: 11.10–10.20 Buffer/evt. pause (sådan står det i programmet, formentlig menes 11.10–11.20)',
    );
    expect(before.text.split('\n')[0]).toMatch(/^Mødet starter kl\. 10\.30 \(om 30 minutter\)\./);
    const during = card(agendaToday(context('2018-09-14T11:15:00+02:00'), {}));
    expect(marked(during.list)).toEqual([
      '**Punkt 4: 11.10–10.20 Buffer/evt. pause** (sådan står det i programmet, formentlig menes 11.10–11.20) ▶ nu',
    ]);
  });

  it('on a day without a meeting names the next one’s date', () => {
    const reply = card(agendaToday(context('2018-09-13T10:00:00+02:00'), {}));
    expect(reply.text).toBe(
      'Der er intet programledermøde i dag (torsdag 13. september 2018).\nNæste: fredag 14. september 2018 kl. 10.30–12.30.',
    );
    expect(reply.list).toBeUndefined();
  });

  it('answers in English, the item marked "▶ now"', () => {
    const reply = card(agendaToday(context('2018-09-06T10:31:00+02:00', 'en'), {}));
    expect(marked(reply.list)).toEqual(['**Item 3: 10.30–10.40 Aktuelle og kommende KLIK-opgaver** ▶ now']);
    expect(reply.intro).toContain('today 10.00–12.00 on Skype, approximate times:');
  });
});

describe('the agenda where a meeting is run', () => {
  const kit = useMeetingKit();

  it('marks the host’s item, not the clock’s', async () => {
    await kit.sessions.start(CHANNEL, 'programledermoede-2018-09-06', 0, {
      channel: 'teams',
      userId: people.host.userId,
    });
    await kit.sessions.moveTo(CHANNEL, 1);
    const reply = card(
      await meetingAgenda(turn(kit, people.other, '2018-09-06T10:31:00+02:00'), {}, kit.meetingServices),
    );
    expect(marked(reply.list)).toEqual([
      '**Punkt 2: 10.05–10.30 Opsamling Implementeringsoverblikket, Rollegalleriet og rollen som KOMBIT-programleder (ved Mette Vinther Poulsen)** ▶ nu',
    ]);
    expect(reply.text.split('\n')[0]).toMatch(/^Nu: \*\*Opsamling Implementeringsoverblikket/);
  });

  it('says when a pause the host announced ends, while it lasts', async () => {
    await kit.sessions.start(CHANNEL, 'programledermoede-2018-09-06', 3, {
      channel: 'teams',
      userId: people.host.userId,
    });
    await kit.sessions.pause(CHANNEL, DateTime.fromISO('2018-09-06T10:52:00+02:00', { setZone: true }));
    const during = card(
      await meetingAgenda(turn(kit, people.other, '2018-09-06T10:45:00+02:00'), {}, kit.meetingServices),
    );
    expect(during.text.split('\n')[0]).toBe(
      '**Pause** — vi er tilbage kl. 10.52. Derefter: Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring.',
    );
    const after = card(
      await meetingAgenda(turn(kit, people.other, '2018-09-06T10:53:00+02:00'), {}, kit.meetingServices),
    );
    expect(after.text.split('\n')[0]).toBe(
      'Nu: **Pause** (10.40–10.50). Derefter kl. 10.50: Annoncering af deadline for SKI 02.19 leverandørers integration til Adgangsstyring.',
    );
  });

  it('follows the clock once the session has ended, on another day, or without sessions at all', async () => {
    await kit.sessions.start(CHANNEL, 'programledermoede-2018-09-06', 5, {
      channel: 'teams',
      userId: people.host.userId,
    });
    const nextDay = card(
      await meetingAgenda(turn(kit, people.other, '2018-09-12T13:31:00+02:00'), {}, kit.meetingServices),
    );
    expect(marked(nextDay.list)).toEqual(['**Punkt 3: 13.30–13.40 Aktuelle og kommende KLIK-opgaver** ▶ nu']);
    await kit.sessions.end(CHANNEL);
    const ended = card(
      await meetingAgenda(turn(kit, people.other, '2018-09-06T10:31:00+02:00'), {}, kit.meetingServices),
    );
    expect(marked(ended.list)).toEqual(['**Punkt 3: 10.30–10.40 Aktuelle og kommende KLIK-opgaver** ▶ nu']);
    const without = card(await meetingAgenda(turn(kit, people.other, '2018-09-06T10:31:00+02:00'), {}, kit.services));
    expect(marked(without.list)).toEqual(['**Punkt 3: 10.30–10.40 Aktuelle og kommende KLIK-opgaver** ▶ nu']);
  });
});
