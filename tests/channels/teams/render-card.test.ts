import { describe, expect, it } from 'vitest';
import { toActivity } from '../../../src/channels/teams/render-card.js';
import { readButton } from '../../../src/channels/teams/to-turn.js';
import { FORM_TEXT_MAX } from '../../../src/channels/teams/inbound-activity.js';
import { textField } from '../../../src/core/types.js';

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
    expect(card?.content?.version).toBe('1.5');
    expect(JSON.stringify(card?.content?.body)).toContain('Udpeg FK-ADM og FK-ANSV');
    expect(card?.content?.actions).toEqual([
      {
        type: 'Action.Submit',
        title: 'Vis trinene',
        data: { klikbot: { dialog: 'task-steps', args: { taskId: 'x' } } },
      },
    ]);
  });

  it('gives notifications the summary and screen readers the whole text, both as plain sentences', () => {
    const activity = toActivity({
      text: 'Nu: **Velkomst** (10.00–10.05).\n- 10.00–10.05 Velkomst\n- 10.05–10.30 _Opsamling_',
      summary: 'Program for **Programledermøde september 2018** i dag: nu Velkomst.',
      heading: 'Dagens program',
      list: ['10.00–10.05 Velkomst', '10.05–10.30 _Opsamling_'],
    });
    expect(activity.summary).toBe('Program for Programledermøde september 2018 i dag: nu Velkomst.');
    expect(activity.attachments?.[0]?.content?.speak).toBe(
      'Nu: Velkomst (10.00–10.05). 10.00–10.05 Velkomst; 10.05–10.30 Opsamling.',
    );
  });

  it('lays more buttons than Teams draws as card actions (a poll with ten options and its close) in rows in the body', () => {
    const titles = [...'ABCDEFGHIJ'].map((letter) => `Mulighed ${letter}`);
    const activity = toActivity({
      text: 'Hvilken?',
      heading: 'Hvilken?',
      buttons: [...titles, 'Luk afstemning'].map((title) => ({
        title,
        action: { dialog: 'poll-vote', args: { title } },
        replacesCard: true,
      })),
    });
    const card = activity.attachments?.[0]?.content as {
      body: { type: string; actions?: { title: string }[] }[];
      actions: unknown[];
    };
    const rows = card.body.filter((element) => element.type === 'ActionSet');
    expect(rows.map((row) => row.actions?.length)).toEqual([5, 5, 1]);
    expect(rows.flatMap((row) => row.actions?.map((action) => action.title))).toEqual([...titles, 'Luk afstemning']);
    expect(card.actions).toEqual([]);
    // six or fewer stay as the card's own actions
    const few = toActivity({
      text: 'Ja?',
      heading: 'Ja?',
      buttons: ['Ja', 'Nej'].map((title) => ({ title, action: { dialog: 'poll-vote', args: {} } })),
    });
    expect((few.attachments?.[0]?.content as { actions: unknown[] }).actions).toHaveLength(2);
  });

  it('makes a button that replaces its card an Action.Execute, with a Submit fallback for older clients', () => {
    const activity = toActivity({
      text: 'Rollegalleriet',
      buttons: [
        {
          title: 'Vis projektroller',
          action: { dialog: 'role-list', args: { category: 'project' } },
          replacesCard: true,
        },
      ],
    });
    const data = { klikbot: { dialog: 'role-list', args: { category: 'project' }, replacesCard: true } };
    expect(activity.attachments?.[0]?.content?.actions).toEqual([
      {
        type: 'Action.Execute',
        title: 'Vis projektroller',
        verb: 'role-list',
        data,
        fallback: { type: 'Action.Submit', title: 'Vis projektroller', data },
      },
    ]);
  });

  it('renders a form as required choice sets with a submit that names its fields, and reads the choices back', () => {
    const activity = toActivity({
      text: 'Opdater status for Aarhus Kommune',
      form: {
        id: 'status-update',
        title: 'Opdater status',
        submitLabel: 'Gem',
        fields: [
          { id: 'task', label: 'Opgave', options: [{ value: 'bbr-adgangsstyring#3', label: 'BBR – trin 3' }] },
          { id: 'status', label: 'Status', options: [{ value: 'done', label: 'Fuldført' }] },
        ],
        submit: { dialog: 'status-update', args: { municipality: 'aarhus' } },
      },
    });
    const card = activity.attachments?.[0]?.content as {
      body: Record<string, unknown>[];
      actions: Record<string, unknown>[];
    };
    const inputs = card.body.filter((element) => element.type === 'Input.ChoiceSet');
    expect(inputs.map((input) => [input.id, input.isRequired])).toEqual([
      ['task', true],
      ['status', true],
    ]);
    expect(card.actions[0]).toEqual({
      type: 'Action.Submit',
      title: 'Gem',
      data: {
        klikbot: {
          dialog: 'status-update',
          args: { municipality: 'aarhus' },
          replacesCard: true,
          fields: ['task', 'status'],
        },
      },
    });
    // Teams sends the chosen values beside the submit's data
    const submitted = {
      ...(card.actions[0]!.data as object),
      task: 'bbr-adgangsstyring#3',
      status: 'done',
      other: 'ignored',
    };
    expect(readButton(submitted)).toEqual({
      kind: 'action',
      action: {
        dialog: 'status-update',
        args: { municipality: 'aarhus', task: 'bbr-adgangsstyring#3', status: 'done' },
      },
      replacesCard: true,
    });
    expect(readButton({ ...(card.actions[0]!.data as object), task: 42 })).toEqual({ kind: 'invalid' });
  });

  it('renders free-text fields as Input.Text with their limit, and reads the written text back beside the choices', () => {
    const activity = toActivity({
      text: 'Kort evaluering',
      form: {
        id: 'evaluation',
        title: 'Kort evaluering',
        submitLabel: 'Send',
        fields: [
          { id: 'rating', label: 'Hvordan var mødet?', options: [{ value: '5', label: '5 – rigtig godt' }] },
          textField({ id: 'worked', label: 'Hvad fungerede?', maxLength: 2000, optional: true, multiline: true }),
          textField({ id: 'name', label: 'Navn', maxLength: 40 }),
        ],
        submit: { dialog: 'evaluation-answer', args: { evaluationId: 'e1' } },
      },
    });
    const card = activity.attachments?.[0]?.content as { body: Record<string, unknown>[]; actions: { data: object }[] };
    const texts = card.body.filter((element) => element.type === 'Input.Text');
    expect(texts).toEqual([
      {
        type: 'Input.Text',
        id: 'worked',
        label: 'Hvad fungerede?',
        isMultiline: true,
        maxLength: 2000,
        isRequired: false,
      },
      {
        type: 'Input.Text',
        id: 'name',
        label: 'Navn',
        isMultiline: false,
        maxLength: 40,
        isRequired: true,
        errorMessage: 'Navn: skriv et svar',
      },
    ]);
    const data = card.actions[0]!.data;
    expect(data).toEqual({
      klikbot: {
        dialog: 'evaluation-answer',
        args: { evaluationId: 'e1' },
        replacesCard: true,
        fields: ['rating', 'worked', 'name'],
        textFields: ['worked', 'name'],
      },
    });
    const long = 'æ'.repeat(1500);
    expect(readButton({ ...data, rating: '5', worked: long, name: 'Mette' })).toEqual({
      kind: 'action',
      action: { dialog: 'evaluation-answer', args: { evaluationId: 'e1', rating: '5', worked: long, name: 'Mette' } },
      replacesCard: true,
    });
    // an optional field left empty is left out; the dialog takes it as not answered
    expect(readButton({ ...data, rating: '5', worked: '', name: 'Mette' })).toMatchObject({
      action: { args: { evaluationId: 'e1', rating: '5', name: 'Mette' } },
    });
    // a choice is still held to a choice's length, and no text to more than any field may hold
    expect(readButton({ ...data, rating: long })).toEqual({ kind: 'invalid' });
    expect(readButton({ ...data, rating: '5', worked: 'x'.repeat(FORM_TEXT_MAX + 1) })).toEqual({ kind: 'invalid' });
    expect(readButton({ ...data, rating: '5', worked: ['a'] })).toEqual({ kind: 'invalid' });
  });

  it('reads back its own button payloads and rejects anything else', () => {
    const data = { klikbot: { dialog: 'task-steps', args: { taskId: 'x' } } };
    expect(readButton(data)).toEqual({ kind: 'action', action: data.klikbot, replacesCard: false });
    expect(readButton({ klikbot: { ...data.klikbot, replacesCard: true } })).toEqual({
      kind: 'action',
      action: data.klikbot,
      replacesCard: true,
    });
    expect(readButton(undefined)).toEqual({ kind: 'none' });
    expect(readButton({ klikbot: { dialog: 42 } })).toEqual({ kind: 'invalid' });
    expect(readButton('text')).toEqual({ kind: 'invalid' });
  });
});
