import { describe, expect, it } from 'vitest';
import { toActivity } from '../../../src/channels/teams/render-card.js';
import { readButton } from '../../../src/channels/teams/to-turn.js';

describe('rendering a Reply for Bot Framework channels', () => {
  it('sends a plain reply as markdown text', () => {
    expect(toActivity({ text: 'Hej' })).toEqual({ type: 'message', text: 'Hej', textFormat: 'markdown' });
  });

  it('renders structure as an Adaptive Card 1.5 with the standalone text as summary', () => {
    const activity = toActivity({
      text: 'Deadline: torsdag 1. november 2018.',
      heading: 'Udpeg FK-ADM og FK-ANSV',
      facts: [{ label: 'Status', value: 'påbegyndt' }],
      source: 'Kilde: Programledermøde september 2018',
      buttons: [{ title: 'Vis trinene', action: { dialog: 'task-steps', args: { taskId: 'x' } } }],
    });
    expect(activity.summary).toBe('Deadline: torsdag 1. november 2018.');
    const card = activity.attachments?.[0];
    expect(card?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card?.content.version).toBe('1.5');
    expect(JSON.stringify(card?.content.body)).toContain('Udpeg FK-ADM og FK-ANSV');
    expect(card?.content.actions).toEqual([
      { type: 'Action.Submit', title: 'Vis trinene', data: { klikbot: { dialog: 'task-steps', args: { taskId: 'x' } } } },
    ]);
  });

  it('makes a button that replaces its card an Action.Execute, with a Submit fallback for older clients', () => {
    const activity = toActivity({
      text: 'Rollegalleriet',
      buttons: [{ title: 'Vis projektroller', action: { dialog: 'role-list', args: { category: 'project' } }, replacesCard: true }],
    });
    const data = { klikbot: { dialog: 'role-list', args: { category: 'project' }, replacesCard: true } };
    expect(activity.attachments?.[0]?.content.actions).toEqual([
      { type: 'Action.Execute', title: 'Vis projektroller', verb: 'role-list', data, fallback: { type: 'Action.Submit', title: 'Vis projektroller', data } },
    ]);
  });

  it('reads back its own button payloads and rejects anything else', () => {
    const data = { klikbot: { dialog: 'task-steps', args: { taskId: 'x' } } };
    expect(readButton(data)).toEqual({ kind: 'action', action: data.klikbot, replacesCard: false });
    expect(readButton({ klikbot: { ...data.klikbot, replacesCard: true } })).toEqual({ kind: 'action', action: data.klikbot, replacesCard: true });
    expect(readButton(undefined)).toEqual({ kind: 'none' });
    expect(readButton({ klikbot: { dialog: 42 } })).toEqual({ kind: 'invalid' });
    expect(readButton('text')).toEqual({ kind: 'invalid' });
  });
});
