import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Reply, ReplyFile } from '../../core/types.js';
import { detectLanguage } from '../../understanding/language.js';
import { FILE_INFO_CONTENT_TYPE } from './files.js';
import type { InboundActivity } from './inbound-activity.js';
import { toActivity } from './render-card.js';
import type { TeamsDeps } from './teams-deps.js';
import { toTurn } from './to-turn.js';

/** The invoke Teams sends when a person accepts or declines a file consent card. */
export const FILE_CONSENT_INVOKE = 'fileConsent/invoke';

const consentValue = z.object({
  type: z.literal('fileUpload'),
  action: z.enum(['accept', 'decline']),
  context: z.object({ sealed: z.string().max(8_000) }),
  uploadInfo: z
    .object({
      name: z.string().min(1).max(255),
      uploadUrl: z.string().url(),
      contentUrl: z.string().url(),
      uniqueId: z.string().min(1).max(200),
      fileType: z.string().max(20).optional(),
    })
    .optional(),
});

/** SharePoint's hosts (OneDrive for Business), in the commercial and the sovereign clouds. */
const ONEDRIVE_HOSTS = /\.(sharepoint\.com|sharepoint\.us|sharepoint-mil\.us|sharepoint\.de|sharepoint\.cn)$/;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where klikbot will put a file: the person's OneDrive over HTTPS. In local mode (this machine
 * only, no Teams) also the loopback connector the activity came through, which is how a local
 * stand-in for Teams takes the file. Anything else in an invoke is refused: klikbot must not be
 * made to write to any address.
 */
export function mayUploadTo(uploadUrl: string, serviceUrl: string, localMode: boolean): boolean {
  const target = new URL(uploadUrl);
  if (target.protocol === 'https:' && ONEDRIVE_HOSTS.test(target.hostname)) return true;
  return localMode && LOOPBACK_HOSTS.has(target.hostname) && target.origin === new URL(serviceUrl).origin;
}

/** Puts the file in the person's OneDrive at the address Teams gave, in one piece. */
async function upload(url: string, file: ReplyFile): Promise<void> {
  const bytes = Buffer.from(file.content, 'utf8');
  const response = await fetch(url, {
    method: 'PUT',
    headers: { 'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`, 'content-type': file.mediaType },
    body: bytes,
    signal: AbortSignal.timeout(10_000),
    // the address was checked, not wherever it might send us on to
    redirect: 'error',
  });
  if (!response.ok) throw new Error(`the file upload was answered ${response.status}`);
}

/** The one line for an accepted card that gives no file (another's, expired, no OneDrive address). */
function refusedText(activity: InboundActivity) {
  const language = detectLanguage('', activity.locale);
  const text =
    language === 'en'
      ? 'I cannot give you that file from this card. Please ask for the export again.'
      : 'Den fil kan jeg ikke give dig fra det kort. Bed om udtrækket igen.';
  return { type: 'message', text };
}

const uploadFailed = {
  da: 'Filen kunne ikke lægges i din OneDrive. Prøv at hente den igen om lidt.',
  en: 'The file could not be put in your OneDrive. Please try again shortly.',
};

/**
 * A person accepted (or declined) a file klikbot offered. The file is made again now by the
 * action sealed in the card's context, as that person in the conversation they asked in: the
 * same check of who may have it runs as when it was asked for, nothing of the file rides in
 * the card, and a context sealed for someone else is refused. Declined: nothing more is said
 * (Teams marks the card). A readable invoke is answered 200 either way.
 */
export async function answerFileConsent(
  context: TurnContext,
  activity: InboundActivity,
  deps: TeamsDeps,
): Promise<void> {
  const parsed = consentValue.safeParse(activity.value);
  await context.sendActivity({ type: 'invokeResponse', value: { status: parsed.success ? 200 : 400 } });
  if (!parsed.success || parsed.data.action === 'decline') return;
  const { context: payload, uploadInfo } = parsed.data;
  if (!uploadInfo || !mayUploadTo(uploadInfo.uploadUrl, activity.serviceUrl, deps.localMode === true)) {
    deps.logger.warn({ conversation: activity.conversation.id }, 'refused a file consent without a OneDrive address');
    return void (await context.sendActivity(refusedText(activity)));
  }
  const turn = deps.seal.open(payload.sealed, toTurn(activity, '', deps.clock.now()));
  if (!turn?.action || !deps.core.knowsDialog(turn.action.dialog)) {
    deps.logger.warn({ conversation: activity.conversation.id }, 'refused a file consent sealed for someone else');
    return void (await context.sendActivity(refusedText(activity)));
  }
  const replies = await deps.core.handle(turn);
  const made = replies.find((reply) => reply.file !== undefined);
  // no file now (the poll was deleted, the person may no longer have it): they hear why
  if (!made?.file) return void (await context.sendActivities(replies.map((reply) => toActivity(reply))));
  try {
    await upload(uploadInfo.uploadUrl, made.file);
  } catch (error) {
    deps.logger.error({ err: error, conversation: activity.conversation.id }, 'could not upload a file to OneDrive');
    await context.sendActivity({ type: 'message', text: uploadFailed[detectLanguage(made.text, activity.locale)] });
    return;
  }
  await context.sendActivity(fileInfoMessage(made, uploadInfo));
}

/** The message that shows the uploaded file: the reply's sentence and Teams' file card. */
function fileInfoMessage(
  reply: Reply,
  info: { name: string; contentUrl: string; uniqueId: string; fileType?: string },
) {
  return {
    type: 'message',
    text: reply.text,
    textFormat: 'markdown',
    attachments: [
      {
        contentType: FILE_INFO_CONTENT_TYPE,
        contentUrl: info.contentUrl,
        name: info.name,
        content: { uniqueId: info.uniqueId, fileType: info.fileType ?? 'csv' },
      },
    ],
  };
}
