import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createActionSeal, SEAL_LIFETIME_MS } from '../../src/core/sealed-action.js';
import type { Turn } from '../../src/core/types.js';

const at = DateTime.fromISO('2018-09-06T11:59:00+02:00', { setZone: true });
const channel = {
  channel: 'teams' as const,
  id: '19:programledere@thread.tacv2',
  isGroup: true,
  kind: 'channel' as const,
};
const personal = { channel: 'teams' as const, id: 'a:personal-mette', isGroup: false, kind: 'personal' as const };
const turnOf = (userId: string, conversation: Turn['conversation'] = personal, now = at): Turn => ({
  user: { id: userId },
  conversation,
  text: '',
  now,
});
const action = { dialog: 'poll-csv', args: { pollId: '8f7c2a4e-1b2c-4d5e-8f90-123456789abc' } };

describe('a sealed action', () => {
  const seal = createActionSeal(Buffer.alloc(32, 7));
  const token = seal.seal(turnOf('aad-mette', channel), action);

  it('runs, for the person it was sealed for, in the conversation it was asked in', () => {
    const opened = seal.open(token, turnOf('aad-mette'));
    expect(opened?.action).toEqual(action);
    expect(opened?.conversation).toEqual(channel);
    expect(opened?.user.id).toBe('aad-mette');
  });

  it('is refused for anyone else, changed, signed with another key, or past its day', () => {
    expect(seal.open(token, turnOf('aad-peter'))).toBeUndefined();
    const [body, mac] = token.split('.');
    const changed = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as { action: typeof action };
    changed.action.args.pollId = '00000000-0000-4000-8000-000000000000';
    const forged = `${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${mac!}`;
    expect(seal.open(forged, turnOf('aad-mette'))).toBeUndefined();
    expect(createActionSeal(Buffer.alloc(32, 8)).open(token, turnOf('aad-mette'))).toBeUndefined();
    expect(seal.open(`${token}.more`, turnOf('aad-mette'))).toBeUndefined();
    expect(seal.open(42, turnOf('aad-mette'))).toBeUndefined();
    const late = at.plus({ milliseconds: SEAL_LIFETIME_MS + 1 });
    expect(seal.open(token, turnOf('aad-mette', personal, late))).toBeUndefined();
    expect(seal.open(token, turnOf('aad-mette', personal, at.plus({ hours: 23 })))).toBeDefined();
  });
});
