import { describe, expect, it } from 'vitest';
import { commandOf } from '../../dialogs/commands.js';

describe('typed commands', () => {
  it('joins a municipality with "kommune <navn>", in any case, keeping the name as typed', () => {
    expect(commandOf('kommune Aarhus')).toEqual({ dialog: 'membership-set', args: { municipality: 'Aarhus' } });
    expect(commandOf('  Kommune   Ringkøbing-Skjern ')).toEqual({
      dialog: 'membership-set',
      args: { municipality: 'Ringkøbing-Skjern' },
    });
  });

  it('opens the status form with "opdater" or "opdater status"', () => {
    expect(commandOf('opdater')).toEqual({ dialog: 'status-form', args: {} });
    expect(commandOf('Opdatér status')).toEqual({ dialog: 'status-form', args: {} });
  });

  it('links the conversation with "kanal <navn>"', () => {
    expect(commandOf('kanal Aarhus Kommune')).toEqual({
      dialog: 'conversation-link',
      args: { municipality: 'Aarhus Kommune' },
    });
  });

  it('subscribes, unsubscribes, lists reminders and shows failed deliveries', () => {
    expect(commandOf('påmind til')).toEqual({ dialog: 'reminder-subscribe', args: {} });
    expect(commandOf('Påmind fra')).toEqual({ dialog: 'reminder-unsubscribe', args: {} });
    expect(commandOf('påmindelser')).toEqual({ dialog: 'reminder-list', args: {} });
    expect(commandOf('påmindelser fejl')).toEqual({ dialog: 'reminder-failures', args: {} });
    expect(commandOf('påmind til 14,7,1')).toEqual({ dialog: 'reminder-subscribe', args: { days: '14,7,1' } });
    expect(commandOf('påmind til 14, 7 og 1')).toEqual({ dialog: 'reminder-subscribe', args: { days: '14,7,1' } });
  });

  it('hands out a dashboard link, typed or asked for in a short message, and closes links', () => {
    const link = { dialog: 'dashboard-link', args: {} };
    const closeOwn = { dialog: 'dashboard-revoke', args: {} };
    const explain = { dialog: 'dashboard-revoke', args: { explain: 'true' } };
    expect(commandOf('dashboard')).toEqual(link);
    expect(commandOf('Dashboard')).toEqual(link);
    expect(commandOf('kan jeg få et link til dashboardet?')).toEqual(link);
    expect(commandOf('send mig et dashboard-link')).toEqual(link);
    expect(commandOf('dashboard luk')).toEqual(closeOwn);
    expect(commandOf('dashboard luk alle')).toEqual({ dialog: 'dashboard-revoke', args: { all: 'true' } });
    expect(commandOf('dashboard close all')).toEqual({ dialog: 'dashboard-revoke', args: { all: 'true' } });
    expect(commandOf('luk mit dashboard-link')).toEqual(closeOwn);
    // every link is closed only by the command itself; a question about closing is told how
    for (const question of [
      'dashboard luk alle?',
      'How do I close all dashboard links?',
      'hvordan lukker jeg alle dashboard-links?',
      'hvordan lukkes dashboard-linket?',
      'How do I revoke my dashboard link?',
    ])
      expect(commandOf(question), question).toEqual(explain);
    // the dashboard merely mentioned is a question for the understanding, never a closing
    for (const text of [
      'hvad viser dashboardet om BBR?',
      'Is the dashboard close to real time',
      'the numbers on the dashboard are close to KLIK',
      'Jeg kan ikke lukke dashboardet i Teams',
      'dashboard slet alt',
    ])
      expect(commandOf(text), text).toBeUndefined();
  });

  it('leaves questions to the understanding', () => {
    for (const text of [
      'kommune',
      'kanal',
      'påmind',
      'påmind mig om BBR',
      'påmindelser om BBR?',
      'hvilken kommune er pilot?',
      'opdater mig om BBR',
      'hvornår er deadline?',
      '',
    ])
      expect(commandOf(text)).toBeUndefined();
  });
});
