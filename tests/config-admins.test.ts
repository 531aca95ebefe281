import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('KLIKBOT_ADMINS', () => {
  it('defaults to no administrators', () => {
    expect(loadConfig({}).administrators).toEqual([]);
    expect(loadConfig({ KLIKBOT_ADMINS: '' }).administrators).toEqual([]);
  });

  it('reads a comma-separated list of channel:userId, ignoring spaces and empty items', () => {
    const config = loadConfig({ KLIKBOT_ADMINS: ' slack:U0ADMIN, teams:00000000-0000-0000-0000-000000000001,,web:anna ' });
    expect(config.administrators).toEqual(['slack:U0ADMIN', 'teams:00000000-0000-0000-0000-000000000001', 'web:anna']);
  });

  it('refuses an item without a known channel or with a space, naming the item', () => {
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'slack:U0ADMIN,U0OTHER' })).toThrow(/KLIKBOT_ADMINS: "U0OTHER" must be channel:userId/);
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'discord:123' })).toThrow(/"discord:123" must be channel:userId/);
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'slack:U0 ADMIN' })).toThrow(/"slack:U0 ADMIN" must be/);
    expect(() => loadConfig({ KLIKBOT_ADMINS: 'slack:' })).toThrow(/"slack:" must be/);
  });
});
