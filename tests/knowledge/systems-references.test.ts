import { describe, expect, it } from 'vitest';
import { loadErrorOf, recordById } from './data-copy.js';

/** The problem lines of the loader's error for a copy with one file changed. */
async function loadBroken(file: string, edit: Parameters<typeof loadErrorOf>[1]): Promise<string[]> {
  const message = await loadErrorOf(file, edit);
  return message
    .split('\n')
    .slice(1)
    .map((line) => line.trim());
}

type Row = { counts: { done: number } };
type Users = { users: { itSystem: string; state: string }[] };

describe('systems cross-references', () => {
  it('names the BBR row that does not sum to the 98 municipalities', async () => {
    const lines = await loadBroken('bbr-status.json', (data) => {
      (recordById(data, 'bbr-trin-3') as Row).counts.done = 27;
    });
    expect(lines).toEqual([
      'bbr-status.json, record "bbr-trin-3", field "counts": notStarted + started + done = 97, but municipalities.json lists 98 municipalities',
    ]);
  });

  it('names a BBR step that the task in tasks.json does not have', async () => {
    const lines = await loadBroken('bbr-status.json', (data) => {
      recordById(data, 'bbr-trin-5').step = 6;
    });
    expect(lines).toEqual([
      'bbr-status.json, record "bbr-trin-5", field "step": task "bbr-adgangsstyring" in tasks.json has no step 6',
    ]);
  });

  it('names an interface user whose IT system is unknown', async () => {
    const lines = await loadBroken('interfaces.json', (data) => {
      (recordById(data, 'sf1511') as Users).users[1]!.itSystem = 'bbx';
    });
    expect(lines).toEqual([
      'interfaces.json, record "sf1511", field "users.1.itSystem": names IT system "bbx", which is not in it-systems.json',
    ]);
  });

  it('rejects an interface state the overview does not use', async () => {
    const lines = await loadBroken('interfaces.json', (data) => {
      (recordById(data, 'sf1514') as Users).users[0]!.state = 'snart';
    });
    expect(lines).toEqual([
      'interfaces.json, record "sf1514", field "users.0.state": must be "gennemført", "i gang", "ny" or a year such as "2019"',
    ]);
  });

  it('names a municipality that is in no SAPA group', async () => {
    const lines = await loadBroken('sapa-rollout.json', (data) => {
      const group = recordById(data, 'sapa-gruppe-1') as { members: string[] };
      group.members = group.members.filter((id) => id !== 'aarhus');
    });
    expect(lines).toEqual([
      'sapa-rollout.json, record "sapa-udrulningsplan", field "members": Aarhus Kommune ("aarhus") is in no group',
    ]);
  });

  it('names a municipality placed in two SAPA groups', async () => {
    const lines = await loadBroken('sapa-rollout.json', (data) => {
      (recordById(data, 'sapa-gruppe-14') as { members: string[] }).members.push('aarhus');
    });
    expect(lines).toEqual([
      'sapa-rollout.json, record "sapa-gruppe-14", field "members.7": "aarhus" is already in group "sapa-gruppe-1"',
    ]);
  });

  it('reports 97 municipalities, and everything that then no longer adds up', async () => {
    const lines = await loadBroken('municipalities.json', (data) => {
      data.records = data.records.filter((record) => record.id !== 'vejen');
    });
    expect(lines).toContain('municipalities.json, field "records": must list all 98 municipalities, lists 97');
    expect(lines).toContain(
      'sapa-rollout.json, record "sapa-gruppe-13", field "members.6": names municipality "vejen", which is not in municipalities.json',
    );
    expect(lines).toContain(
      'bbr-status.json, record "bbr-trin-1", field "counts": notStarted + started + done = 98, but municipalities.json lists 97 municipalities',
    );
  });

  it('refuses a name that two municipalities answer to', async () => {
    const lines = await loadBroken('municipalities.json', (data) => {
      (recordById(data, 'vejen') as { aliases: string[] }).aliases.push('Vejle');
    });
    // vejen comes first in the file, so the clash is reported where the name turns up again
    expect(lines).toEqual([
      'municipalities.json, record "vejle", field "shortName": "Vejle" is also a name of "vejen"',
    ]);
  });

  it('names a pilot municipality that does not exist', async () => {
    const lines = await loadBroken('pilots.json', (data) => {
      recordById(data, 'pilot-odense').municipality = 'odensee';
    });
    expect(lines).toEqual([
      'pilots.json, record "pilot-odense", field "municipality": names municipality "odensee", which is not in municipalities.json',
    ]);
  });

  it('rejects a contact with an invalid mail address', async () => {
    const lines = await loadBroken('contacts.json', (data) => {
      recordById(data, 'trg').email = 'trg(at)kombit.dk';
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^contacts\.json, record "trg", field "email": /);
  });
});
