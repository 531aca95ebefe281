import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toActivity } from '../../src/channels/teams/render-card.js';
import { textField, type Reply } from '../../src/core/types.js';
import { openChat, useChatBrowser } from '../support/browser.js';

/** A form with a choice and two free-text fields, as klikbot's Teams renderer draws it. */
const formReply: Reply = {
  text: 'Giv mødet en karakter, og skriv gerne et par ord.',
  form: {
    id: 'text-form',
    title: 'Kort evaluering',
    submitLabel: 'Send',
    fields: [
      {
        id: 'rating',
        label: 'Karakter',
        options: [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
      },
      textField({ id: 'worked', label: 'Hvad fungerede?', maxLength: 30, optional: true, multiline: true }),
      textField({ id: 'name', label: 'Overskrift', maxLength: 20 }),
    ],
    submit: { dialog: 'text-form-answer', args: { formId: 'f1' } },
  },
};

/** The activities the page posts, with their `value`. */
function recordValues(page: Page): Record<string, unknown>[] {
  const values: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/api/messages')) return;
    const body = JSON.parse(request.postData() ?? '{}') as { value?: Record<string, unknown> };
    if (body.value) values.push(body.value);
  });
  return values;
}

/** Answers every post with these activities, as the bot's HTTP response would carry them. */
async function answerWith(page: Page, activities: unknown[]): Promise<void> {
  await page.unroute('**/api/messages');
  await page.route('**/api/messages', (route: Route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ activities }) }),
  );
}

describe('free text in a form in the local web chat', () => {
  const chat = useChatBrowser({ KLIKBOT_NOW: '2018-09-06T11:55:00+02:00' });

  it('draws a text area and a one-line field with their limits and a counter, and sends the text beside the choice', async () => {
    const { page, trouble } = await openChat(chat.context!, chat.bot!.url);
    const values = recordValues(page);
    await answerWith(page, [toActivity(formReply)]);
    const input = page.getByPlaceholder('Skriv et spørgsmål…');
    await input.fill('evaluering');
    await input.press('Enter');
    const form = page.getByRole('log').locator('.entry-bot').last();
    const worked = form.getByRole('textbox', { name: 'Hvad fungerede?' });
    await worked.waitFor({ timeout: 10_000 });
    await expect(worked.evaluate((element) => element.tagName)).resolves.toBe('TEXTAREA');
    await expect(worked.getAttribute('maxlength')).resolves.toBe('30');
    const heading = form.getByRole('textbox', { name: 'Overskrift' });
    await expect(heading.evaluate((element) => element.tagName)).resolves.toBe('INPUT');

    // the field stops at its limit by itself; the counter says how much is used
    await worked.pressSequentially('Godt oplæg om organisationen, tak');
    await expect(worked.inputValue()).resolves.toBe('Godt oplæg om organisationen, ');
    await expect(form.getByText('30 / 30 tegn').isVisible()).resolves.toBe(true);

    // a required text field left empty stops the submit, with its own message
    await form.getByRole('combobox', { name: 'Karakter' }).selectOption({ label: '4' });
    const before = values.length;
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByText('Overskrift: skriv et svar').waitFor({ timeout: 5_000 });
    expect(values.length).toBe(before);

    await answerWith(page, [{ type: 'message', text: 'Tak for dit svar.', textFormat: 'markdown' }]);
    await heading.fill('Fint møde');
    await form.getByRole('button', { name: 'Send' }).click();
    await form.getByText('Tak for dit svar.').waitFor({ timeout: 10_000 });
    // the one post since the stopped submit is this one: a request the stopped one sent late would stand before it
    expect(values.slice(before)).toHaveLength(1);
    expect(values.at(-1)).toEqual({
      klikbot: {
        dialog: 'text-form-answer',
        args: { formId: 'f1' },
        replacesCard: true,
        fields: ['rating', 'worked', 'name'],
        textFields: ['worked', 'name'],
      },
      rating: '4',
      worked: 'Godt oplæg om organisationen, ',
      name: 'Fint møde',
    });
    expect(trouble.errors).toEqual([]);
    await page.close();
  });

  it('keeps the form and what was written when the answer is a refusal, shown under it', async () => {
    const { page, trouble } = await openChat(chat.context!, chat.bot!.url);
    await answerWith(page, [toActivity(formReply)]);
    const input = page.getByPlaceholder('Skriv et spørgsmål…');
    await input.fill('evaluering');
    await input.press('Enter');
    const form = page.getByRole('log').locator('.entry-bot').last();
    await form.getByRole('textbox', { name: 'Overskrift' }).waitFor({ timeout: 10_000 });
    await form.getByRole('combobox', { name: 'Karakter' }).selectOption({ label: '2' });
    await form.getByRole('textbox', { name: 'Hvad fungerede?' }).fill('Pauserne');
    await form.getByRole('textbox', { name: 'Overskrift' }).fill('For langt');
    await answerWith(page, [toActivity({ text: 'Dit svar er for langt.', notice: true })]);
    await form.getByRole('button', { name: 'Send' }).click();
    await form.locator('.card-note').waitFor({ timeout: 10_000 });
    await expect(form.locator('.card-note').textContent()).resolves.toBe('Dit svar er for langt.');
    await expect(form.getByRole('textbox', { name: 'Hvad fungerede?' }).inputValue()).resolves.toBe('Pauserne');
    await expect(form.getByRole('button', { name: 'Send' }).isEnabled()).resolves.toBe(true);
    expect(trouble.errors).toEqual([]);
    await page.close();
  });
});
