import { storedStateAt } from '../support/stored-text.js';
import { describe, expect, it } from 'vitest';
import { knowledgeWithDomains } from '../support/domains.js';
import { blockText, buttonClick, buttonLabelled, useSlackBot } from '../support/slack-harness.js';
import type { SlackCall } from '../support/slack-fake.js';
import { directMessage, slashCommand } from '../support/slack-requests.js';

interface StoredState {
  memberships: {
    userId: string;
    municipalityId: string;
    state: string;
    basis?: string;
    verifiedBy?: { userId: string };
  }[];
  statusUpdates: { municipalityId: string; by: { userId: string; basis?: string } }[];
}

const ADMIN = { user: 'U0ADMIN', channel: 'D0ADMIN' };
const MEMBER = { user: 'U0KARIN', channel: 'D0KARIN' };
const OUTSIDER = { user: 'U0EVE', channel: 'D0EVE' };

describe('membership in Slack: a claim waits for approval, and only verified members change a status', () => {
  // each test on a fresh state: each tells its own story, from who has a DM with klikbot on
  const h = useSlackBot({ KLIKBOT_ADMINS: `slack:${ADMIN.user}` }, { each: true });

  const state = async () => (await storedStateAt(h.bot.statePath)) as StoredState;

  /** Writes in a DM and waits for klikbot's answer there. */
  async function dm(who: { user: string; channel: string }, text: string): Promise<SlackCall> {
    const before = h.calls('chat.postMessage').filter((call) => call.args.channel === who.channel).length;
    await h.event(directMessage({ text, ...who }));
    const answers = await h.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === who.channel,
      before + 1,
    );
    return answers[before]!;
  }

  /** A slash command answered through its response_url. */
  async function command(who: { user: string; channel: string }, text: string): Promise<SlackCall> {
    const id = `cmd-${Math.random().toString(36).slice(2)}`;
    expect(
      (
        await h.post(
          slashCommand({ text, userId: who.user, channelId: who.channel, responseUrl: h.fake.responseUrl(id) }),
        )
      ).status,
    ).toBe(200);
    const [answer] = await h.waitFor((call) => call.method === 'response_url' && call.responseId === id);
    return answer!;
  }

  /** The administrator opens a DM with klikbot, where approval cards can reach them. */
  async function adminHasDm(): Promise<void> {
    await dm(ADMIN, 'hjælp');
  }

  /** Karin claims Køge; returns the card it brings the administrator. */
  async function memberClaimsKoege(): Promise<SlackCall> {
    await dm(MEMBER, 'kommune Køge');
    const [card] = await h.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === ADMIN.channel &&
        blockText(call.args.blocks).includes('Køge Kommune'),
    );
    return card!;
  }

  /** The administrator approves the claim on `card` with one click, and Karin is told. */
  async function adminApproves(card: SlackCall): Promise<void> {
    const approve = buttonLabelled(card.args.blocks, /^Godkend$/);
    expect(
      (
        await h.post(
          buttonClick({ actionId: approve.action_id, value: approve.value, user: ADMIN.user, channel: ADMIN.channel }),
        )
      ).status,
    ).toBe(200);
    await h.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === MEMBER.channel &&
        JSON.stringify(call.args).includes('er godkendt'),
    );
  }

  it('refuses the outsider sequence: anyone can claim, nobody unverified can change Vejle, nothing is written', async () => {
    await adminHasDm();
    const claimed = await dm(OUTSIDER, 'vi er Vejle Kommune');
    expect(blockText(claimed.args.blocks)).toMatch(
      /Du har bedt om at høre til Vejle Kommune\. Det skal godkendes .* Jeg har bedt en, der kan godkende, om at tage stilling/,
    );
    const refused = await dm(OUTSIDER, 'BBR trin 4 er fuldført');
    expect(blockText(refused.args.blocks)).toMatch(
      /^Din tilknytning til Vejle Kommune venter på godkendelse.*Intet er ændret\./s,
    );
    const moved = await command(OUTSIDER, 'kommune Odense');
    expect(JSON.stringify(moved.args)).toContain('Du har bedt om at høre til Odense Kommune');
    expect(blockText((await dm(OUTSIDER, 'Odense har fuldført BBR trin 2')).args.blocks)).toMatch(
      /venter på godkendelse/,
    );
    expect((await state()).statusUpdates).toEqual([]);
  });

  it('sends the card to the administrator, who declines with one click; the claimant is told', async () => {
    await adminHasDm();
    const claim = await dm(MEMBER, 'kommune Køge');
    expect(blockText(claim.args.blocks)).toContain('Du har bedt om at høre til Køge Kommune');
    const [card] = await h.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === ADMIN.channel &&
        blockText(call.args.blocks).includes('Køge Kommune'),
    );
    expect(blockText(card!.args.blocks)).toContain('siger, at de hører til Køge Kommune');
    const decline = buttonLabelled(card!.args.blocks, /^Afvis$/);
    expect(
      (
        await h.post(
          buttonClick({ actionId: decline.action_id, value: decline.value, user: ADMIN.user, channel: ADMIN.channel }),
        )
      ).status,
    ).toBe(200);
    const [told] = await h.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === MEMBER.channel &&
        JSON.stringify(call.args).includes('blev afvist'),
    );
    expect(JSON.stringify(told!.args)).toContain('Din tilknytning til Køge Kommune blev afvist');
    expect((await state()).memberships.find((m) => m.userId === MEMBER.user)).toBeUndefined();
  });

  it('approves with one click; the claimant is told and can then change only their own municipality, recorded with how they were verified', async () => {
    await adminHasDm();
    const card = await memberClaimsKoege();
    // the claimant pressing their own approval is refused
    const approve = buttonLabelled(card.args.blocks, /^Godkend$/);
    await h.post(
      buttonClick({ actionId: approve.action_id, value: approve.value, user: MEMBER.user, channel: MEMBER.channel }),
    );
    expect((await state()).memberships.find((m) => m.userId === MEMBER.user)?.state).toBe('pending');
    expect(
      (
        await h.post(
          buttonClick({ actionId: approve.action_id, value: approve.value, user: ADMIN.user, channel: ADMIN.channel }),
        )
      ).status,
    ).toBe(200);
    const [told] = await h.waitFor(
      (call) =>
        call.method === 'chat.postMessage' &&
        call.args.channel === MEMBER.channel &&
        JSON.stringify(call.args).includes('er godkendt'),
    );
    expect(JSON.stringify(told!.args)).toContain('Din tilknytning til Køge Kommune er godkendt');
    expect((await state()).memberships.find((m) => m.userId === MEMBER.user)).toMatchObject({
      state: 'verified',
      basis: 'approval',
      verifiedBy: { userId: ADMIN.user },
    });

    const done = await dm(MEMBER, 'BBR trin 3 er fuldført');
    expect(blockText(done.args.blocks)).toContain('er nu fuldført for Køge Kommune');
    const other = await dm(MEMBER, 'Vejle har fuldført BBR trin 3');
    expect(blockText(other.args.blocks)).toMatch(/^Du hører til Køge Kommune og kan kun ændre status for den/);
    expect((await state()).statusUpdates).toMatchObject([
      { municipalityId: 'koege', by: { userId: MEMBER.user, basis: 'approval' } },
    ]);
  });

  it('lists members and waiting claims with their basis to the administrator, privately', async () => {
    await adminHasDm();
    await adminApproves(await memberClaimsKoege());
    const listed = await command(ADMIN, 'medlemmer Køge');
    const text = JSON.stringify(listed.args);
    expect(text).toContain('Medlemmer af Køge Kommune');
    expect(text).toContain('U0KARIN');
    expect(text).toContain('godkendt af');
    expect(listed.args.response_type).toBe('ephemeral');
    const refused = await command(OUTSIDER, 'medlemmer Køge');
    expect(JSON.stringify(refused.args)).toContain(
      'Kun administratorer og bekræftede medlemmer af Køge Kommune kan se kommunens medlemmer.',
    );
  });

  it('imports a roster from the administrator in chat, verifying a waiting claim; a bad line imports nothing', async () => {
    await dm(OUTSIDER, 'kommune Odense');
    const bad = await dm(ADMIN, 'medlemsliste\nslack:U0EVE,Odense\nikke-en-person,Vejle');
    expect(blockText(bad.args.blocks)).toContain('Medlemslisten er ikke indlæst; intet er ændret.');
    expect((await state()).memberships.find((m) => m.userId === OUTSIDER.user)?.state).toBe('pending');
    const good = await dm(ADMIN, 'medlemsliste\nperson,kommune\nslack:U0EVE,Odense');
    expect(blockText(good.args.blocks)).toContain('Medlemslisten er indlæst: 1 linjer; 1 medlemskaber er bekræftet.');
    expect((await state()).memberships.find((m) => m.userId === OUTSIDER.user)).toMatchObject({
      state: 'verified',
      basis: 'roster',
      municipalityId: 'odense',
    });
    const notAdmin = await dm(OUTSIDER, 'medlemsliste\nslack:U0EVE,Vejle');
    expect(blockText(notAdmin.args.blocks)).toContain(
      'Kun en administrator kan indlæse medlemslisten. Intet er ændret.',
    );
  });
});

describe('membership in Slack: verified by the email domain Slack tells', () => {
  const h = useSlackBot({ KLIKBOT_DATA: knowledgeWithDomains({ vejle: ['vejle.example.org'] }) });

  it("verifies a claim whose users.info email is in the municipality's domain, and no other", async () => {
    h.fake.plan('users.info', {
      body: {
        ok: true,
        user: {
          id: 'U0LISE',
          team_id: 'T0KOMBIT',
          is_email_confirmed: true,
          profile: { email: 'Lise@Vejle.example.org' },
        },
      },
    });
    await h.event(directMessage({ text: 'kommune Vejle', user: 'U0LISE', channel: 'D0LISE' }));
    const [verified] = await h.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'D0LISE');
    expect(blockText(verified!.args.blocks)).toContain(
      'Du hører nu til Vejle Kommune (bekræftet af din mailadresse hos vejle.example.org).',
    );
    expect(h.calls('users.info').map((call) => call.args.user)).toEqual(['U0LISE']);

    // the same domain claiming another municipality waits for approval
    h.fake.plan('users.info', {
      body: {
        ok: true,
        user: {
          id: 'U0OLE',
          team_id: 'T0KOMBIT',
          is_email_confirmed: true,
          profile: { email: 'ole@vejle.example.org' },
        },
      },
    });
    await h.event(directMessage({ text: 'kommune Odense', user: 'U0OLE', channel: 'D0OLE' }));
    const [waiting] = await h.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'D0OLE');
    expect(blockText(waiting!.args.blocks)).toContain('Du har bedt om at høre til Odense Kommune');
    // an address Slack has not confirmed, or of a guest from another workspace, verifies nothing
    h.fake.plan('users.info', {
      body: {
        ok: true,
        user: {
          id: 'U0GUEST',
          team_id: 'T0OTHER',
          is_email_confirmed: true,
          profile: { email: 'guest@vejle.example.org' },
        },
      },
    });
    await h.event(directMessage({ text: 'kommune Vejle', user: 'U0GUEST', channel: 'D0GUEST' }));
    const [guest] = await h.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'D0GUEST');
    expect(blockText(guest!.args.blocks)).toContain('Du har bedt om at høre til Vejle Kommune');
    h.fake.plan('users.info', {
      body: {
        ok: true,
        user: {
          id: 'U0NEW',
          team_id: 'T0KOMBIT',
          is_email_confirmed: false,
          profile: { email: 'new@vejle.example.org' },
        },
      },
    });
    await h.event(directMessage({ text: 'kommune Vejle', user: 'U0NEW', channel: 'D0NEW' }));
    const [unconfirmed] = await h.waitFor(
      (call) => call.method === 'chat.postMessage' && call.args.channel === 'D0NEW',
    );
    expect(blockText(unconfirmed!.args.blocks)).toContain('Du har bedt om at høre til Vejle Kommune');
    // Slack failing the lookup is no verification, and no error
    h.fake.plan('users.info', { status: 500, body: {} });
    await h.event(directMessage({ text: 'kommune Vejle', user: 'U0PER', channel: 'D0PER' }));
    const [unknown] = await h.waitFor((call) => call.method === 'chat.postMessage' && call.args.channel === 'D0PER');
    expect(blockText(unknown!.args.blocks)).toContain('Du har bedt om at høre til Vejle Kommune');
    const stored = (await storedStateAt(h.bot.statePath)) as {
      memberships: { userId: string; state: string; basis?: string; emailDomain?: string }[];
    };
    expect(stored.memberships.find((m) => m.userId === 'U0LISE')).toMatchObject({
      state: 'verified',
      basis: 'email-domain',
      emailDomain: 'vejle.example.org',
    });
    expect(JSON.stringify(stored).toLowerCase()).not.toContain('lise@');
  });
});
