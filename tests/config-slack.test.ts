import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

const slack = { SLACK_SIGNING_SECRET: 'signing-secret', SLACK_BOT_TOKEN: 'xoxb-1-abc' };

describe('Slack settings', () => {
  it('turns Slack on with a signing secret and a bot token, against slack.com by default', () => {
    expect(loadConfig({}).slack).toBeUndefined();
    expect(loadConfig(slack).slack).toEqual({
      signingSecret: 'signing-secret',
      botToken: 'xoxb-1-abc',
      appToken: undefined,
      apiUrl: 'https://slack.com/api/',
    });
  });

  it('takes Socket Mode from an app token, and another Web API with its trailing slash added', () => {
    const config = loadConfig({ ...slack, SLACK_APP_TOKEN: 'xapp-1-xyz', SLACK_API_URL: 'https://slack-gov.com/api' });
    expect(config.slack?.appToken).toBe('xapp-1-xyz');
    expect(config.slack?.apiUrl).toBe('https://slack-gov.com/api/');
  });

  it('says which half is missing, and which token is of the wrong kind', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(
      /SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN/,
    );
    expect(() => loadConfig({ SLACK_SIGNING_SECRET: 's' })).toThrow(
      /SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET/,
    );
    expect(() => loadConfig({ SLACK_APP_TOKEN: 'xapp-1' })).toThrow(
      /SLACK_APP_TOKEN: Socket Mode also needs SLACK_BOT_TOKEN/,
    );
    expect(() => loadConfig({ ...slack, SLACK_BOT_TOKEN: 'xoxp-user-token' })).toThrow(
      /SLACK_BOT_TOKEN: must be a bot token \(it starts with xoxb-\)/,
    );
    expect(() => loadConfig({ ...slack, SLACK_APP_TOKEN: 'xoxb-1' })).toThrow(
      /SLACK_APP_TOKEN: must be an app-level token/,
    );
    expect(() => loadConfig({ ...slack, SLACK_API_URL: 'slack.com/api' })).toThrow(/SLACK_API_URL/);
  });

  it('serves Slack alone on a public address without Teams credentials, and unchecked Bot Framework traffic nowhere', () => {
    const config = loadConfig({ ...slack, HOST: '0.0.0.0' });
    expect(config.botFramework).toBe(false);
    expect(loadConfig({ HOST: '127.0.0.1' }).botFramework).toBe(true);
    expect(
      loadConfig({ ...slack, HOST: '0.0.0.0', MicrosoftAppId: 'app', MicrosoftAppPassword: 'p' }).botFramework,
    ).toBe(true);
  });
});
