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
