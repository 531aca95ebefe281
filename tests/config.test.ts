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

  it('refuses a KLIKBOT_NOW without an offset, which would be read in the host zone', () => {
    for (const value of ['2018-09-06T23:30', '2018-09-06', '2018-W36-4', '2018-09-06T10:00:00+0200x']) {
      expect(() => loadConfig({ KLIKBOT_NOW: value })).toThrow(
        /KLIKBOT_NOW: must be an ISO 8601 instant with an offset/,
      );
    }
    expect(loadConfig({ KLIKBOT_NOW: '2018-10-31T23:30:00Z' }).startAt?.setZone('Europe/Copenhagen').toISODate()).toBe(
      '2018-11-01',
    );
  });

  it('refuses a PORT that is not a number instead of picking a random one', () => {
    expect(() => loadConfig({ PORT: ' ' })).toThrow(/PORT: must be a port number/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be at most 65535/);
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
  });

  it('asks for the tenant of a single-tenant Teams app, saying which variable and why', () => {
    expect(() =>
      loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 's', MicrosoftAppType: 'SingleTenant' }),
    ).toThrow(/MicrosoftAppTenantId: required for MicrosoftAppType=SingleTenant/);
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

  it('refuses to open local mode to the network unless told the network is trusted', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(
      /HOST: "0\.0\.0\.0" is reachable from other machines[\s\S]*KLIKBOT_ALLOW_UNAUTHENTICATED=true/,
    );
    expect(() => loadConfig({ HOST: '::' })).toThrow(KlikbotError);
    expect(loadConfig({ HOST: '0.0.0.0', KLIKBOT_ALLOW_UNAUTHENTICATED: 'true' }).allowUnauthenticated).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret' }).localMode).toBe(
      false,
    );
    for (const host of ['127.0.0.1', '127.0.1.1', 'localhost', '::1', '[::1]'])
      expect(loadConfig({ HOST: host }).host).toBe(host);
    expect(() => loadConfig({ KLIKBOT_ALLOW_UNAUTHENTICATED: 'yes' })).toThrow(
      /KLIKBOT_ALLOW_UNAUTHENTICATED: must be "true" or "false"/,
    );
  });

  it('says how to fix a single-tenant app without its tenant', () => {
    expect(() =>
      loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant' }),
    ).toThrow(
      /MicrosoftAppTenantId: required for MicrosoftAppType=SingleTenant \(the Entra tenant id of the bot registration\)/,
    );
  });

  it('refuses half-done or contradictory Teams settings, saying what to change', () => {
    expect(() => loadConfig({ MicrosoftAppPassword: 'secret' })).toThrow(
      /MicrosoftAppPassword: is set but MicrosoftAppId is not/,
    );
    expect(() => loadConfig({ MicrosoftAppTenantId: 'tenant' })).toThrow(
      /MicrosoftAppTenantId: is set but MicrosoftAppId is not/,
    );
    expect(() =>
      loadConfig({
        MicrosoftAppId: 'app',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppTenantId: 'tenant',
      }),
    ).toThrow(/MicrosoftAppPassword: must be unset for MicrosoftAppType=UserAssignedMSI/);
    expect(
      loadConfig({ MicrosoftAppId: 'app', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant' })
        .localMode,
    ).toBe(false);
  });
});
