import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { reminderSubscribe, reminderUnsubscribe } from '../../dialogs/reminders/subscribe.js';
import { at, personal, useReminderKit } from './reminder-kit.js';

const kit = useReminderKit();
const by = { channel: 'teams', userId: 'aad-admin' };

describe('reminder-subscribe', () => {
  it('refuses where klikbot cannot write unprompted (the local web chat), and stores nothing', async () => {
    const replies = await reminderSubscribe(
      at({ channel: 'web', conversationId: 'web-1', isGroup: false }),
      {},
      kit.services,
    );
    expect(replies).toHaveLength(1);
    expect(replies[0]?.notice).toBe(true);
    expect(replies[0]?.text).toMatch(
      /^Jeg kan ikke skrive her af mig selv, så påmindelser virker kun i Teams og Slack/,
    );
    expect(kit.store.read().reminderSubscriptions).toEqual([]);
  });

  it('says reminders are not available where klikbot runs without them', async () => {
    delete kit.services.reminders;
    const replies = await reminderSubscribe(at(), {}, kit.services);
    expect(replies[0]?.text).toBe('Påmindelser er ikke slået til i denne klikbot.');
  });

  it('in a personal chat, keeps the person’s municipality and says whose status stops the reminders', async () => {
    await kit.services.memberships.set('teams', 'aad-anna', 'aarhus');
    const [reply] = await reminderSubscribe(at(personal), {}, kit.services);
    expect(kit.subscriptions.get('msteams', 'a:personal')).toMatchObject({
      municipalityId: 'aarhus',
      by: { userId: 'aad-anna' },
    });
    expect(kit.subscriptions.get('msteams', 'a:personal')?.itemIds).toBeUndefined();
    expect(reply?.intro).toBe('Jeg minder dig om alle deadlines her:');
    expect(reply?.list).toEqual([
      'Godkend serviceaftaler vedrørende Beskedfordeleren: skal være gjort inden torsdag 20. september 2018',
      'BBR kun via Adgangsstyring: torsdag 1. november 2018',
      'Udpeg FK-ADM og FK-ANSV: deadline torsdag 1. november 2018',
      'Etabler arbejdsgang for drift: deadline onsdag 12. december 2018',
      'Godkend initiale fordelingsregler: deadline onsdag 12. december 2018',
      'SKI 02.19-leverandører kan fakturere senest: deadline søndag 1. december 2019',
    ]);
    expect(reply?.text).toContain(
      'Påmindelserne kommer 30, 14, 7 og 1 dag før kl. 9.00 (en weekend eller helligdag flyttes til hverdagen før)',
    );
    expect(reply?.text).toContain(
      'Den næste: torsdag 13. september 2018 kl. 9.00 om Godkend serviceaftaler vedrørende Beskedfordeleren.',
    );
    expect(reply?.text).toContain('Påmindelser om en opgave stopper, når Aarhus Kommune har meldt den fuldført.');
    expect(reply?.buttons?.map((b) => [b.title, b.action.dialog])).toEqual([
      ['Vis påmindelser', 'reminder-list'],
      ['Stop påmindelser', 'reminder-unsubscribe'],
    ]);
  });

  it('in a channel not linked to a municipality, stores none and says how to link it (Slack’s command form in Slack)', async () => {
    const [reply] = await reminderSubscribe(at({ channel: 'slack', conversationId: 'C1' }), {}, kit.services);
    expect(kit.subscriptions.get('slack', 'C1')?.municipalityId).toBeUndefined();
    expect(reply?.intro).toBe('Jeg minder jer om alle deadlines her:');
    expect(reply?.text).toContain(
      'Samtalen er ikke knyttet til en kommune, så I får alle påmindelser. Skriv /klik kanal <kommune> for kun at få påmindelser om det, I mangler.',
    );
  });

  it('in a linked channel, names the municipality whose status decides, but stores the link’s municipality nowhere', async () => {
    // kept under the stored address, where the engine looks it up when it sends
    await kit.services.memberships.linkConversation('msteams', '19:aarhus@thread.tacv2', 'aarhus', by);
    const [reply] = await reminderSubscribe(at(), {}, kit.services);
    expect(kit.subscriptions.get('msteams', '19:aarhus@thread.tacv2')?.municipalityId).toBeUndefined();
    expect(reply?.text).toContain('Påmindelser om en opgave stopper, når Aarhus Kommune har meldt den fuldført.');
  });

  it('writes under the conversation’s stored address: a Teams channel as a whole, not the thread it was asked in', async () => {
    await reminderSubscribe(at({ conversationId: '19:aarhus@thread.tacv2;messageid=1536220800000' }), {}, kit.services);
    expect(kit.store.read().reminderSubscriptions.map((s) => [s.channel, s.conversationId])).toEqual([
      ['msteams', '19:aarhus@thread.tacv2'],
    ]);
  });

  it('subscribes to one task: its date, the days, the next reminder and that it stops when done', async () => {
    await kit.services.memberships.linkConversation('msteams', '19:aarhus@thread.tacv2', 'aarhus', by);
    const [reply] = await reminderSubscribe(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv' }, kit.services);
    expect(kit.subscriptions.get('msteams', '19:aarhus@thread.tacv2')?.itemIds).toEqual(['udpeg-fk-adm-og-fk-ansv']);
    expect(reply?.text.split('\n')).toEqual([
      'Jeg minder jer om **Udpeg FK-ADM og FK-ANSV**, deadline torsdag 1. november 2018.',
      'Påmindelserne kommer 30, 14, 7 og 1 dag før kl. 9.00 (en weekend eller helligdag flyttes til hverdagen før), og første arbejdsdag efter en opgaves frist, hvis den ikke er meldt fuldført.',
      'Den næste: tirsdag 2. oktober 2018 kl. 9.00 om Udpeg FK-ADM og FK-ANSV.',
      'Kun så længe Aarhus Kommune ikke har meldt den fuldført.',
    ]);
  });

  it('takes the conversation’s own days instead of the data’s, and refuses days that are not days', async () => {
    const [reply] = await reminderSubscribe(at(), { itemId: 'udpeg-fk-adm-og-fk-ansv', days: '3,1' }, kit.services);
    expect(kit.subscriptions.get('msteams', '19:aarhus@thread.tacv2')?.days).toEqual([3, 1]);
    expect(reply?.text).toContain('3 og 1 dag før kl. 9.00');
    expect(reply?.text).toContain('Den næste: mandag 29. oktober 2018 kl. 9.00');
    const [refused] = await reminderSubscribe(at(), { days: '400' }, kit.services);
    expect(refused).toMatchObject({
      notice: true,
      text: expect.stringContaining('Dagene skal være hele tal fra 0 til 365') as string,
    });
    expect(kit.subscriptions.get('msteams', '19:aarhus@thread.tacv2')?.days).toEqual([3, 1]);
  });

  it('reminds of a task without a date of its own by the date related to it (BBR by 1 November)', async () => {
    const [reply] = await reminderSubscribe(at(), { itemId: 'bbr-adgangsstyring' }, kit.services);
    expect(kit.subscriptions.get('msteams', '19:aarhus@thread.tacv2')?.itemIds).toEqual(['bbr-kritisk-deadline']);
    expect(reply?.intro).toBe('Jeg minder jer om **BBR kun via Adgangsstyring**, torsdag 1. november 2018.');
  });

  it('says a date that belongs to no task comes whatever the status', async () => {
    const [reply] = await reminderSubscribe(at(), { itemId: 'beskedfordeler-serviceaftaler-godkendes' }, kit.services);
    expect(reply?.text).toContain(
      'Fristen hører ikke til en KLIK-opgave med status, så påmindelserne kommer uanset status.',
    );
    expect(reply?.text).not.toContain('første arbejdsdag efter');
  });

  it('names what it cannot remind of, and stores nothing: unknown ids, a month without a day, a task without a deadline, a date passed', async () => {
    const texts = [];
    for (const itemId of ['no-such-task', 'kigo-lukker', 'verificer-fordelingsregler', 'x'.repeat(300)]) {
      const replies = await reminderSubscribe(at(), { itemId }, kit.services);
      expect(replies[0]?.notice).toBe(true);
      texts.push(replies[0]?.text);
    }
    expect(texts).toEqual([
      'Den opgave eller frist kender jeg ikke. Skriv fx "påmind os om BBR". Intet er ændret.',
      'Definitivt farvel til KIGO har kun en måned (oktober 2018), ikke en dag, så jeg kan ikke minde om den.',
      'Verificer fordelingsregler har ingen deadline i mine data, så der er intet at minde om.',
      'Den opgave eller frist kender jeg ikke. Skriv fx "påmind os om BBR". Intet er ændret.',
    ]);
    kit.clock.set(DateTime.fromISO('2018-09-25T10:00:00+02:00'));
    const passed = await reminderSubscribe(
      at({ at: '2018-09-25T10:00:00+02:00' }),
      { itemId: 'beskedfordeler-serviceaftaler-godkendes' },
      kit.services,
    );
    expect(passed[0]?.text).toBe(
      'Datoen er passeret: Godkend serviceaftaler vedrørende Beskedfordeleren (skal være gjort inden torsdag 20. september 2018). Der kommer ikke flere påmindelser om den. Intet er gemt.',
    );
    expect(kit.store.read().reminderSubscriptions).toEqual([]);
  });

  it('says so when the conversation already follows everything or the item, and keeps one subscription', async () => {
    await reminderSubscribe(at(), {}, kit.services);
    const [again] = await reminderSubscribe(at(), {}, kit.services);
    expect(again?.intro).toBe('I får allerede påmindelser om alle deadlines her:');
    const [item] = await reminderSubscribe(at(), { itemId: 'godkend-initiale-fordelingsregler' }, kit.services);
    expect(item?.intro).toBe(
      'I får allerede påmindelser om **Godkend initiale fordelingsregler**, deadline onsdag 12. december 2018.',
    );
    expect(kit.store.read().reminderSubscriptions).toHaveLength(1);
  });

  it('answers in English when asked in English', async () => {
    const [reply] = await reminderSubscribe(
      at({ language: 'en' }),
      { itemId: 'udpeg-fk-adm-og-fk-ansv' },
      kit.services,
    );
    expect(reply?.intro).toBe('I will remind you of **Udpeg FK-ADM og FK-ANSV**, due Thursday 1 November 2018.');
    expect(reply?.text).toContain('They come 30, 14, 7 and 1 days before at 9:00');
    expect(reply?.text).toContain('The next one: Tuesday 2 October 2018 at 9:00 about Udpeg FK-ADM og FK-ANSV.');
    expect(reply?.buttons?.map((b) => b.title)).toEqual(['Show reminders', 'Stop reminders']);
  });
});

describe('reminder-unsubscribe', () => {
  it('stops every reminder here and offers to start them again', async () => {
    await reminderSubscribe(at(), {}, kit.services);
    const [reply] = await reminderUnsubscribe(at(), {}, kit.services);
    expect(reply?.text).toBe('Påmindelserne er stoppet. Jeg sender ikke flere her, heller ikke dem, I havde udsat.');
    expect(reply?.buttons?.map((b) => b.action)).toEqual([{ dialog: 'reminder-subscribe', args: {} }]);
    expect(kit.store.read().reminderSubscriptions).toEqual([]);
  });

  it('says there was nothing to stop in a conversation without reminders', async () => {
    const [reply] = await reminderUnsubscribe(at(personal), {}, kit.services);
    expect(reply?.text).toBe('Du får ingen påmindelser her, så der er intet at stoppe. Intet er ændret.');
    expect(reply?.notice).toBe(true);
  });
});
