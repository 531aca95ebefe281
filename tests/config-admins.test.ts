import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('KLIKBOT_ADMINS', () => {
  it('defaults to no administrators', () => {
    expect(loadConfig({}).administrators).toEqual([]);
    expect(loadConfig({ KLIKBOT_ADMINS: '' }).administrators).toEqual([]);
  });

  it('reads a comma-separated list of channel:userId, ignoring spaces and empty items', () => {
    const config = loadConfig({
      KLIKBOT_ADMINS: ' slack:U0ADMIN, teams:00000000-0000-0000-0000-000000000001,, ',
      MicrosoftAppId: 'app',
      MicrosoftAppPassword: 'p',
    });
    expect(config.administrators).toEqual(['slack:U0ADMIN', 'teams:00000000-0000-0000-0000-000000000001']);
  });

  it('refuses an item without a known channel or with a space, naming the item', () => {
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'slack:U0ADMIN,U0OTHER' })).toThrow(
      /KLIKBOT_ADMINS: "U0OTHER" must be channel:userId/,
    );
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'discord:123' })).toThrow(/"discord:123" must be channel:userId/);
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'slack:U0 ADMIN' })).toThrow(/"slack:U0 ADMIN" must be/);
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'slack:' })).toThrow(/"slack:" must be/);
  });

  it('takes administrators only from channels whose ids are vouched for', () => {
    // the web chat and the Emulator send whatever user id the client picks
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'web:anna' })).toThrow(
      /"web:anna" must be channel:userId with channel teams or slack/,
    );
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'emulator:x' })).toThrow(/"emulator:x" must be/);
    // without credentials, Teams activities are not authenticated either
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'teams:aad-1' })).toThrow(
      /KLIKBOT_ADMINS: "teams:aad-1" needs MicrosoftAppId/,
    );
    expect(loadConfig({ KLIKBOT_ADMINS: 'slack:U0ADMIN' }).administrators).toEqual(['slack:U0ADMIN']);
  });
});
