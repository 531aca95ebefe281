import { describe, expect, it } from 'vitest';
import { reminderDialogsByName } from '../../dialogs/reminders/index.js';
import type { Reply } from '../../src/core/types.js';
import { knowledge } from './dialog-kit.js';
import { at, useReminderKit, type Place } from './reminder-kit.js';
import { REMINDER_DIALOGS } from '../../dialogs/names.js';
import { createCore } from '../../src/klikbot-core.js';

const kit = useReminderKit();
const core = createCore({ knowledge });

/** Typed text, read by the core and run as the reminder dialog it asks for. */
async function type(text: string, place: Place = {}): Promise<Reply[]> {
  const context = at(place);
  const routed = core.answer({ ...context.turn, text });
  const action = routed.action;
  if (!action) throw new Error(`"${text}" asked for no action (read as ${routed.understanding?.intent})`);
  const dialog = reminderDialogsByName[action.dialog];
  if (!dialog) throw new Error(`"${text}" asked for ${action.dialog}, which is no reminder dialog`);
  return dialog(
    { ...context, turn: { ...context.turn, text }, language: routed.understanding?.language ?? 'da' },
    action.args,
    kit.services,
  );
}

describe('the reminder dialogs', () => {
  it('are registered under every name in REMINDER_DIALOGS', () => {
    expect(Object.keys(reminderDialogsByName).sort()).toEqual(Object.values(REMINDER_DIALOGS).sort());
  });

  it('run from sentences: subscribe to one task, list, put off, stop it, stop everything', async () => {
    await type('påmind os om BBR');
    expect(kit.subscriptions.get('msteams', '19:aarhus@thread.tacv2')?.itemIds).toEqual(['bbr-kritisk-deadline']);
    const [list] = await type('hvilke påmindelser får vi?');
    expect(list?.intro).toBe('I får påmindelser om BBR kun via Adgangsstyring her.');
    const [snoozed] = await type('udsæt påmindelsen om BBR til mandag');
    expect(snoozed?.text).toBe(
      'Jeg minder jer om **BBR kun via Adgangsstyring** igen mandag 10. september 2018 kl. 9.00.',
    );
    await type('stop påmindelserne om BBR');
    expect(kit.subscriptions.get('msteams', '19:aarhus@thread.tacv2')?.mutedItemIds).toEqual(['bbr-kritisk-deadline']);
    expect(kit.store.read().reminderSnoozes).toEqual([]);
    await type('ingen flere påmindelser');
    expect(kit.store.read().reminderSubscriptions).toEqual([]);
  });

  it('answer in English when asked in English', async () => {
    const [reply] = await type('remind us about deadlines');
    expect(reply?.intro).toBe('I will remind you of every deadline here:');
  });

  it('typed "mind mig igen i morgen" puts off the reminder last sent here', async () => {
    await type('mind os om deadlines');
    kit.lastSent.set('msteams/19:aarhus@thread.tacv2', {
      itemId: 'udpeg-fk-adm-og-fk-ansv',
      at: '2018-09-06T09:00:00.000+02:00',
    });
    const [reply] = await type('mind mig igen i morgen');
    expect(reply?.text).toBe('Jeg minder jer om **Udpeg FK-ADM og FK-ANSV** igen fredag 7. september 2018 kl. 9.00.');
  });
});
