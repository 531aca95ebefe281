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
    expect(commandOf('dashboard')).toEqual({ dialog: 'dashboard-link', args: {} });
    expect(commandOf('Dashboard')).toEqual({ dialog: 'dashboard-link', args: {} });
    expect(commandOf('kan jeg få et link til dashboardet?')).toEqual({ dialog: 'dashboard-link', args: {} });
    expect(commandOf('dashboard luk')).toEqual({ dialog: 'dashboard-revoke', args: {} });
    expect(commandOf('dashboard luk alle')).toEqual({ dialog: 'dashboard-revoke', args: { all: 'true' } });
    expect(commandOf('dashboard close all')).toEqual({ dialog: 'dashboard-revoke', args: { all: 'true' } });
    // a sentence that closes links is not read as asking for a new one
    expect(commandOf('luk mit dashboard-link')).toEqual({ dialog: 'dashboard-revoke', args: {} });
    // every link is closed only by the command itself, never by a sentence or a question about it
    expect(commandOf('How do I close all dashboard links?')).toEqual({
      dialog: 'dashboard-revoke',
      args: { explain: 'true' },
    });
    expect(commandOf('luk ikke alle dashboard-links, kun mine')).toEqual({ dialog: 'dashboard-revoke', args: {} });
    expect(commandOf('dashboard slet alt')).toBeUndefined();
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
