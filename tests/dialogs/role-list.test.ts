import { roleList } from '../../dialogs/answers/role-list.js';
import { role } from '../../dialogs/answers/role.js';
import { describe, expect, it } from 'vitest';
import { rolesOfSupportSystem } from '../../src/knowledge/queries.js';
import { card, context, knowledge, plain } from './dialog-kit.js';

describe('role lists', () => {
  it('lists the technical roles of the May 2018 list and says it was not complete', () => {
    const reply = card(roleList(context(), { category: 'technical' }));
    expect(reply.text.split('\n')[0]).toBe('Rollegalleriets liste fra maj 2018 har **12 tekniske roller**:');
    expect(reply.list).toContain('Rolleadministrator (STS)');
    expect(reply.list).toContain('FK-administrator (SP)');
    expect(reply.text).toContain('Listen fra maj 2018 var ikke udtømmende.');
    expect(reply.text).toContain('er et udkast');
  });

  it('shows how the May 2018 list wrote a role where it wrote it otherwise, not a slip of the pen', () => {
    const technical = card(roleList(context(), { category: 'technical' })).list ?? [];
    expect(technical).toContain('Sikkerhedsansvarlig (i maj: It-sikkerhedsansvarlig)');
    expect(technical).toContain('Leverandøradministrator (STS) (kommunen er egen leverandør/egen IdP)');
    // the slide's "Rolleadministator (STS)" is the name misspelt
    expect(technical).toContain('Rolleadministrator (STS)');
    expect(card(roleList(context(), { category: 'organisational' })).list).toContain(
      'Faglige leder (i maj: Faglige chef)',
    );
  });

  it('counts the organisational and project roles', () => {
    expect(card(roleList(context(), { category: 'organisational' })).list).toHaveLength(6);
    expect(card(roleList(context(), { category: 'project' })).list).toEqual([
      'Projektejer',
      'Projektleder',
      'KOMBIT-programleder',
      'STS-projektleder',
    ]);
  });

  it('lists the roles of a phase from the September draft, with the area where it can be read', () => {
    const reply = card(roleList(context(), { phase: 'operations' }));
    expect(reply.text.split('\n')[0]).toMatch(
      /^Rollegalleriets udkast fra september 2018 har \*\*\d+ roller\*\* i drift og forvaltning:/,
    );
    expect(reply.list).toContain('KOMBIT-SPOC');
    expect(reply.list).toContain('Superbruger (Kerneopgaver og brugerne på fagområdet)');
    expect(reply.list?.some((line) => line.startsWith('Projektleder'))).toBe(false);
    expect(reply.source).toBe('Kilde: Rollegalleriet, udkast september 2018');
  });

  it('combines category and phase', () => {
    expect(card(roleList(context(), { category: 'project', phase: 'operations' })).text).toBe(
      'Rollegalleriet har ingen projekt- og programroller i drift og forvaltning.',
    );
  });

  it('gives the three kinds without arguments', () => {
    const list = card(roleList(context(), {})).list ?? [];
    expect(list.map((line) => line.split(':')[0])).toEqual([
      '6 organisatoriske roller',
      '4 projekt- og programroller',
      '12 tekniske roller',
    ]);
    expect(list[0]).toContain('Superbruger');
    expect(list[1]).toContain('KOMBIT-programleder');
  });

  it('says what the gallery is and, asked about it, what its own slides say beside the lists of roles', () => {
    const reply = card(roleList(context(), { gallery: 'true' }));
    expect(reply.text.split('\n')[0]).toContain('Rollegalleriet er KOMBITs oversigt over de roller');
    // the May themes, the draft's areas, the municipalities' input and the way ahead
    for (const said of [
      'Gevinster og værdier',
      'Tværgående / Systemspecifikke',
      'Albertslund, Hillerød og Køge Kommune hjælper med at udarbejde Rollegalleriet',
      'Sikkerhed (GDPR/It-sikkerhed)',
    ])
      expect(reply.text).toContain(said);
    // (the slides' lists of roles are the three kinds above, not repeated)
    expect(reply.text).not.toContain('Implementering: Faglige leder');
    // (a question the slide only poses is no information)
    expect(reply.text).not.toContain('Hvornår er Rollegalleriet så klar?');
    const english = card(roleList(context('2018-09-06T10:00:00+02:00', 'en'), { gallery: 'true' }));
    expect(english.text).toContain("The role gallery (Rollegalleriet) is KOMBIT's overview");
    expect(english.text).toContain('Benefits and values (_Gevinster og værdier_)');
    // which roles there are is the roles, not the gallery's slides
    const roles = card(roleList(context(), {}));
    expect(roles.text).toContain('Rollegalleriet er KOMBITs oversigt');
    expect(roles.text).not.toContain('Albertslund');
  });

  it('answers in English and says the gallery is a draft', () => {
    const reply = card(roleList(context('2018-09-06T10:00:00+02:00', 'en'), { category: 'technical' }));
    expect(reply.text).toContain("The role gallery's May 2018 list has **12 technical roles**:");
    expect(reply.text).toContain('The September 2018 role gallery is a draft');
  });

  it('says plainly when it does not know the group', () => {
    expect(plain(roleList(context(), { category: 'strategic' }))).toBe('Den rollegruppe kender jeg ikke.');
  });
});

describe('one role', () => {
  it('says the phase a role stands in even where the draft hides its area', () => {
    const [reply] = role(context(), { roleId: 'kombit-spoc' });
    expect(reply?.source).toBe('Kilde: Rollegalleriet, udkast september 2018');
    expect(reply?.text).toContain(
      'I udkastet fra september 2018 står den i drift og forvaltning (området kan ikke aflæses).',
    );
  });

  it('lists the points of a slide whose title names the role, and no other slide', () => {
    const [reply] = role(context(), { roleId: 'sts-projektleder' });
    expect(reply?.text).toContain('Sliden »STS projektlederen bliver SPOC for leverandørerne og forretningen« nævner:');
    expect(reply?.text).toContain('- Forretningen: Hjælpe med adgang til kommunens IdP');
    // the slide relates the systemansvarlig too, but its title does not name that role
    expect(role(context(), { roleId: 'systemansvarlig' })[0]?.text ?? '').not.toContain('Sliden »');
  });
});

describe('the roles of one support system', () => {
  it('are those its tasks and deadlines are about, and those named after it', () => {
    const ids = (supportSystemId: string) =>
      rolesOfSupportSystem(knowledge, supportSystemId).map(({ role }) => role.id);
    expect(ids('fordelingskomponenten')).toEqual(['fk-ansvarlig', 'fk-administrator']);
    expect(ids('beskedfordeler')).toEqual(['aftaleadministrator']);
    expect(ids('organisation')).toEqual(['organisationsadministrator']);
    expect(ids('oeir')).toEqual(['oeir-administrator']);
    expect(ids('adgangsstyring')).toEqual([]);
  });

  it('are listed with the task that ties each', () => {
    const reply = card(roleList(context(), { supportSystemId: 'fordelingskomponenten' }));
    expect(reply.text.split('\n')[0]).toBe('Materialet knytter **2 roller** til Fordelingskomponenten:');
    expect(reply.list).toEqual([
      'FK-ansvarlig (SP): »Udpeg FK-ADM og FK-ANSV«',
      'FK-administrator (SP): »Udpeg FK-ADM og FK-ANSV«',
    ]);
    const english = card(roleList(context('2018-09-06T10:00:00+02:00', 'en'), { supportSystemId: 'oeir' }));
    expect(english.text.split('\n')[0]).toBe('The material ties **1 role** to ØiR:');
  });

  it('give way to the role gallery where the material ties none to the system', () => {
    expect(card(roleList(context(), { supportSystemId: 'adgangsstyring' })).text).toContain(
      'Rollegalleriet fra maj 2018',
    );
  });
});
