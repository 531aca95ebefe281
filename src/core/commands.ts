import type { ActionPayload } from './types.js';

/**
 * The few typed commands that change something, the same in every channel (in Slack after
 * `/klik`): "kommune <navn>" joins a municipality, "opdater" (or "opdater status") opens the
 * status form. Everything else is a question for the understanding.
 */
export function commandOf(text: string): ActionPayload | undefined {
  const words = text.trim().split(/\s+/);
  const [first = '', ...rest] = words;
  const argument = rest.join(' ');
  if (/^kommune$/i.test(first) && argument !== '') return { dialog: 'membership-set', args: { municipality: argument } };
  if (/^(opdater|opdatér)$/i.test(first) && (argument === '' || /^status$/i.test(argument))) return { dialog: 'status-form', args: {} };
  return undefined;
}
