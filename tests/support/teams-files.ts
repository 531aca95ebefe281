import { expect } from 'vitest';
import type { BotAndConnector } from './bot-and-connector.js';
import { postMessages } from './bot-framework.js';
import type { ConnectorRequest } from './connector-fake.js';
import { conversations, teamsActivity } from './teams-activities.js';

/** The file consent card a message carries: Teams' way for a bot to offer a file. */
export interface ConsentCard {
  name: string;
  content: { description: string; sizeInBytes: number; acceptContext: unknown; declineContext: unknown };
}

/** The consent card on a request to the connector (the test fails when there is none). */
export function consentOf(request: ConnectorRequest | undefined): ConsentCard {
  const attachment = request?.body.attachments?.find(
    (one) => one.contentType === 'application/vnd.microsoft.teams.card.file.consent',
  );
  expect(attachment, 'a file consent card').toBeDefined();
  return attachment as unknown as ConsentCard;
}

/** What accepting a consent card caused: the upload and the message that shows the file. */
export interface Accepted {
  upload?: ConnectorRequest;
  shown?: ConnectorRequest;
  status: number;
}

/**
 * `who` accepts the offered file in their 1:1 chat, as Teams sends it: a `fileConsent/invoke`
 * with the card's accept context and where in OneDrive to put the file (`uploadUrl`, by default
 * an address on the fake connector so the upload can be seen).
 */
export async function acceptFile(
  h: BotAndConnector,
  consent: ConsentCard,
  who: Record<string, unknown>,
  uploadUrl = `${h.connector.url}/onedrive/${encodeURIComponent(consent.name)}`,
  expected = 2,
): Promise<Accepted> {
  const before = h.connector.requests.length;
  const activity = teamsActivity(h.connector.url, {
    ...who,
    conversation: conversations.personal,
    type: 'invoke',
    name: 'fileConsent/invoke',
    value: {
      type: 'fileUpload',
      action: 'accept',
      context: consent.content.acceptContext,
      uploadInfo: {
        name: consent.name,
        uploadUrl,
        contentUrl: `https://kombit-my.sharepoint.com/personal/files/${encodeURIComponent(consent.name)}`,
        uniqueId: 'file-unique-1',
        fileType: 'csv',
      },
    },
  });
  const response = await postMessages(h.bot.url, activity);
  if (expected === 0) return { status: response.status };
  const [upload, shown] = (await h.connector.waitFor(before + expected)).slice(before);
  return { upload, shown, status: response.status };
}

/** An export as its person got it: the file's name, the sentence it was offered with, and its bytes. */
export interface ReceivedFile {
  name: string;
  text: string;
  bytes: string;
}

/**
 * An export for `who` (a Teams account, `{ id, name, aadObjectId }`), from what klikbot posted
 * for it: their 1:1 chat made (`POST /v3/conversations`) and the file offered there on a consent
 * card, nothing else; then `who` accepts, the bytes go to the OneDrive address and the file card
 * follows. The fake connector answers the n-th request with the id `sent-n`.
 */
export async function receiveFile(
  h: BotAndConnector,
  who: { id: string },
  [created, offer, ...more]: ConnectorRequest[],
): Promise<ReceivedFile> {
  const chat = `sent-${h.connector.requests.indexOf(created!) + 1}`;
  expect([created?.method, created?.url, offer?.url, more]).toEqual([
    'POST',
    '/v3/conversations',
    `/v3/conversations/${chat}/activities`,
    [],
  ]);
  expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: who.id }] });
  const consent = consentOf(offer);
  const { upload, shown, status } = await acceptFile(h, consent, { from: who });
  expect([status, upload?.method, upload?.url]).toEqual([200, 'PUT', `/onedrive/${encodeURIComponent(consent.name)}`]);
  expect(shown?.body.attachments?.[0]).toMatchObject({
    contentType: 'application/vnd.microsoft.teams.card.file.info',
    name: consent.name,
  });
  return { name: consent.name, text: offer?.body.text ?? '', bytes: upload?.raw ?? '' };
}
