import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { reminderList } from '../../dialogs/reminders/list.js';
import { reminderMute, reminderSnooze } from '../../dialogs/reminders/snooze.js';
import { reminderSubscribe } from '../../dialogs/reminders/subscribe.js';
import { at, personal, useReminderKit } from './reminder-kit.js';

const kit = useReminderKit();
const by = { channel: 'teams', userId: 'aad-admin' };

describe('reminder-list', () => {
  it('where there are none, says so and offers to start them', async () => {
    const [reply] = await reminderList(at(), {}, kit.services);
    expect(reply?.text).toBe(
      'I får ingen påmindelser her. Tryk på knappen eller skriv "mind os om deadlines" for at få dem før hver deadline.',
    );
    expect(reply?.buttons?.map((b) => b.action)).toEqual([{ dialog: 'reminder-subscribe', args: {} }]);
  });

  it('where klikbot cannot write unprompted, says reminders only work in Teams and Slack', async () => {
    const [reply] = await reminderList(at({ channel: 'web', conversationId: 'w1', isGroup: false }), {}, kit.services);
    expect(reply?.text).toMatch(/^Jeg kan ikke skrive her af mig selv/);
  });

  it('lists what is followed, the next five reminders with their times, the snoozed one, what was stopped and whose status decides', async () => {
    await kit.services.memberships.linkConversation('msteams', '19:aarhus@thread.tacv2', 'aarhus', by);
    await reminderSubscribe(at(), {}, kit.services);
    await reminderMute(at(), { itemId: 'beskedfordeler-serviceaftaler-godkendes' }, kit.services);
    await reminderSnooze(at(), { itemId: 'godkend-initiale-fordelingsregler' }, kit.services);
    const [reply] = await reminderList(at(), {}, kit.services);
    expect(reply?.heading).toBe('Påmindelser her');
    expect(reply?.intro).toBe('I får påmindelser om alle deadlines her.');
    expect(reply?.list).toEqual([
      'fredag 7. september 2018 kl. 9.00: Godkend initiale fordelingsregler (udsat)',
      'tirsdag 2. oktober 2018 kl. 9.00: BBR kun via Adgangsstyring (frist 1. november 2018)',
      'tirsdag 2. oktober 2018 kl. 9.00: Udpeg FK-ADM og FK-ANSV (frist 1. november 2018)',
      'torsdag 18. oktober 2018 kl. 9.00: BBR kun via Adgangsstyring (frist 1. november 2018)',
      'torsdag 18. oktober 2018 kl. 9.00: Udpeg FK-ADM og FK-ANSV (frist 1. november 2018)',
    ]);
    expect(reply?.outro).toBe(
      'Stoppet her: Godkend serviceaftaler vedrørende Beskedfordeleren.\nPåmindelser om en opgave stopper, når Aarhus Kommune har meldt den fuldført.',
    );
    expect(reply?.buttons?.map((b) => b.action.dialog)).toEqual(['reminder-unsubscribe']);
  });

  it('for a conversation following some items, names them and offers every deadline; after the last date, says none are on their way', async () => {
    await reminderSubscribe(at(personal), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    kit.clock.set(DateTime.fromISO('2018-11-05T10:00:00+01:00'));
    const [reply] = await reminderList(at({ ...personal, at: '2018-11-05T10:00:00+01:00' }), {}, kit.services);
    expect(reply?.intro).toBe('Du får påmindelser om Udpeg FK-ADM og FK-ANSV her.');
    expect(reply?.list).toBeUndefined();
    expect(reply?.text).toContain('Der er ingen påmindelser på vej.');
    expect(reply?.text).toContain("Du hører ikke til en kommune, så du får alle påmindelser. Skriv 'kommune <navn>'");
    expect(reply?.buttons?.map((b) => b.action.dialog)).toEqual(['reminder-subscribe', 'reminder-unsubscribe']);
  });

  it('in English, with the reminder after a task’s date', async () => {
    await reminderSubscribe(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    kit.clock.set(DateTime.fromISO('2018-10-31T10:00:00+01:00'));
    const [reply] = await reminderList(at({ language: 'en', at: '2018-10-31T10:00:00+01:00' }), {}, kit.services);
    expect(reply?.intro).toBe('This conversation gets reminders about Udpeg FK-ADM og FK-ANSV.');
    expect(reply?.list).toEqual([
      'Friday 2 November 2018 at 9:00: Udpeg FK-ADM og FK-ANSV (after the date 1 November 2018, if not done)',
    ]);
  });
});
