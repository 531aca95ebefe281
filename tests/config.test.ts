import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { KlikbotError } from '../src/errors.js';

describe('loadConfig', () => {
  it('has the documented defaults: port 3978 on loopback, local mode, state and data under data/', () => {
    const config = loadConfig({}, '/srv/klikbot');
    expect(config.port).toBe(3978);
    expect(config.host).toBe('127.0.0.1');
    expect(config.localMode).toBe(true);
    expect(config.statePath).toBe(path.resolve('/srv/klikbot/data/state/klikbot.json'));
    expect(config.knowledgeDir).toBe(path.resolve('/srv/klikbot/data/knowledge'));
    expect(config.startAt).toBeUndefined();
  });

  it('reads KLIKBOT_NOW as an instant keeping its offset', () => {
    const config = loadConfig({ KLIKBOT_NOW: '2018-09-06T10:00:00+02:00' });
    expect(config.startAt?.toUTC().toISO()).toBe('2018-09-06T08:00:00.000Z');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '' }).localMode).toBe(true);
  });

  it('names every invalid variable and what it should be', () => {
    const attempt = () => loadConfig({ PORT: 'abc', KLIKBOT_NOW: 'yesterday', MicrosoftAppType: 'Single' });
    expect(attempt).toThrow(KlikbotError);
    try {
      attempt();
    } catch (error) {
      const message = (error as KlikbotError).message;
      expect(message).toContain('PORT');
      expect(message).toContain('KLIKBOT_NOW: must be an ISO 8601 instant');
      expect(message).toContain('MicrosoftAppType');
      expect((error as KlikbotError).code).toBe('config_invalid');
    }
  });

  it('leaves local mode when a Teams app id is set, and asks for its password', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'app' })).toThrow(/MicrosoftAppPassword/);
    expect(loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }).localMode).toBe(false);
  });
});
