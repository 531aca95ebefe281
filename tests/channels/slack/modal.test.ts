import { describe, expect, it } from 'vitest';
import { submittedValues, toModal } from '../../../src/channels/slack/modal.js';
import { textField, type ReplyForm } from '../../../src/core/types.js';

const form: ReplyForm = {
  id: 'evaluation',
  title: 'Kort evaluering',
  submitLabel: 'Send',
  fields: [
    { id: 'rating', label: 'Hvordan var mødet?', options: [{ value: '5', label: '5 – rigtig godt' }] },
    textField({
      id: 'worked',
      label: 'Hvad fungerede?',
      maxLength: 2000,
      optional: true,
      multiline: true,
      placeholder: 'Frivilligt',
    }),
    textField({ id: 'name', label: 'Navn', maxLength: 40 }),
  ],
  submit: { dialog: 'evaluation-answer', args: { evaluationId: 'e1' } },
};

const chosen = (value: string) => ({ choice: { type: 'static_select', selected_option: { value } } });
const written = (value: string | null) => ({ text: { type: 'plain_text_input', value } });

describe('a form as a Slack modal', () => {
  const view = toModal(form, 'Giv mødet en karakter.', { channelId: 'C0PROGRAM', threadTs: '1536227000.000100' });
  const metadata = JSON.parse(view.private_metadata ?? '{}') as Parameters<typeof submittedValues>[1];

  it('draws free-text fields as plain_text_input blocks with the field’s limit, optional ones marked so', () => {
    const inputs = view.blocks.filter((block) => block.type === 'input');
    expect(inputs.map((block) => block.block_id)).toEqual(['rating', 'worked', 'name']);
    expect(inputs[1]).toEqual({
      type: 'input',
      block_id: 'worked',
      optional: true,
      label: { type: 'plain_text', text: 'Hvad fungerede?' },
      element: {
        type: 'plain_text_input',
        action_id: 'text',
        multiline: true,
        max_length: 2000,
        placeholder: { type: 'plain_text', text: 'Frivilligt' },
      },
    });
    expect(inputs[2]).toMatchObject({
      optional: false,
      element: { type: 'plain_text_input', multiline: false, max_length: 40 },
    });
    expect(metadata).toEqual({
      dialog: 'evaluation-answer',
      args: { evaluationId: 'e1' },
      fields: ['rating', 'worked', 'name'],
      text: [
        { id: 'worked', maxLength: 2000, optional: true },
        { id: 'name', maxLength: 40, optional: false },
      ],
      site: { channel: 'C0PROGRAM', thread: '1536227000.000100' },
    });
  });

  it('reads the choice and the text back; an optional field left empty is left out', () => {
    expect(
      submittedValues({ rating: chosen('5'), worked: written('Godt oplæg'), name: written('Mette') }, metadata),
    ).toEqual({ values: { rating: '5', worked: 'Godt oplæg', name: 'Mette' } });
    expect(submittedValues({ rating: chosen('5'), worked: written(null), name: written('Mette') }, metadata)).toEqual({
      values: { rating: '5', name: 'Mette' },
    });
  });

  it('says under each field what is wrong: no choice, a required text left empty, a text over its limit', () => {
    expect(submittedValues({ worked: written('x'.repeat(2001)), name: written('  ') }, metadata)).toEqual({
      errors: {
        rating: 'Vælg en af mulighederne.',
        worked: 'Højst 2000 tegn – dit svar har 2001.',
        name: 'Skriv et svar.',
      },
    });
  });

  it('keeps a choice-only form as it was: no text metadata, the choice read as before', () => {
    const choices = toModal({ ...form, fields: [form.fields[0]!] }, 'Vælg', { channelId: 'D0METTE' });
    const plain = JSON.parse(choices.private_metadata ?? '{}') as Parameters<typeof submittedValues>[1];
    expect(plain).toEqual({
      dialog: 'evaluation-answer',
      args: { evaluationId: 'e1' },
      fields: ['rating'],
      site: { channel: 'D0METTE' },
    });
    expect(submittedValues({ rating: chosen('5') }, plain)).toEqual({ values: { rating: '5' } });
  });
});
