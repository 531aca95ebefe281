import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { reminderMute, reminderSnooze, snoozeUntil } from '../../dialogs/reminders/snooze.js';
import { reminderSubscribe } from '../../dialogs/reminders/subscribe.js';
import { at, personal, useReminderKit } from './reminder-kit.js';

const kit = useReminderKit();
const channel = '19:aarhus@thread.tacv2';
const friday = '2018-10-26T10:00:00+02:00';
const when = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('snoozeUntil', () => {
  it('is 09:00 on the next working day: Friday goes to Monday (after summer time ended), Christmas to the 27th', () => {
    expect(snoozeUntil(when(friday)).toISO()).toBe('2018-10-29T09:00:00.000+01:00');
    expect(snoozeUntil(when('2018-10-25T08:00:00+02:00')).toISO()).toBe('2018-10-26T09:00:00.000+02:00');
    expect(snoozeUntil(when('2018-12-21T10:00:00+01:00')).toISO()).toBe('2018-12-27T09:00:00.000+01:00');
  });

  it('takes a later day asked for, moved to the first working day on or after it; an earlier one changes nothing', () => {
    expect(snoozeUntil(when(friday), '2018-11-03').toISO()).toBe('2018-11-05T09:00:00.000+01:00');
    expect(snoozeUntil(when(friday), '2018-10-31').toISO()).toBe('2018-10-31T09:00:00.000+01:00');
    expect(snoozeUntil(when(friday), '2018-10-27').toISO()).toBe('2018-10-29T09:00:00.000+01:00');
  });
});

describe('reminder-snooze', () => {
  it('puts the reminder off to 09:00 the next working day and says the day in full', async () => {
    await reminderSubscribe(at(), {}, kit.services);
    kit.clock.set(when(friday));
    const [reply] = await reminderSnooze(at({ at: friday }), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    expect(reply?.text).toBe('Jeg minder jer om **Udpeg FK-ADM og FK-ANSV** igen mandag 29. oktober 2018 kl. 9.00.');
    expect(reply?.buttons?.map((b) => [b.title, b.action.dialog])).toEqual([
      ['Stop påmindelser for denne opgave', 'reminder-mute'],
      ['Vis påmindelser', 'reminder-list'],
    ]);
    expect(kit.store.read().reminderSnoozes).toMatchObject([
      {
        channel: 'msteams',
        conversationId: channel,
        itemId: 'udpeg-fk-adm-og-fk-ansv',
        until: '2018-10-29T09:00:00.000+01:00',
      },
    ]);
  });

  it('typed without a task, puts off the reminder last sent here; with none sent, says so and writes nothing', async () => {
    await reminderSubscribe(at(personal), {}, kit.services);
    const [none] = await reminderSnooze(at(personal), {}, kit.services);
    expect(none?.text).toMatch(/^Jeg har ikke sendt nogen påmindelse her endnu, så der er ingen at udsætte\./);
    expect(kit.store.read().reminderSnoozes).toEqual([]);
    kit.lastSent.set('msteams/a:personal', {
      itemId: 'beskedfordeler-serviceaftaler-godkendes',
      at: '2018-09-06T09:00:00.000+02:00',
    });
    const [reply] = await reminderSnooze(at(personal), { date: '2018-09-10' }, kit.services);
    expect(reply?.text).toBe(
      'Jeg minder dig om **Godkend serviceaftaler vedrørende Beskedfordeleren** igen mandag 10. september 2018 kl. 9.00.',
    );
    expect(reply?.buttons?.[0]?.title).toBe('Stop påmindelser om denne frist');
  });

  it('in a conversation without reminders, or for an item stopped or not followed here, says why and writes nothing', async () => {
    const [none] = await reminderSnooze(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    expect(none?.text).toBe('I får ingen påmindelser her, så der er intet at udsætte. Intet er ændret.');
    await reminderSubscribe(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    const [other] = await reminderSnooze(at(), { itemId: 'godkend-initiale-fordelingsregler' }, kit.services);
    expect(other?.text).toBe('I får ingen påmindelser om Godkend initiale fordelingsregler her. Intet er ændret.');
    await reminderMute(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    const [muted] = await reminderSnooze(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    expect(muted?.text).toBe('Påmindelserne om Udpeg FK-ADM og FK-ANSV er stoppet her. Intet er ændret.');
    const [unknown] = await reminderSnooze(at(), { itemId: 'x', date: 'not a date' }, kit.services);
    expect(unknown?.notice).toBe(true);
    expect(kit.store.read().reminderSnoozes).toEqual([]);
  });

  it('answers in English', async () => {
    await reminderSubscribe(at(), {}, kit.services);
    const [reply] = await reminderSnooze(at({ language: 'en' }), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    expect(reply?.text).toBe(
      'I will remind you of **Udpeg FK-ADM og FK-ANSV** again on Friday 7 September 2018 at 9:00.',
    );
  });
});

describe('reminder-mute', () => {
  it('stops one item’s reminders here, keeps the others, and its undo subscribes to the item again', async () => {
    await reminderSubscribe(at(), {}, kit.services);
    const [reply] = await reminderMute(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    expect(reply?.text).toBe(
      'Stoppet: ingen flere påmindelser om **Udpeg FK-ADM og FK-ANSV** her. Andre påmindelser kommer som før.',
    );
    expect(kit.subscriptions.get('msteams', channel)?.mutedItemIds).toEqual(['udpeg-fk-adm-og-fk-ansv']);
    const undo = reply?.buttons?.[0];
    expect(undo?.title).toBe('Fortryd');
    await reminderSubscribe(at(), undo!.action.args, kit.services);
    expect(kit.subscriptions.get('msteams', channel)).toMatchObject({ mutedItemIds: [] });
    expect(kit.subscriptions.get('msteams', channel)?.itemIds).toBeUndefined();
  });

  it('in a conversation without reminders, says there is nothing to stop and writes nothing', async () => {
    const [reply] = await reminderMute(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    expect(reply?.text).toBe('I får ingen påmindelser her, så der er intet at stoppe. Intet er ændret.');
    expect(kit.store.read().reminderSubscriptions).toEqual([]);
  });

  it('needs an item: without one, or with one it does not know, says so', async () => {
    await reminderSubscribe(at(), {}, kit.services);
    expect((await reminderMute(at(), {}, kit.services))[0]?.notice).toBe(true);
    expect((await reminderMute(at(), { itemId: 'nope' }, kit.services))[0]?.text).toBe(
      'Den opgave eller frist kender jeg ikke. Skriv fx "påmind os om BBR". Intet er ændret.',
    );
    expect(kit.subscriptions.get('msteams', channel)?.mutedItemIds).toEqual([]);
  });
});
