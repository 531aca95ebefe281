import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { conversationLink } from '../../dialogs/membership/conversation-link.js';
import { membershipSet } from '../../dialogs/membership/claim.js';
import { membershipApprove, membershipDecline } from '../../dialogs/membership/approval.js';
import { membershipEnd } from '../../dialogs/membership/members.js';
import { rosterImport } from '../../dialogs/membership/roster-import.js';
import { Understander } from '../../src/understanding/understand.js';
import { ADMIN, personContext, useActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';
import type { ActionServices } from '../../dialogs/types.js';

const kit = useActionKit();
const anna = { channel: 'slack' as const, userId: 'U1', name: 'Anna' };

/** What approvers and claimants were sent, by whom it reached (`slack:U2`, or the conversation for `tell`). */
function recordSends(services: ActionServices, reachable: string[]): { sent: { to: string; text: string }[] } {
  const log = { sent: [] as { to: string; text: string }[] };
  services.reachPerson = async (person, replies) => {
    const to = `${person.channel}:${person.userId}`;
    if (!reachable.includes(to)) return false;
    log.sent.push({
      to,
      text: replies.map((reply) => [reply.heading, reply.text].filter(Boolean).join(' ')).join('\n'),
    });
    return true;
  };
  services.tell = async (address, replies) => {
    log.sent.push({ to: address.conversationId, text: replies.map((reply) => reply.text).join('\n') });
    return true;
  };
  return log;
}

describe('membership-set: a claim waits for approval', () => {
  it("keeps the claim waiting, tells the claimant who may approve, and sends the card to the municipality's verified members", async () => {
    const log = recordSends(kit.services, ['slack:U-mette']);
    await kit.services.memberships.set('slack', 'U-mette', 'aarhus');
    const [reply, ...rest] = await membershipSet(personContext(anna), { municipality: 'Århus' }, kit.services);
    expect(rest).toEqual([]);
    expect(reply?.text).toBe(
      'Du har bedt om at høre til Aarhus Kommune. Det skal godkendes af et bekræftet medlem af kommunen eller en administrator; indtil da kan du læse alt, men ikke ændre status. Jeg har bedt en, der kan godkende, om at tage stilling; du får besked her.',
    );
    expect(kit.services.memberships.get('slack', 'U1')).toMatchObject({
      state: 'pending',
      municipalityId: 'aarhus',
      name: 'Anna',
    });
    expect(log.sent).toEqual([
      {
        to: 'slack:U-mette',
        text: 'Ny tilknytning venter Anna (slack:U1) siger, at de hører til Aarhus Kommune. Godkendt kan de ændre kommunens status; indtil da kan de kun læse.',
      },
    ]);
    // asked again, the approvers are not asked again, and the claimant is told it still waits
    const [again] = await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    expect(again?.text).toBe(
      'Din tilknytning til Aarhus Kommune venter stadig på godkendelse; dem, der kan godkende, har fået besked.',
    );
    expect(log.sent).toHaveLength(1);
  });

  it("sends at most three cards an hour for one person's claims, moved back and forth", async () => {
    const log = recordSends(kit.services, [`${ADMIN.channel}:${ADMIN.userId}`]);
    for (const municipality of ['Vejle', 'Odense', 'Vejle'])
      await membershipSet(personContext(anna), { municipality }, kit.services);
    const [fourth] = await membershipSet(personContext(anna), { municipality: 'Odense' }, kit.services);
    expect(fourth?.text).toMatch(
      /^Du har bedt om at høre til Odense Kommune\. Du har bedt om godkendelse mange gange den sidste time, så denne gang får ingen besked/,
    );
    expect(log.sent).toHaveLength(3);
    kit.clock.set(kit.clock.now().plus({ minutes: 61 }));
    await membershipSet(personContext(anna), { municipality: 'Vejle' }, kit.services);
    expect(log.sent).toHaveLength(4);
  });

  it('sends the card to the administrators when no member of the municipality can be reached', async () => {
    const log = recordSends(kit.services, [`${ADMIN.channel}:${ADMIN.userId}`]);
    await membershipSet(personContext(anna), { municipality: 'Vejle' }, kit.services);
    expect(log.sent.map((sent) => sent.to)).toEqual(['teams:aad-admin']);
  });

  it('says how to get approved when nobody can be reached', async () => {
    recordSends(kit.services, []);
    const [reply] = await membershipSet(personContext(anna), { municipality: 'Vejle' }, kit.services);
    expect(reply?.text).toContain(
      "Ingen, der kan godkende, kan nås i en chat med mig lige nu; bed en kollega fra Vejle Kommune eller en administrator skrive 'medlemmer Vejle Kommune'.",
    );
  });

  it('is approved with one click by a verified member, and the claimant is told where they asked', async () => {
    const log = recordSends(kit.services, ['slack:U-mette']);
    await kit.services.memberships.set('slack', 'U-mette', 'aarhus');
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    const args = { channel: 'slack', userId: 'U1', municipality: 'aarhus' };
    // the claimant cannot approve themselves, nor can a member of another municipality
    expect((await membershipApprove(personContext(anna), args, kit.services))[0]?.text).toMatch(
      /^Kun et bekræftet medlem af Aarhus Kommune/,
    );
    await kit.services.memberships.set('slack', 'U-bo', 'odense');
    expect(
      (await membershipApprove(personContext({ channel: 'slack', userId: 'U-bo' }), args, kit.services))[0]?.notice,
    ).toBe(true);
    expect(kit.services.memberships.get('slack', 'U1')?.state).toBe('pending');
    const [done] = await membershipApprove(
      personContext({ channel: 'slack', userId: 'U-mette', name: 'Mette' }),
      args,
      kit.services,
    );
    expect(done?.text).toBe('Godkendt: Anna hører nu til Aarhus Kommune.');
    expect(kit.services.memberships.get('slack', 'U1')).toMatchObject({
      state: 'verified',
      basis: 'approval',
      verifiedBy: { channel: 'slack', userId: 'U-mette', name: 'Mette' },
    });
    expect(log.sent.at(-1)).toEqual({
      to: 'slack-conversation',
      text: 'Din tilknytning til Aarhus Kommune er godkendt af Mette. Nu kan du ændre kommunens status.',
    });
    expect((await membershipApprove(personContext(ADMIN), args, kit.services))[0]?.text).toBe(
      'Tilknytningen til Aarhus Kommune er allerede godkendt.',
    );
  });

  it('cannot be approved by someone whose own claim to the municipality waits too', async () => {
    recordSends(kit.services, []);
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    await membershipSet(
      personContext({ channel: 'slack', userId: 'U-bo', name: 'Bo' }),
      { municipality: 'Aarhus' },
      kit.services,
    );
    const [refused] = await membershipApprove(
      personContext({ channel: 'slack', userId: 'U-bo' }),
      { channel: 'slack', userId: 'U1', municipality: 'aarhus' },
      kit.services,
    );
    expect(refused?.text).toMatch(/^Kun et bekræftet medlem af Aarhus Kommune/);
    expect(kit.services.memberships.get('slack', 'U1')?.state).toBe('pending');
  });

  it('does not count a membership verified in local mode once klikbot runs with credentials', async () => {
    kit.services.localTrusted = true;
    await membershipSet(
      personContext({ channel: 'teams', userId: 'aad-local' }),
      { municipality: 'Aarhus' },
      kit.services,
    );
    expect(kit.services.memberships.get('teams', 'aad-local')).toMatchObject({ state: 'verified', basis: 'local' });
    kit.services.localTrusted = false;
    recordSends(kit.services, []);
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    const [refused] = await membershipApprove(
      personContext({ channel: 'teams', userId: 'aad-local' }),
      { channel: 'slack', userId: 'U1', municipality: 'aarhus' },
      kit.services,
    );
    expect(refused?.text).toMatch(/^Kun et bekræftet medlem af Aarhus Kommune/);
  });

  it('is declined by an administrator: the claim is removed and the claimant told', async () => {
    const log = recordSends(kit.services, []);
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    const [done] = await membershipDecline(
      personContext(ADMIN),
      { channel: 'slack', userId: 'U1', municipality: 'aarhus' },
      kit.services,
    );
    expect(done?.text).toBe('Afvist: Anna hører ikke til Aarhus Kommune.');
    expect(kit.services.memberships.get('slack', 'U1')).toBeUndefined();
    expect(log.sent.at(-1)?.text).toMatch(/^Din tilknytning til Aarhus Kommune blev afvist af teams:aad-admin\./);
  });

  it('decides nothing from a card for an earlier claim, declined since and made again', async () => {
    recordSends(kit.services, []);
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    const old = {
      channel: 'slack',
      userId: 'U1',
      municipality: 'aarhus',
      since: kit.services.memberships.get('slack', 'U1')!.since,
    };
    await membershipDecline(personContext(ADMIN), old, kit.services);
    kit.clock.set(kit.clock.now().plus({ minutes: 5 }));
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    const [stale] = await membershipApprove(personContext(ADMIN), old, kit.services);
    expect(stale?.text).toBe('Tilknytningen til Aarhus Kommune er trukket tilbage eller ændret. Intet er ændret.');
    expect(kit.services.memberships.get('slack', 'U1')?.state).toBe('pending');
  });

  it('refuses a button it cannot read, and a claim that has moved on, writing nothing', async () => {
    expect((await membershipApprove(personContext(ADMIN), { channel: 'slack' }, kit.services))[0]?.text).toBe(
      'Den knap kan jeg ikke læse. Intet er ændret.',
    );
    expect(
      (
        await membershipApprove(
          personContext(ADMIN),
          { channel: 'slack', userId: 'U1', municipality: 'aarhus' },
          kit.services,
        )
      )[0]?.text,
    ).toBe('Tilknytningen til Aarhus Kommune er trukket tilbage eller ændret. Intet er ændret.');
  });
});

describe('membership-set: verified at once', () => {
  it('in local mode, for the one trusted person on this machine, and says so', async () => {
    kit.services.localTrusted = true;
    const [reply] = await membershipSet(
      personContext({ channel: 'web', userId: 'local' }),
      { municipality: 'Aarhus' },
      kit.services,
    );
    expect(reply?.text).toBe(
      'Du hører nu til Aarhus Kommune (lokal tilstand: denne maskines ene person er betroet, så tilknytningen er bekræftet).',
    );
    expect(reply?.buttons?.map((b) => b.action.dialog)).toEqual(['status-form']);
    // a signed Slack request is no local person
    const [slack] = await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    expect(slack?.text).toMatch(/^Du har bedt om at høre til Aarhus Kommune/);
  });

  it('for an administrator, and for someone the roster lists', async () => {
    expect((await membershipSet(personContext(ADMIN), { municipality: 'Vejle' }, kit.services))[0]?.text).toBe(
      'Du hører nu til Vejle Kommune (du er administrator).',
    );
    await kit.services.memberships.importRoster([{ person: 'slack:U1', municipalityId: 'odense' }], 'teams:aad-admin');
    expect((await membershipSet(personContext(anna), { municipality: 'Odense' }, kit.services))[0]?.text).toBe(
      'Du hører allerede til Odense Kommune.',
    );
  });

  it('says when the person moves, and a move to another municipality waits again', async () => {
    kit.services.localTrusted = true;
    const local = personContext({ channel: 'web', userId: 'local' });
    await membershipSet(local, { municipality: 'Aarhus' }, kit.services);
    const moved = await membershipSet(local, { municipality: 'Odense Kommune' }, kit.services);
    expect(moved[0]?.text).toBe(
      'Du hører nu til Odense Kommune (lokal tilstand: denne maskines ene person er betroet, så tilknytningen er bekræftet). Du hører ikke længere til Aarhus Kommune.',
    );
    const same = await membershipSet({ ...local, language: 'en' }, { municipality: 'odense' }, kit.services);
    expect(same[0]?.text).toBe('You already belong to Odense Kommune.');
    await kit.services.memberships.set('slack', 'U1', 'aarhus');
    const [away] = await membershipSet(personContext(anna), { municipality: 'Køge' }, kit.services);
    expect(away?.text).toMatch(
      /^Du har bedt om at høre til Køge Kommune\..* Du hører ikke længere til Aarhus Kommune\.$/,
    );
  });
});

describe('membership-set', () => {
  it('accepts the official name, the short name and the id', async () => {
    for (const name of ['Københavns Kommune', 'koebenhavn', 'København']) {
      await membershipSet(personContext(anna), { municipality: name }, kit.services);
      expect(kit.services.memberships.get('slack', 'U1')?.municipalityId).toBe('koebenhavn');
    }
  });

  it('names a municipality it does not know, and stores nothing', async () => {
    const replies = await membershipSet(personContext(anna), { municipality: 'Arhus' }, kit.services);
    expect(replies).toEqual([
      {
        text: 'Jeg kender ingen kommune, der hedder »Arhus«. Skriv kommunens navn, fx »Aarhus« eller »Aarhus Kommune«.',
        notice: true,
      },
    ]);
    // a name typed as a link is echoed as plain words
    const linked = await membershipSet(
      personContext(anna),
      { municipality: '[Log ind](https://evil.example/x)' },
      kit.services,
    );
    expect(linked[0]?.text).toContain('»Log indhttps://evil.example/x«');
    const english = await membershipSet(personContext(anna, 'en'), { municipality: 'Gotham' }, kit.services);
    expect(english[0]?.text).toMatch(/^I know no municipality called »Gotham«/);
    expect(kit.store.read().memberships).toEqual([]);
  });

  it('asks which municipality when none is named, and stores nothing', async () => {
    const replies = await membershipSet(personContext(anna), {}, kit.services);
    expect(replies[0]?.text).toBe(
      'Hvilken kommune hører du til? Skriv fx "kommune Aarhus" (i Slack: /klik kommune Aarhus).',
    );
    expect(kit.store.read().memberships).toEqual([]);
  });

  it('keeps a membership per person and channel', async () => {
    await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services);
    await membershipSet(personContext({ channel: 'teams', userId: 'U1' }), { municipality: 'Køge' }, kit.services);
    expect(kit.store.read().memberships.map((m) => `${m.channel}:${m.userId}:${m.municipalityId}`)).toEqual([
      'slack:U1:aarhus',
      'teams:U1:koege',
    ]);
  });
});

describe('membership-set said for the group ("vi er Aarhus Kommune")', () => {
  const inDm = {
    ...personContext(anna),
    turn: {
      ...personContext(anna).turn,
      conversation: { channel: 'slack' as const, id: 'D-anna', isGroup: false, kind: 'personal' as const },
    },
  };
  const links = () =>
    kit.store.read().conversationLinks.map((link) => `${link.conversationId}:${link.municipalityId}:${link.by.userId}`);

  it('links a shared conversation nobody has linked as well as the person, and says both', async () => {
    await kit.services.memberships.importRoster([{ person: 'slack:U1', municipalityId: 'aarhus' }], 'teams:aad-admin');
    const [reply] = await membershipSet(
      personContext(anna),
      { municipality: 'Aarhus Kommune', scope: 'conversation' },
      kit.services,
    );
    expect(reply?.text).toBe(
      'Du hører allerede til Aarhus Kommune. Denne kanal hører nu også til Aarhus Kommune: alle her kan melde status for den.',
    );
    expect(reply?.notice).toBeUndefined();
    expect(kit.services.memberships.get('slack', 'U1')?.municipalityId).toBe('aarhus');
    expect(links()).toEqual(['slack-conversation:aarhus:U1']);
    const [again] = await membershipSet(
      personContext(anna, 'en'),
      { municipality: 'Aarhus', scope: 'conversation' },
      kit.services,
    );
    expect(again?.text).toBe('You already belong to Aarhus Kommune. This channel belongs to Aarhus Kommune too.');
  });

  it('never moves a conversation linked to another municipality: says where it stays and how to move it', async () => {
    await kit.services.memberships.set('slack', 'U2', 'odense');
    await conversationLink(
      personContext({ channel: 'slack', userId: 'U2', name: 'Bo' }),
      { municipality: 'Odense' },
      kit.services,
    );
    await kit.services.memberships.set('slack', 'U1', 'aarhus');
    const [reply] = await membershipSet(
      personContext(anna),
      { municipality: 'Aarhus', scope: 'conversation' },
      kit.services,
    );
    expect(reply?.text).toBe(
      "Du hører allerede til Aarhus Kommune. Denne kanal hører fortsat til Odense Kommune; skriv 'kanal Aarhus Kommune' for at flytte den.",
    );
    expect(links()).toEqual(['slack-conversation:odense:U2']);
  });

  it('links only the person in a personal chat, and without the group scope ("kommune Aarhus", "jeg er fra Aarhus")', async () => {
    await kit.services.memberships.importRoster([{ person: 'slack:U1', municipalityId: 'odense' }], 'teams:aad-admin');
    expect((await membershipSet(inDm, { municipality: 'Odense', scope: 'conversation' }, kit.services))[0]?.text).toBe(
      'Du hører allerede til Odense Kommune.',
    );
    expect((await membershipSet(personContext(ADMIN), { municipality: 'Odense' }, kit.services))[0]?.text).toBe(
      'Du hører nu til Odense Kommune (du er administrator).',
    );
    expect(links()).toEqual([]);
  });

  it('does not link the conversation for someone whose claim waits', async () => {
    const [reply] = await membershipSet(
      personContext(anna),
      { municipality: 'Aarhus', scope: 'conversation' },
      kit.services,
    );
    expect(reply?.text).toMatch(/^Du har bedt om at høre til Aarhus Kommune/);
    expect(links()).toEqual([]);
  });

  it('is told by the understanding when the sentence speaks for a group', () => {
    const understander = new Understander(knowledge);
    const now = DateTime.fromISO('2018-09-06T10:00:00+02:00');
    const read = (text: string) => understander.understand({ text, now, locale: 'da-DK' });
    for (const text of [
      'vi er Aarhus Kommune',
      'hej, vi er fra Aarhus',
      'vores kommune er Aarhus',
      'we are Aarhus municipality',
      'our municipality is Aarhus',
    ]) {
      expect(read(text), text).toMatchObject({
        intent: 'membership.set',
        entities: { municipalities: ['aarhus'], aspect: 'conversation' },
      });
    }
    for (const text of [
      'jeg er fra Aarhus',
      'min kommune er Aarhus',
      'I am from Aarhus',
      'I work for Aarhus Kommune',
    ]) {
      const reading = read(text);
      expect(reading.intent, text).toBe('membership.set');
      expect(reading.entities.aspect, text).toBeUndefined();
    }
  });
});

describe('medlemsliste', () => {
  it('is refused in a channel, where everyone would read the addresses, and imports nothing', async () => {
    const [refused] = await rosterImport(personContext(ADMIN), { csv: 'slack:U1,Aarhus' }, kit.services);
    expect(refused?.text).toBe(
      'Indlæs medlemslisten i din 1:1-chat med mig, ikke her, hvor alle kan se den. Intet er ændret.',
    );
    expect(kit.store.read().roster).toEqual([]);
  });
});

describe('ending a membership', () => {
  it('by an administrator sticks: the roster no longer verifies the person; ending one’s own leaves the roster as it is', async () => {
    await kit.services.memberships.importRoster(
      [
        { person: 'slack:U1', municipalityId: 'aarhus' },
        { person: 'slack:U2', municipalityId: 'odense' },
      ],
      'teams:aad-admin',
    );
    expect(
      (
        await membershipEnd(
          personContext({ channel: 'slack', userId: 'U9' }),
          { channel: 'slack', userId: 'U1' },
          kit.services,
        )
      )[0]?.text,
    ).toBe('Kun en administrator kan afslutte andres medlemskab. Intet er ændret.');
    const [ended] = await membershipEnd(personContext(ADMIN), { channel: 'slack', userId: 'U1' }, kit.services);
    expect(ended?.text).toBe('slack:U1 hører ikke længere til Aarhus Kommune.');
    expect((await membershipSet(personContext(anna), { municipality: 'Aarhus' }, kit.services))[0]?.text).toMatch(
      /^Du har bedt om at høre til Aarhus Kommune/,
    );
    const [own] = await membershipEnd(personContext({ channel: 'slack', userId: 'U2' }), {}, kit.services);
    expect(own?.text).toBe(
      'Du hører ikke længere til Odense Kommune. Den status, du har meldt, bliver stående med sin historik.',
    );
    expect(kit.store.read().roster.map((entry) => entry.person)).toEqual(['slack:U2']);
  });
});
