import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { conversationLink } from '../../dialogs/conversation-link.js';
import { membershipSet } from '../../dialogs/membership.js';
import { Understander } from '../../src/understanding/understand.js';
import { personContext, useActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';

const kit = useActionKit();
const anna = { channel: 'slack' as const, userId: 'U1', name: 'Anna' };

describe('membership-set', () => {
  it('links the person to the municipality named, confirms it and offers the status form', async () => {
    const [reply, ...rest] = await membershipSet(personContext(anna), { municipality: 'Århus' }, kit.services);
    expect(rest).toEqual([]);
    expect(reply?.text).toBe('Du hører nu til Aarhus Kommune.');
    expect(reply?.buttons?.map((b) => b.action.dialog)).toEqual(['status-form']);
    expect(kit.store.read().memberships).toEqual([{ channel: 'slack', userId: 'U1', municipalityId: 'aarhus', since: '2018-09-06T10:00:00.000+02:00' }]);
  });

  it('accepts the official name, the short name and the id', async () => {
    for (const name of ['Københavns Kommune', 'koebenhavn', 'København']) {
      await membershipSet(personContext(anna), { municipality: name }, kit.services);
      expect(kit.services.memberships.get('slack', 'U1')?.municipalityId).toBe('koebenhavn');
    }
  });

  it('says when the person moves from one municipality to another, and when nothing changed', async () => {
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    const moved = await membershipSet(personContext(anna), { municipality: 'Odense Kommune' }, kit.services);
    expect(moved[0]?.text).toBe('Du er skiftet fra Aarhus Kommune til Odense Kommune.');
    const same = await membershipSet(personContext(anna, 'en'), { municipality: 'odense' }, kit.services);
    expect(same[0]?.text).toBe('You already belong to Odense Kommune.');
    expect(kit.store.read().memberships).toHaveLength(1);
  });

  it('names a municipality it does not know, and stores nothing', async () => {
    const replies = await membershipSet(personContext(anna), { municipality: 'Arhus' }, kit.services);
    expect(replies).toEqual([{ text: 'Jeg kender ingen kommune, der hedder »Arhus«. Skriv kommunens navn, fx »Aarhus« eller »Aarhus Kommune«.', notice: true }]);
    // a name typed as a link is echoed as plain words
    const linked = await membershipSet(personContext(anna), { municipality: '[Log ind](https://evil.example/x)' }, kit.services);
    expect(linked[0]?.text).toContain('»Log indhttps://evil.example/x«');
    const english = await membershipSet(personContext(anna, 'en'), { municipality: 'Gotham' }, kit.services);
    expect(english[0]?.text).toMatch(/^I know no municipality called »Gotham«/);
    expect(kit.store.read().memberships).toEqual([]);
  });

  it('asks which municipality when none is named, and stores nothing', async () => {
    const replies = await membershipSet(personContext(anna), {}, kit.services);
    expect(replies[0]?.text).toBe('Hvilken kommune hører du til? Skriv fx "kommune Aarhus" (i Slack: /klik kommune Aarhus).');
    expect(kit.store.read().memberships).toEqual([]);
  });

  it('keeps a membership per person and channel', async () => {
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    await membershipSet(personContext({ channel: 'teams', userId: 'U1' }), { municipality: 'Køge' }, kit.services);
    expect(kit.store.read().memberships.map((m) => `${m.channel}:${m.userId}:${m.municipalityId}`)).toEqual(['slack:U1:aarhus', 'teams:U1:koege']);
  });
});

describe('membership-set said for the group ("vi er Aarhus Kommune")', () => {
  const inDm = { ...personContext(anna), turn: { ...personContext(anna).turn, conversation: { channel: 'slack' as const, id: 'D-anna', isGroup: false, kind: 'personal' as const } } };
  const links = () => kit.store.read().conversationLinks.map((link) => `${link.conversationId}:${link.municipalityId}:${link.by.userId}`);

  it('links a shared conversation nobody has linked as well as the person, and says both', async () => {
    const [reply] = await membershipSet(personContext(anna), { municipality: 'Aarhus Kommune', scope: 'conversation' }, kit.services);
    expect(reply?.text).toBe('Du hører nu til Aarhus Kommune. Denne kanal hører nu også til Aarhus Kommune: alle her kan melde status for den.');
    expect(reply?.notice).toBeUndefined();
    expect(kit.services.memberships.get('slack', 'U1')?.municipalityId).toBe('aarhus');
    expect(links()).toEqual(['slack-conversation:aarhus:U1']);
    const [again] = await membershipSet(personContext(anna, 'en'), { municipality: 'Aarhus', scope: 'conversation' }, kit.services);
    expect(again?.text).toBe('You already belong to Aarhus Kommune. This channel belongs to Aarhus Kommune too.');
  });

  it('never moves a conversation linked to another municipality: says where it stays and how to move it', async () => {
    await conversationLink(personContext({ channel: 'slack', userId: 'U2', name: 'Bo' }), { municipality: 'Odense' }, kit.services);
    const [reply] = await membershipSet(personContext(anna), { municipality: 'Aarhus', scope: 'conversation' }, kit.services);
    expect(reply?.text).toBe("Du hører nu til Aarhus Kommune. Denne kanal hører fortsat til Odense Kommune; skriv 'kanal Aarhus Kommune' for at flytte den.");
    expect(links()).toEqual(['slack-conversation:odense:U2']);
  });

  it('links only the person in a personal chat, and without the group scope ("kommune Aarhus", "jeg er fra Aarhus")', async () => {
    expect((await membershipSet(inDm, { municipality: 'Aarhus', scope: 'conversation' }, kit.services))[0]?.text).toBe('Du hører nu til Aarhus Kommune.');
    expect((await membershipSet(personContext(anna), { municipality: 'Odense' }, kit.services))[0]?.text).toBe('Du er skiftet fra Aarhus Kommune til Odense Kommune.');
    expect(links()).toEqual([]);
  });

  it('is told by the understanding when the sentence speaks for a group', () => {
    const understander = new Understander(knowledge);
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = (text: string) => understander.understand({ text, now, locale: 'da-DK' });
    for (const text of ['vi er Aarhus Kommune', 'hej, vi er fra Aarhus', 'vores kommune er Aarhus', 'we are Aarhus municipality', 'our municipality is Aarhus']) {
      expect(read(text), text).toMatchObject({ intent: 'membership.set', entities: { municipalities: ['aarhus'], aspect: 'conversation' } });
    }
    for (const text of ['jeg er fra Aarhus', 'min kommune er Aarhus', 'I am from Aarhus', 'I work for Aarhus Kommune']) {
      const reading = read(text);
      expect(reading.intent, text).toBe('membership.set');
      expect(reading.entities.aspect, text).toBeUndefined();
    }
  });
});
