import { DateTime } from 'luxon';
import { beforeEach, describe, expect, it } from 'vitest';
import type { DialogContext } from '../../dialogs/types.js';
import { conversationLink } from '../../dialogs/membership/conversation-link.js';
import { myStatus } from '../../dialogs/status/my-status.js';
import { statusHistory } from '../../dialogs/status/history.js';
import { statusUndo, statusUpdate } from '../../dialogs/status/update.js';
import { ADMIN, useActionKit } from './action-kit.js';
import { knowledge } from './dialog-kit.js';

const kit = useActionKit();
const AARHUS_CHANNEL = '19:aarhus-programledere@thread.tacv2';

interface Person {
  userId: string;
  name?: string;
}
const mette: Person = { userId: 'aad-mette', name: 'Mette' };
const jens: Person = { userId: 'aad-jens', name: 'Jens' };
const karin: Person = { userId: 'aad-karin', name: 'Karin' };

/** A person writing in a Teams conversation: a team's channel unless `personal`. */
function inConversation(
  who: Person,
  conversationId = AARHUS_CHANNEL,
  personal = false,
  language: 'da' | 'en' = 'da',
): DialogContext {
  return {
    knowledge,
    language,
    turn: {
      user: { id: who.userId, ...(who.name ? { name: who.name } : {}) },
      conversation: personal
        ? { channel: 'teams', id: conversationId, isGroup: false, kind: 'personal' }
        : { channel: 'teams', id: conversationId, isGroup: true, kind: 'channel' },
      text: '',
      now: DateTime.fromISO('2018-09-06T10:00:00+02:00', { setZone: true }),
    },
  };
}

// Mette is a verified member of Aarhus: she may link a channel to it
beforeEach(async () => {
  await kit.services.memberships.set('teams', mette.userId, 'aarhus');
});

const links = () =>
  kit.store.read().conversationLinks.map((link) => `${link.conversationId}:${link.municipalityId}:${link.by.userId}`);

describe('conversation-link: "kanal Aarhus" in a channel', () => {
  it('links the channel, records who did it, and tells everyone there (not a notice)', async () => {
    const [reply, ...rest] = await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    expect(rest).toEqual([]);
    expect(reply?.text).toBe(
      'Denne kanal hører nu til Aarhus Kommune (sat af Mette). Alle her kan melde status for Aarhus Kommune; den, der selv hører til en anden kommune, melder fortsat for sin egen.',
    );
    expect(reply?.notice).toBeUndefined();
    expect(reply?.buttons?.map((button) => button.action.dialog)).toEqual(['status-form']);
    expect(kit.store.read().conversationLinks).toEqual([
      {
        channel: 'teams',
        conversationId: AARHUS_CHANNEL,
        municipalityId: 'aarhus',
        since: '2018-09-06T10:00:00.000+02:00',
        by: { channel: 'teams', userId: 'aad-mette', name: 'Mette', conversationId: AARHUS_CHANNEL },
        verified: true,
      },
    ]);
    // a person's own membership is not touched
    expect(kit.store.read().memberships.map((m) => `${m.userId}:${m.municipalityId}`)).toEqual(['aad-mette:aarhus']);
  });

  it('says so when the channel already belongs to the municipality, writing nothing', async () => {
    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    const [again] = await conversationLink(
      inConversation(jens, AARHUS_CHANNEL, false, 'en'),
      { municipality: 'aarhus' },
      kit.services,
    );
    expect(again).toEqual({ text: 'This channel already belongs to Aarhus Kommune.', notice: true });
    expect(links()).toEqual([`${AARHUS_CHANNEL}:aarhus:aad-mette`]);
  });

  it('refuses someone who belongs to another municipality, and lets an administrator link any', async () => {
    await kit.services.memberships.set('teams', jens.userId, 'koege');
    const [refused] = await conversationLink(inConversation(jens), { municipality: 'Aarhus' }, kit.services);
    expect(refused).toEqual({
      text: 'Du hører til Køge Kommune og kan kun knytte kanalen til den; kun en administrator kan knytte den til Aarhus Kommune. Intet er ændret.',
      notice: true,
    });
    expect(links()).toEqual([]);
    const [own] = await conversationLink(inConversation(jens), { municipality: 'Køge' }, kit.services);
    expect(own?.text).toMatch(/^Denne kanal hører nu til Køge Kommune \(sat af Jens\)/);
    const [moved] = await conversationLink(
      inConversation({ userId: ADMIN.userId, name: 'Admin' }),
      { municipality: 'Odense' },
      kit.services,
    );
    expect(moved?.text).toMatch(
      /^Denne kanal hører nu til Odense Kommune i stedet for Køge Kommune \(sat af Admin\)\. Alle her kan melde status for Odense Kommune/,
    );
    expect(links()).toEqual([`${AARHUS_CHANNEL}:odense:${ADMIN.userId}`]);
  });

  it('lets only a verified member of the new municipality (or an administrator) move a link', async () => {
    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    const [refused] = await conversationLink(inConversation(jens), { municipality: 'Odense' }, kit.services);
    expect(refused).toEqual({
      text: "Kun et bekræftet medlem af Odense Kommune eller en administrator kan knytte kanalen til den. Skriv 'kommune Odense Kommune' for selv at høre til kommunen. Intet er ændret.",
      notice: true,
    });
    const [byMette] = await conversationLink(inConversation(mette), { municipality: 'Odense' }, kit.services);
    expect(byMette?.text).toBe(
      'Du hører til Aarhus Kommune og kan kun knytte kanalen til den; kun en administrator kan knytte den til Odense Kommune. Intet er ændret.',
    );
    expect(links()).toEqual([`${AARHUS_CHANNEL}:aarhus:aad-mette`]);
    await kit.services.memberships.set('teams', karin.userId, 'vejle');
    const [byMember] = await conversationLink(inConversation(karin), { municipality: 'Vejle' }, kit.services);
    expect(byMember?.text).toMatch(
      /^Denne kanal hører nu til Vejle Kommune i stedet for Aarhus Kommune \(sat af Karin\)/,
    );
    expect(links()).toEqual([`${AARHUS_CHANNEL}:vejle:aad-karin`]);
  });

  it('refuses someone whose claim waits, and makes a link from before verification count once a verified member links it again', async () => {
    await kit.services.memberships.claim({ channel: 'teams', userId: jens.userId, municipalityId: 'odense' });
    const [waiting] = await conversationLink(inConversation(jens), { municipality: 'Odense' }, kit.services);
    expect(waiting?.text).toBe(
      'Din tilknytning til Odense Kommune venter på godkendelse; først derefter kan du knytte kanalen til den. Intet er ændret.',
    );
    await kit.services.memberships.linkConversation(
      'teams',
      AARHUS_CHANNEL,
      'aarhus',
      { channel: 'teams', userId: 'aad-old' },
      false,
    );
    const [stale] = await statusUpdate(
      inConversation(karin),
      { taskId: 'bbr-adgangsstyring', step: '3', status: 'done' },
      kit.services,
    );
    expect(stale?.text).toBe(
      'Denne kanal blev knyttet til Aarhus Kommune, før tilknytninger blev bekræftet. Et bekræftet medlem af kommunen skal knytte den igen (kanal Aarhus Kommune), før status kan ændres her. Intet er ændret.',
    );
    expect(kit.store.read().statusUpdates).toEqual([]);
    const [relinked] = await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    expect(relinked?.text).toMatch(/^Denne kanal hører nu til Aarhus Kommune \(sat af Mette\)/);
    expect(
      (
        await statusUpdate(
          inConversation(karin),
          { taskId: 'bbr-adgangsstyring', step: '3', status: 'done' },
          kit.services,
        )
      )[0]?.text,
    ).toContain('er nu fuldført for Aarhus Kommune');
  });

  it('removes the link with "ingen" or "fjern" for the one who linked it, a member of it or an administrator', async () => {
    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    const [refused] = await conversationLink(inConversation(jens), { municipality: 'ingen' }, kit.services);
    expect(refused).toEqual({
      text: 'Kun en administrator, den der knyttede kanalen, eller et bekræftet medlem af Aarhus Kommune kan fjerne koblingen. Intet er ændret.',
      notice: true,
    });
    const [removed] = await conversationLink(inConversation(mette), { municipality: 'fjern' }, kit.services);
    expect(removed).toEqual({
      text: 'Denne kanal hører ikke længere til Aarhus Kommune (fjernet af Mette). Her melder hver især nu for sin egen kommune.',
      broadcast: true,
    });
    expect(links()).toEqual([]);
    const [nothing] = await conversationLink(inConversation(mette), { municipality: 'ingen' }, kit.services);
    expect(nothing).toEqual({ text: 'Denne kanal er ikke knyttet til en kommune.', notice: true });

    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    await kit.services.memberships.set('teams', karin.userId, 'aarhus');
    expect(
      (await conversationLink(inConversation(karin), { municipality: 'Fjern' }, kit.services))[0]?.notice,
    ).toBeUndefined();
    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    expect(
      (
        await conversationLink(
          inConversation({ userId: ADMIN.userId }, AARHUS_CHANNEL, false, 'en'),
          { municipality: 'none' },
          kit.services,
        )
      )[0]?.text,
    ).toBe('This channel no longer belongs to Aarhus Kommune. Here everyone now reports for their own municipality.');
    expect(links()).toEqual([]);
  });

  it('has no channel to link in a personal chat: points to "kommune <navn>" and writes nothing', async () => {
    const [reply] = await conversationLink(
      inConversation(mette, 'a:personal-mette', true),
      { municipality: 'Aarhus' },
      kit.services,
    );
    expect(reply?.notice).toBe(true);
    expect(reply?.text).toMatch(
      /^Her skriver du med mig alene, så der er ingen kanal at knytte til en kommune\. Skriv 'kommune <navn>'/,
    );
    expect(links()).toEqual([]);
    expect(kit.store.read().memberships).toHaveLength(1);
  });

  it('names a municipality it does not know, and asks when none is named; writes nothing', async () => {
    expect((await conversationLink(inConversation(mette), { municipality: 'Gotham' }, kit.services))[0]?.text).toMatch(
      /^Jeg kender ingen kommune, der hedder »Gotham«/,
    );
    expect((await conversationLink(inConversation(mette), {}, kit.services))[0]?.text).toMatch(
      /^Hvilken kommune hører denne kanal til\?/,
    );
    expect(links()).toEqual([]);
  });
});

describe('acting for a linked channel', () => {
  const step3 = { taskId: 'bbr-adgangsstyring', step: '3', status: 'done' };

  it('lets someone with no membership report, undo, see "status" and read history for the channel’s municipality', async () => {
    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    const [updated] = await statusUpdate(inConversation(jens), step3, kit.services);
    expect(updated?.text).toBe(
      'BBR på Adgangsstyring, trin 3 er nu fuldført for Aarhus Kommune (før: ikke påbegyndt).',
    );
    expect(kit.services.statuses.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('done');
    expect(kit.store.read().statusUpdates[0]?.by).toEqual({
      channel: 'teams',
      userId: 'aad-jens',
      name: 'Jens',
      conversationId: AARHUS_CHANNEL,
      basis: 'link',
    });

    const [standing] = await myStatus(inConversation(jens), {}, kit.services);
    expect(standing?.heading).toBe('Status for Aarhus Kommune');
    const [history] = await statusHistory(
      inConversation(jens),
      { taskId: 'bbr-adgangsstyring', step: '3' },
      kit.services,
    );
    expect(history?.list?.[0]).toMatch(/ikke påbegyndt → fuldført \(Jens, Teams, via kanalens kobling\)$/);
    const [otherHistory] = await statusHistory(
      inConversation(jens),
      { taskId: 'bbr-adgangsstyring', step: '3', municipality: 'Køge' },
      kit.services,
    );
    expect(otherHistory?.text).toBe(
      'Denne kanal hører til Aarhus Kommune, så her kan du se dens historik; kun en administrator kan se historikken for Køge Kommune.',
    );

    const undoId = updated?.buttons?.[0]?.action.args.updateId ?? '';
    const [undone] = await statusUndo(inConversation(jens), { updateId: undoId }, kit.services);
    expect(undone?.text).toBe('Fortrudt: BBR på Adgangsstyring, trin 3 er igen ikke påbegyndt for Aarhus Kommune.');
  });

  it('refuses the same person another municipality there, and anything outside the channel', async () => {
    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    const [other] = await statusUpdate(inConversation(jens), { ...step3, municipality: 'Odense' }, kit.services);
    expect(other?.text).toBe(
      'Denne kanal hører til Aarhus Kommune, så her kan du kun ændre status for den; kun en administrator kan ændre status for Odense Kommune. Intet er ændret.',
    );
    const [elsewhere] = await statusUpdate(inConversation(jens, '19:andet@thread.tacv2'), step3, kit.services);
    expect(elsewhere?.text).toMatch(/^Du hører ikke til en kommune endnu/);
    const [personal] = await statusUpdate(inConversation(jens, 'a:personal-jens', true), step3, kit.services);
    expect(personal?.notice).toBe(true);
    expect(kit.store.read().statusUpdates).toEqual([]);
  });

  it('keeps someone with a membership of their own acting for it in the linked channel', async () => {
    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    await kit.services.memberships.set('teams', karin.userId, 'koege');
    const [updated] = await statusUpdate(inConversation(karin), step3, kit.services);
    expect(updated?.text).toContain('er nu fuldført for Køge Kommune');
    expect(kit.services.statuses.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('not-started');
    const [refused] = await statusUpdate(inConversation(karin), { ...step3, municipality: 'Aarhus' }, kit.services);
    expect(refused?.text).toMatch(/^Du hører til Køge Kommune og kan kun ændre status for den/);
    expect((await myStatus(inConversation(karin), {}, kit.services))[0]?.heading).toBe('Status for Køge Kommune');
  });

  it('no longer lets the channel act for the municipality once the link is removed, nor undo', async () => {
    await conversationLink(inConversation(mette), { municipality: 'Aarhus' }, kit.services);
    const [updated] = await statusUpdate(inConversation(jens), step3, kit.services);
    await conversationLink(inConversation(mette), { municipality: 'ingen' }, kit.services);
    const [undo] = await statusUndo(
      inConversation(jens),
      { updateId: updated?.buttons?.[0]?.action.args.updateId ?? '' },
      kit.services,
    );
    expect(undo?.text).toBe(
      'Kun den, der lavede opdateringen, eller en administrator kan fortryde den. Intet er ændret.',
    );
    expect((await statusUpdate(inConversation(jens), { ...step3, status: 'started' }, kit.services))[0]?.text).toMatch(
      /^Du hører ikke til en kommune endnu/,
    );
    expect(kit.services.statuses.current('aarhus', 'bbr-adgangsstyring', 3)).toBe('done');
  });
});
