import { describe, expect, it } from 'vitest';
import { reminderFailures } from '../../dialogs/reminders/failures.js';
import { ADMIN } from './action-kit.js';
import { at, useReminderKit } from './reminder-kit.js';

const kit = useReminderKit();
const admin = { channel: ADMIN.channel, userId: ADMIN.userId };
const teamsChannel = '19:2a8c9e6f0b1d4c3e8f7a6b5c4d3e2f1a0b9c8d7e@thread.tacv2';

describe('reminder-failures', () => {
  it('is for administrators only: anyone else is refused', async () => {
    kit.failures.push({
      occurrenceId: 'o',
      itemId: 'udpeg-fk-adm-og-fk-ansv',
      channel: 'slack',
      conversationId: 'C1',
      status: 'failed',
      reason: 'x',
      at: '2018-10-25T09:02:00.000+02:00',
      attempts: 1,
    });
    const [reply] = await reminderFailures(at(), {}, kit.services);
    expect(reply).toEqual({ text: 'Kun administratorer kan se fejl i påmindelserne.', notice: true });
  });

  it('says there are none when every reminder arrived', async () => {
    const [reply] = await reminderFailures(at(admin), {}, kit.services);
    expect(reply?.text).toBe('Ingen fejl: alle påmindelser er kommet frem.');
  });

  it('lists each failure: when, the item, the conversation, what happened, the attempts and why', async () => {
    kit.failures.push(
      {
        occurrenceId: 'udpeg-fk-adm-og-fk-ansv@2018-11-01/-7',
        itemId: 'udpeg-fk-adm-og-fk-ansv',
        channel: 'teams',
        conversationId: teamsChannel,
        status: 'gone',
        reason: 'HTTP 403: the bot was removed',
        at: '2018-10-25T09:02:00.000+02:00',
        attempts: 1,
      },
      {
        occurrenceId: 'gone-item@2018-11-01/-7',
        itemId: 'gone-item',
        channel: 'slack',
        conversationId: 'C1',
        status: 'failed',
        reason: 'ratelimited',
        at: '2018-10-25T09:35:00.000+02:00',
        attempts: 3,
      },
    );
    const [reply] = await reminderFailures(at(admin), {}, kit.services);
    expect(reply?.intro).toBe('De seneste 2 påmindelser, der ikke kom frem:');
    expect(reply?.list).toEqual([
      'torsdag 25. oktober 2018 kl. 9.02 · Udpeg FK-ADM og FK-ANSV → teams 19:2a8c9e6f0b1d4c3e8f7a6b5c4d3e2f1a0b9c8… · klikbot har ikke længere adgang til samtalen, 1 forsøg: HTTP 403: the bot was removed',
      'torsdag 25. oktober 2018 kl. 9.35 · gone-item → slack C1 · mislykkedes, 3 forsøg: ratelimited',
    ]);
    const [english] = await reminderFailures(at({ ...admin, language: 'en' }), {}, kit.services);
    expect(english?.list?.[1]).toBe(
      'Thursday 25 October 2018 at 9:35 · gone-item → slack C1 · failed, 3 attempts: ratelimited',
    );
  });

  it('asks the engine for the latest 20', async () => {
    for (let i = 0; i < 25; i += 1) {
      kit.failures.push({
        occurrenceId: `o${i}`,
        itemId: 'udpeg-fk-adm-og-fk-ansv',
        channel: 'slack',
        conversationId: `C${i}`,
        status: 'dead',
        reason: '',
        at: '2018-10-25T09:02:00.000+02:00',
        attempts: 1,
      });
    }
    const [reply] = await reminderFailures(at(admin), {}, kit.services);
    expect(reply?.list).toHaveLength(20);
    expect(reply?.list?.[0]).toBe(
      'torsdag 25. oktober 2018 kl. 9.02 · Udpeg FK-ADM og FK-ANSV → slack C0 · samtalen modtager ikke mere, 1 forsøg',
    );
  });
});
