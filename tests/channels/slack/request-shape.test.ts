import { describe, expect, it } from 'vitest';
import { hasSlackShape } from '../../../src/channels/slack/request-shape.js';

const form = 'application/x-www-form-urlencoded';
const json = 'application/json';
const check = (contentType: string | undefined, body: string) => hasSlackShape(contentType, Buffer.from(body));

describe('the shape of a /slack/events body, before Bolt reads it', () => {
  it('lets through what Slack sends', () => {
    expect(check(form, 'command=%2Fklik&text=hj%C3%A6lp&user_id=U1')).toBe(true);
    expect(
      check(
        form,
        `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', user: { id: 'U1' }, actions: [{ action_id: 'a' }] }))}`,
      ),
    ).toBe(true);
    expect(check(json, JSON.stringify({ type: 'event_callback', event: { type: 'app_mention' } }))).toBe(true);
    expect(check(json, JSON.stringify({ type: 'url_verification', challenge: 'x' }))).toBe(true);
  });

  it('refuses null, non-objects and non-JSON, whatever the content type says', () => {
    for (const [type, body] of [
      [form, 'payload=null'],
      [json, 'null'],
      ['text/plain', 'null'],
      [undefined, 'null'],
      [`${form}; charset=utf-8`, 'null'],
      [json, '[1]'],
      [json, '{not json'],
    ] as const) {
      expect(check(type, body), `${type} ${body}`).toBe(false);
    }
  });

  it('refuses payloads missing what Bolt reads of them', () => {
    expect(check(json, JSON.stringify({ type: 'event_callback', event: null }))).toBe(false);
    expect(check(form, `payload=${encodeURIComponent(JSON.stringify({ type: 'block_actions', actions: [] }))}`)).toBe(
      false,
    );
    expect(
      check(form, `payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', user: { id: 'U1' } }))}`),
    ).toBe(false);
  });
});
