import { describe, expect, it } from 'vitest';
import { membershipSet } from '../../dialogs/membership.js';
import { personContext, useActionKit } from './action-kit.js';

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
