import type { WebClient } from '@slack/web-api';
import type { Reply, ReplyFile } from '../../core/types.js';
import { toSlackMessage } from './render-blocks.js';

type WithFile = Reply & { file: ReplyFile };

/**
 * Uploads the reply's file to the person's DM with klikbot (conversations.open, then Slack's
 * external upload), with the reply's sentence as its comment. A file cannot be ephemeral, and
 * in a channel everyone would see it: an export is the asker's alone.
 */
async function uploadToDm(client: WebClient, userId: string, reply: WithFile): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) throw new Error('conversations.open named no DM channel');
  await client.filesUploadV2({
    channel_id: channel,
    file: Buffer.from(reply.file.content, 'utf8'),
    filename: reply.file.name,
    title: reply.file.name,
    initial_comment: toSlackMessage(reply).text,
  });
}

/**
 * Sends the replies that carry a file to the person's DM, one upload each, and hands back the
 * rest, with the sentence to leave where they asked when that is not the DM itself.
 */
export async function deliverFiles(
  replies: Reply[],
  userId: string,
  client: WebClient,
  askedInDm: boolean,
): Promise<{ rest: Reply[]; note?: string }> {
  const rest: Reply[] = [];
  let note: string | undefined;
  for (const reply of replies) {
    if (!reply.file) {
      rest.push(reply);
      continue;
    }
    await uploadToDm(client, userId, reply as WithFile);
    if (!askedInDm) note ??= reply.private?.note;
  }
  return note === undefined ? { rest } : { rest, note };
}
