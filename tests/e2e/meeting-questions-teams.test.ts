import { describe, expect, it } from 'vitest';
import { postAndCollect, useBotAndConnector } from '../support/bot-and-connector.js';
import type { ConnectorRequest } from '../support/connector-fake.js';
import { channelData, conversations, mentioning, teamsActivity } from '../support/teams-activities.js';

/** What a message klikbot sent says: its text, or its card's text blocks. */
function said(request: ConnectorRequest | undefined): string {
  const content = request?.body.attachments?.[0]?.content;
  return request?.body.text ?? (content?.body ?? []).map((element) => element.text ?? '').join('\n');
}

const peter = { from: { id: '29:peter', name: 'Peter Hansen', aadObjectId: 'aad-peter' } };
const inChannel = { conversation: conversations.channel, channelData };

describe('a participant’s questions during a meeting in a Teams channel', () => {
  const h = useBotAndConnector({ KLIKBOT_NOW: '2018-09-06T11:55:00+02:00' });

  const post = (activity: Record<string, unknown>, expected = 1): Promise<ConnectorRequest[]> =>
    postAndCollect(h, teamsActivity(h.connector.url, { ...inChannel, ...activity }), expected);

  it('gets one line each, about the meeting running here, not the agenda or the national status', async () => {
    const [practical] = await post(mentioning('start møde'), 3);
    expect(said(practical)).toContain('Det praktiske');
    const [presenter] = await post({ ...peter, ...mentioning('hvem præsenterer?') });
    expect(said(presenter)).toBe(
      'Programmet nævner ingen oplægsholder for punktet »Evaluering og tak for denne gang«.',
    );
    const [next] = await post({ ...peter, ...mentioning('hvad er næste punkt?') });
    expect(said(next)).toBe('Vi er ved sidste punkt: Evaluering og tak for denne gang.');
    const [before] = await post({ ...peter, ...mentioning('hvor mange har svaret?') });
    expect(said(before)).toBe('Evalueringen er ikke startet endnu; den kommer ved sidste punkt.');
    await post(mentioning('start evaluering'));
    const [answered] = await post({ ...peter, ...mentioning('hvor mange har svaret på evalueringen?') });
    expect(said(answered)).toBe('0 har svaret på evalueringen indtil nu.');
  });
});
