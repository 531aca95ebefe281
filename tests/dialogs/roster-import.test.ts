import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../dialogs/membership/roster-import.js';
import { knowledge } from './dialog-kit.js';

describe('reading a roster', () => {
  it('reads commas, semicolons and tabs; a header only when its first cell is a header word', () => {
    expect(
      parseRoster(knowledge, 'person,kommune\nslack:U0METTE,Aarhus\nteams:aad-jens;Køge Kommune\nlise@vejle.dk\tVejle'),
    ).toEqual({
      ok: true,
      lines: [
        { person: 'slack:U0METTE', municipalityId: 'aarhus' },
        { person: 'teams:aad-jens', municipalityId: 'koege' },
        { person: 'email:lise@vejle.dk', municipalityId: 'vejle' },
      ],
    });
    // a first line that is a person is a person, whatever word it starts with
    for (const first of ['email:anne@aarhus.dk,Aarhus', 'user@aarhus.dk,Aarhus', 'person.x@aarhus.dk,Aarhus']) {
      const read = parseRoster(knowledge, first);
      expect(read.ok && read.lines, first).toHaveLength(1);
    }
  });

  it('keeps prefixes and addresses in one case, and unwraps an address as Slack sends it', () => {
    expect(
      parseRoster(knowledge, 'Email:Anne@X.DK,Aarhus\nSLACK:u0abc,Odense\n<mailto:Bo@Vejle.dk|Bo@Vejle.dk>,Vejle'),
    ).toEqual({
      ok: true,
      lines: [
        { person: 'email:anne@x.dk', municipalityId: 'aarhus' },
        { person: 'slack:U0ABC', municipalityId: 'odense' },
        { person: 'email:bo@vejle.dk', municipalityId: 'vejle' },
      ],
    });
  });

  it('refuses ids a client chooses, a mention, an unknown municipality and one person listed for two, naming each line', () => {
    const read = parseRoster(
      knowledge,
      'web:someone,Aarhus\nslack:<@U0ABC>,Aarhus\nslack:U0ABC,Gotham\nslack:U0BO,Aarhus\nslack:U0BO,Odense',
    );
    expect(read).toEqual({
      ok: false,
      problems: [
        '1: "web:someone" is no person (slack:U…, teams:<Entra object id>, or an email address)',
        '2: "slack:<@U0AB…" is no person (slack:U…, teams:<Entra object id>, or an email address)',
        '3: "Gotham" is no municipality',
        '5: slack:U0BO is listed for two municipalities',
      ],
    });
  });
});
