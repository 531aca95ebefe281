import { beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/klikbot-core.js';
import type { Core } from '../../src/core/core.js';
import type { Language, Reply } from '../../src/core/types.js';
import { knowledge } from './dialog-kit.js';
import { CHANNEL, people, turn, useMeetingKit } from './meeting-kit.js';

/**
 * The roll call of 6 September's meeting in a Teams channel, through the whole core: each
 * participant counted once, by their verified municipality, seen only by the host.
 */
const kit = useMeetingKit();
let core: Core;

beforeEach(() => {
  core = createCore({ knowledge, services: kit.meetingServices });
});

async function say(
  who: { userId: string; name: string },
  time: string,
  text: string,
  options: { language?: Language } = {},
): Promise<Reply[]> {
  const context = turn(kit, who, `2018-09-06T${time.replace('.', ':')}:00+02:00`, options);
  return core.handle({ ...context.turn, text });
}

async function press(who: { userId: string; name: string }, time: string, reply: Reply, title: string) {
  const button = reply.buttons?.find((candidate) => candidate.title === title);
  expect(button, title).toBeDefined();
  const context = turn(kit, who, `2018-09-06T${time.replace('.', ':')}:00+02:00`);
  return core.handle({ ...context.turn, action: button!.action });
}

const karin = { userId: 'aad-karin', name: 'Karin' };
const jens = { userId: 'aad-jens', name: 'Jens' };

describe('the roll call', () => {
  it('counts each person once by municipality, for the host only', async () => {
    await kit.services.memberships.set('teams', karin.userId, 'aarhus');
    await kit.services.memberships.set('teams', jens.userId, 'aarhus');
    // a claim still waiting is no verified municipality
    await kit.services.memberships.claim({ channel: 'teams', userId: people.other.userId, municipalityId: 'koege' });
    const started = await say(people.host, '09.58', 'start møde');
    const rollCall = started.at(-1)!;
    expect(rollCall.heading).toBe('🙋 Fremmøde');
    expect(rollCall.broadcast).toBe(true);

    const [first] = await say(karin, '10.00', 'jeg er her');
    expect(first?.notice).toBe(true);
    expect(first?.text).toBe('Tak — du er noteret som til stede for Aarhus Kommune.');
    const [twice] = await press(karin, '10.01', rollCall, 'Jeg er her');
    expect(twice?.text).toBe('Du er allerede noteret som til stede for Aarhus Kommune.');
    await press(jens, '10.01', rollCall, 'Jeg er her');
    const [unknown] = await say(people.other, '10.02', "I'm here", { language: 'en' });
    expect(unknown?.text).toBe(
      "Thank you — you are counted (no municipality: type 'kommune <name>' to be counted with yours).",
    );
    expect(kit.sessions.running(CHANNEL)?.present?.map((person) => person.userId)).toEqual([
      karin.userId,
      jens.userId,
      people.other.userId,
    ]);

    // a participant cannot see it; nothing about who is here is said
    const [refused] = await say(karin, '10.03', 'hvem er her?');
    expect(refused?.text).toMatch(/^Kun værten, en medvært eller en administrator kan se fremmødet/);
    expect(refused?.text).not.toContain('Aarhus');

    const [counts] = await say(people.host, '10.03', 'hvem er her?');
    expect(counts?.notice).toBe(true);
    expect(counts?.private).toBeUndefined();
    expect(counts?.text).toBe('3 har meldt sig til stede, fra 1 kommune.\n- Aarhus Kommune: 2\n- uden kommune: 1');
    const [pressed] = await press(people.host, '10.04', rollCall, 'Fremmøde (værten)');
    expect(pressed?.text).toBe(counts?.text);
    const [named] = await say(people.host, '10.04', 'fremmøde med navne');
    expect(named?.private).toBeDefined();
    expect(named?.list).toEqual(['Aarhus Kommune: 2 (Karin, Jens)', 'uden kommune: 1 (Peter Jensen)']);
  });

  it('has nothing to count where no meeting runs', async () => {
    const [none] = await say(karin, '10.00', 'jeg er her');
    expect(none?.text).toBe('Der kører intet møde her lige nu, så der er intet fremmøde at melde sig til.');
    expect(kit.store.read().meetingSessions).toEqual([]);
  });
});
