import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { moveState } from '../../src/state/postgres/move-state.js';
import { openPostgresStore } from '../../src/state/postgres/postgres-store.js';
import { openStore } from '../../src/state/store.js';
import { loadVoteKey } from '../../src/state/vote-key.js';
import { freshDatabase, hasPostgres } from '../support/postgres.js';

const folders: string[] = [];
afterAll(async () => {
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })));
});

const at = '2018-09-06T10:00:00.000+02:00';
const by = { channel: 'teams', userId: 'aad-mette', name: 'Mette' };

/** A state file with a few of everything, part of it still in the journal, and its vote key. */
async function filledStateFile(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'klikbot-move-'));
  folders.push(dir);
  const statePath = path.join(dir, 'klikbot.json');
  const store = await openStore(statePath);
  await loadVoteKey(statePath);
  await store.update((draft) => {
    draft.conversations.push({
      channel: 'msteams',
      conversationId: '19:a',
      reference: {},
      isGroup: true,
      firstSeen: at,
      lastSeen: at,
    });
    draft.votes.push({ pollId: '00000000-0000-4000-8000-000000000001', voter: 'hash', choices: ['a'], at });
  });
  await store.update((draft) => {
    draft.statusUpdates.push({
      id: '00000000-0000-4000-8000-000000000002',
      municipalityId: 'aarhus',
      taskId: 'bbr-adgangsstyring',
      step: 1,
      status: 'done',
      previous: 'not-started',
      by,
      at,
    });
  });
  await store.close();
  return statePath;
}

describe.runIf(hasPostgres)('moving a state file into PostgreSQL', () => {
  it('copies everything with the vote key, checks it, and changes nothing the second time', async () => {
    const statePath = await filledStateFile();
    const url = await freshDatabase();
    const first = await moveState(statePath, url);
    expect(first.outcome).toBe('moved');
    expect(first.counts.statusUpdates).toEqual({ file: 1, database: 1 });
    expect(first.counts.votes).toEqual({ file: 1, database: 1 });
    const store = await openPostgresStore(url, { listen: false });
    expect(store.read().statusUpdates[0]).toMatchObject({ municipalityId: 'aarhus', status: 'done' });
    expect(await store.voteKey()).toEqual(await loadVoteKey(statePath));
    await store.close();
    expect((await moveState(statePath, url)).outcome).toBe('already-there');
  });

  it('refuses a database that holds another state, and leaves it as it was', async () => {
    const url = await freshDatabase();
    const other = await openPostgresStore(url, { listen: false });
    await other.update((draft) => {
      draft.conversations.push({
        channel: 'slack',
        conversationId: 'C1',
        reference: {},
        isGroup: true,
        firstSeen: at,
        lastSeen: at,
      });
    });
    await other.close();
    await expect(moveState(await filledStateFile(), url)).rejects.toMatchObject({
      code: ErrorCode.StateWriteFailed,
      message: expect.stringMatching(/already holds another state/) as unknown,
    });
    const after = await openPostgresStore(url, { listen: false });
    expect(after.read().conversations.map((c) => c.conversationId)).toEqual(['C1']);
    await after.close();
  });
});
