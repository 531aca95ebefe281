import { expect } from 'vitest';
import type { SlackCall } from './slack-fake.js';

/** A file klikbot shared in Slack: the conversation, the file's name, the comment it came with, its bytes. */
export interface SlackUpload {
  channel: string;
  name: string;
  comment: string;
  content: string;
}

/** The `files` argument of files.completeUploadExternal (sent as JSON text in a form). */
function sharedFiles(call: SlackCall): { id: string }[] {
  const files = call.args.files;
  return (typeof files === 'string' ? JSON.parse(files) : files) as { id: string }[];
}

/**
 * The files uploaded among `calls`, as Slack's external upload goes: files.getUploadURLExternal
 * names the file and gives an address, the bytes are posted there (`file_upload`, by file id),
 * and files.completeUploadExternal shares the files by id in one conversation, with a comment.
 */
export function uploadsIn(calls: SlackCall[]): SlackUpload[] {
  const files = new Map<string, { name: string; content: string }>();
  let asked: SlackCall | undefined;
  for (const call of calls) {
    if (call.method === 'files.getUploadURLExternal') asked = call;
    if (call.method === 'file_upload')
      files.set(String(call.args.file_id), { name: String(asked?.args.filename), content: String(call.args.content) });
  }
  return calls
    .filter((call) => call.method === 'files.completeUploadExternal')
    .flatMap((completed) =>
      sharedFiles(completed).map(({ id }) => ({
        channel: String(completed.args.channel_id),
        name: files.get(id)?.name ?? '',
        comment: String(completed.args.initial_comment),
        content: files.get(id)?.content ?? '',
      })),
    );
}

/** A person's DM with klikbot: the fake Slack opens D0PETER for U0PETER. */
const dmOf = (user: string): string => `D${user.slice(1)}`;

/** Whether a message only `user` sees in `channel`: ephemeral under their request, or posted ephemeral for them. */
function seenOnlyBy(user: string, channel: string, call: SlackCall | undefined): boolean {
  if (call?.method === 'chat.postEphemeral') return call.args.user === user && call.args.channel === channel;
  return call?.method === 'response_url' && call.args.response_type === 'ephemeral';
}

/**
 * The one file an export brought `user`, asking in `channel`, from the calls klikbot made for it:
 * their DM opened, the file uploaded and shared there, then `note` in `channel`, seen by them alone;
 * nothing else.
 */
export function exportedTo(calls: SlackCall[], asked: { user: string; channel: string; note: string }): SlackUpload {
  const { user, channel, note } = asked;
  const told = calls.at(-1);
  expect(calls.map((call) => call.method)).toEqual([
    'conversations.open',
    'files.getUploadURLExternal',
    'file_upload',
    'files.completeUploadExternal',
    told?.method,
  ]);
  expect([calls[0]?.args.users, seenOnlyBy(user, channel, told), told?.args.text]).toEqual([user, true, note]);
  const uploads = uploadsIn(calls);
  expect(uploads.map((file) => file.channel)).toEqual([dmOf(user)]);
  return uploads[0]!;
}
