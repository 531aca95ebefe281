import type { ReplyFile } from '../../core/types.js';

/** Teams' card asking a person to accept a file into their OneDrive (bots send files only this way). */
export const FILE_CONSENT_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.consent';
/** Teams' card for a file in the person's OneDrive, sent once it is uploaded. */
export const FILE_INFO_CONTENT_TYPE = 'application/vnd.microsoft.teams.card.file.info';

/** An attachment klikbot sends: a card (`content`) or a file inline (`contentUrl`). */
export interface OutgoingAttachment {
  contentType: string;
  name?: string;
  contentUrl?: string;
  content?: Record<string, unknown>;
}

/**
 * How a reply's file goes out: the channel it goes to (`msteams`, `webchat`, `emulator`) and,
 * for Teams, the sealed token that makes the file again when the person accepts it.
 */
export interface FileRendering {
  channelId: string;
  seal?: (file: ReplyFile) => string;
}

/**
 * A file as the channel takes it. Teams: a consent card; the file is made and uploaded only
 * once the person accepts, from the sealed `again` (the accept context comes back in the
 * `fileConsent/invoke`). The web chat and the Emulator: the file itself, as a data URL to save.
 */
export function fileAttachment(file: ReplyFile, rendering: FileRendering): OutgoingAttachment {
  const { channelId } = rendering;
  const bytes = Buffer.from(file.content, 'utf8');
  if (channelId !== 'msteams')
    return {
      contentType: file.mediaType,
      name: file.name,
      contentUrl: `data:${file.mediaType};base64,${bytes.toString('base64')}`,
    };
  return {
    contentType: FILE_CONSENT_CONTENT_TYPE,
    name: file.name,
    content: {
      description: file.name,
      sizeInBytes: bytes.length,
      acceptContext: { sealed: rendering.seal?.(file) },
      declineContext: {},
    },
  };
}
