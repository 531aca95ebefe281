import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, KlikbotError } from '../../src/errors.js';
import { tempPathFor } from '../../src/state/durable-file.js';
import type { StoredConversation } from '../../src/state/schema.js';
import { journalPathFor } from '../../src/state/file-store.js';
import { openStore } from '../../src/state/store.js';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-store-'));
  file = path.join(dir, 'nested', 'state', 'klikbot.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function conversation(id: string): StoredConversation {
  return {
    channel: 'teams',
    conversationId: id,
    reference: { conversation: { id }, serviceUrl: 'https://smba.example/' },
    isGroup: false,
    firstSeen: '2018-09-06T10:00:00.000+02:00',
    lastSeen: '2018-09-06T10:00:00.000+02:00',
  };
}

function vote(voter: string) {
  return { pollId: '00000000-0000-4000-8000-000000000001', voter, choices: ['a'], at: '2018-09-06T10:00:00.000+02:00' };
}

async function openError(at: string): Promise<KlikbotError> {
  const error: unknown = await openStore(at).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KlikbotError);
  return error as KlikbotError;
}

describe('openStore', () => {
  it('creates the folder and an empty document when the file is missing', async () => {
    const store = await openStore(file);
    const empty = {
      version: 1,
      conversations: [],
      memberships: [],
      roster: [],
      statusUpdates: [],
      conversationLinks: [],
      reminderSubscriptions: [],
      reminderSnoozes: [],
      polls: [],
      votes: [],
      evaluations: [],
      evaluationAnswers: [],
      evaluationResponders: [],
      meetingSessions: [],
      meetingReminders: [],
      dashboardLinks: [],
      expertConversations: [],
      kombitQuestions: [],
      learnedAnswers: [],
      broadcasts: [],
    };
    expect(store.read()).toEqual(empty);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ ...empty, journalSeq: 0 });
  });

  it('keeps updates across a reopen', async () => {
    const first = await openStore(file);
    await first.update((draft) => {
      draft.conversations.push(conversation('a'), conversation('b'));
    });
    const reopened = await openStore(file);
    expect(reopened.read().conversations.map((c) => c.conversationId)).toEqual(['a', 'b']);
    expect(reopened.read()).toEqual(first.read());
  });

  it('loads a file written before a collection existed, defaulting it to empty', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, '{"version":1}');
    const store = await openStore(file);
    expect(store.read().conversations).toEqual([]);
  });

  const damaged: [string, string, RegExp][] = [
    ['garbage bytes', '\u0000\u00ff\u00fe not json at all', /not valid JSON/],
    ['truncated JSON', '{"version":1,"conversations":[{"channel":"te', /not valid JSON/],
    ['an empty file', '', /not valid JSON/],
    [
      'a field of the wrong type',
      JSON.stringify({ version: 1, conversations: [{ ...conversation('a'), isGroup: 'yes' }] }),
      /conversations\.0\.isGroup: .*boolean/,
    ],
    ['an unknown version', JSON.stringify({ version: 2, conversations: [] }), /version: .*newer klikbot/s],
  ];
  it.each(damaged)('refuses %s with StateCorrupt and leaves the bytes alone', async (_label, content, what) => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content, 'latin1');
    const before = await readFile(file);
    const error = await openError(file);
    expect(error.code).toBe(ErrorCode.StateCorrupt);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(what);
    expect(error.message).toMatch(/backup|move it aside/);
    expect(await readFile(file)).toEqual(before);
  });

  it('refuses a path it cannot read (a folder) with StateUnreadable', async () => {
    await mkdir(file, { recursive: true });
    const error = await openError(file);
    expect(error.code).toBe(ErrorCode.StateUnreadable);
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/EISDIR/);
    expect(error.message).toMatch(/KLIKBOT_DB/);
  });
});

describe('Store.update', () => {
  it('returns the mutator result once the change is on disk', async () => {
    const store = await openStore(file);
    const count = await store.update((draft) => draft.conversations.push(conversation('a')));
    expect(count).toBe(1);
    expect((await openStore(file)).read()).toMatchObject({ conversations: [{ conversationId: 'a' }] });
  });

  it('rejects a change that breaks the schema, keeping memory and file as they were', async () => {
    const store = await openStore(file);
    await store.update((draft) => void draft.conversations.push(conversation('a')));
    const bytes = await readFile(file);
    const snapshot = structuredClone(store.read());
    const wrongType = store.update((draft) => {
      (draft.conversations[0] as { isGroup: unknown }).isGroup = 'no';
    });
    const duplicate = store.update((draft) => void draft.conversations.push(conversation('a')));
    const errors = await Promise.all(
      [wrongType, duplicate].map((p) =>
        p.then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );
    expect(errors).toMatchObject([{ code: ErrorCode.StateWriteFailed }, { code: ErrorCode.StateWriteFailed }]);
    expect((errors[0] as Error).message).toMatch(/conversations\.0\.isGroup: .*boolean/);
    expect((errors[1] as Error).message).toMatch(/conversations\.1: duplicate conversation teams\/a/);
    expect(store.read()).toEqual(snapshot);
    expect(await readFile(file)).toEqual(bytes);
  });

  it("passes a mutator's own error through and drops its partial edits", async () => {
    const store = await openStore(file);
    const attempt = store.update((draft) => {
      draft.conversations.push(conversation('a'));
      throw new RangeError('no such municipality');
    });
    await expect(attempt).rejects.toThrow(RangeError);
    expect(store.read().conversations).toEqual([]);
  });

  it('reports a failed write as StateWriteFailed with the cause, memory and file unchanged', async () => {
    const store = await openStore(file);
    const bytes = await readFile(file);
    await mkdir(tempPathFor(file)); // the temporary file cannot be created
    // a vote is written into the whole document (the journal's order would tell who voted when)
    const attempt = store.update((draft) => {
      draft.conversations.push(conversation('a'));
      draft.votes.push(vote('v-a'));
    });
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.StateWriteFailed, cause: { code: 'EISDIR' } });
    expect(store.read().conversations).toEqual([]);
    expect(await readFile(file)).toEqual(bytes);
    await rm(tempPathFor(file), { recursive: true });
    await store.update((draft) => void draft.conversations.push(conversation('b')));
    expect((await openStore(file)).read().conversations.map((c) => c.conversationId)).toEqual(['b']);
  });

  it('hands out a frozen state', async () => {
    const store = await openStore(file);
    await store.update((draft) => void draft.conversations.push(conversation('a')));
    expect(() => (store.read().conversations as StoredConversation[]).pop()).toThrow(TypeError);
  });

  it('keeps all of 500 concurrent updates, and each caller gets its own result', async () => {
    const store = await openStore(file);
    const results = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        store.update((draft) => {
          draft.conversations.push(conversation(`c${i}`));
          return draft.conversations.length;
        }),
      ),
    );
    expect(results).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const reopened = await openStore(file);
    expect(reopened.read().conversations.map((c) => c.conversationId)).toEqual(results.map((n) => `c${n - 1}`));
  });

  it('fails only the update that throws or breaks the schema among concurrent ones', async () => {
    const store = await openStore(file);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        store.update((draft) => {
          if (i === 7) throw new Error('refused');
          draft.conversations.push(conversation(i === 19 ? '' : `c${i}`));
        }),
      ),
    );
    const rejected = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [i] : []));
    expect(rejected).toEqual([7, 19]);
    expect(outcomes[19]).toMatchObject({ reason: { code: ErrorCode.StateWriteFailed } });
    const kept = Array.from({ length: 30 }, (_, i) => i).filter((i) => i !== 7 && i !== 19);
    const reopened = await openStore(file);
    expect(reopened.read().conversations.map((c) => c.conversationId)).toEqual(kept.map((i) => `c${i}`));
  });
});

describe('the journal of changes', () => {
  const lines = async () => (await readFile(journalPathFor(file), 'utf8')).split('\n').filter(Boolean);

  it('writes a change as one journal line, not the whole document, and folds the journal in at the next start', async () => {
    const store = await openStore(file);
    const document = await readFile(file);
    await store.update((draft) => void draft.conversations.push(conversation('a')));
    await store.update((draft) => void draft.conversations.push(conversation('b')));
    expect(await readFile(file)).toEqual(document);
    expect(await lines()).toHaveLength(2);
    const reopened = await openStore(file);
    expect(reopened.read().conversations.map((c) => c.conversationId)).toEqual(['a', 'b']);
    expect(await lines()).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ journalSeq: 2, conversations: [{}, {}] });
  });

  it('keeps votes out of the journal: their order there would tell who voted when', async () => {
    const store = await openStore(file);
    await store.update((draft) => void draft.conversations.push(conversation('a')));
    await store.update((draft) => void draft.votes.push(vote('hash-1')));
    expect(await lines()).toEqual([]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      conversations: [{}],
      votes: [{ voter: 'hash-1' }],
    });
    expect((await openStore(file)).read().votes).toHaveLength(1);
  });

  it('keeps the journal in step with a document written whole for a vote: removed, voted, changed, reopened', async () => {
    const store = await openStore(file);
    await store.update((draft) => void draft.conversations.push(...['a', 'b', 'c', 'd'].map(conversation)));
    await store.update((draft) => void draft.conversations.splice(1, 1));
    await store.update((draft) => void draft.votes.push(vote('hash-1')));
    await store.update((draft) => {
      draft.conversations[1]!.lastSeen = '2018-09-07T10:00:00.000+02:00';
    });
    await store.update((draft) => void draft.conversations.splice(1, 0, conversation('b2')));
    const reopened = (await openStore(file)).read();
    expect(reopened.conversations.map((c) => c.conversationId)).toEqual(['a', 'b2', 'c', 'd']);
    expect(reopened.conversations[2]!.lastSeen).toBe('2018-09-07T10:00:00.000+02:00');
    expect(reopened).toEqual(store.read());
  });

  it('drops a last line the process did not finish, and refuses a damaged line before it', async () => {
    const store = await openStore(file);
    await store.update((draft) => void draft.conversations.push(conversation('a')));
    await appendFile(journalPathFor(file), '{"seq":2,"changes":[[{"c":"conv');
    expect((await openStore(file)).read().conversations).toHaveLength(1);
    const again = await openStore(file);
    await again.update((draft) => void draft.conversations.push(conversation('b')));
    await writeFile(journalPathFor(file), `not json\n${await readFile(journalPathFor(file), 'utf8')}`);
    const error = await openError(file);
    expect(error.code).toBe(ErrorCode.StateCorrupt);
    expect(error.message).toMatch(/journal .* line 1: it is not JSON/);
  });

  it('skips lines the document already holds (a start stopped before emptying the journal)', async () => {
    const store = await openStore(file);
    await store.update((draft) => void draft.conversations.push(conversation('a')));
    const journal = await readFile(journalPathFor(file), 'utf8');
    await openStore(file); // folds the line in and empties the journal
    await writeFile(journalPathFor(file), journal); // as if the emptying never happened
    expect((await openStore(file)).read().conversations.map((c) => c.conversationId)).toEqual(['a']);
  });

  it('refuses a journal line that would break the layout, naming the line', async () => {
    await openStore(file);
    await writeFile(
      journalPathFor(file),
      `${JSON.stringify({ seq: 1, changes: [[{ c: 'conversations', del: [], put: [[1, { channel: 'teams' }]] }]] })}\n`,
    );
    const error = await openError(file);
    expect(error.code).toBe(ErrorCode.StateCorrupt);
    expect(error.message).toMatch(/line 1: [\s\S]*conversations\.0\.conversationId/);
  });
});
