import { describe, expect, it } from 'vitest';
import { factAnswer } from '../../dialogs/answers/fact-answer.js';
import { card, context } from './dialog-kit.js';

const english = () => context('2018-09-06T10:00:00+02:00', 'en');

describe('a passage quoted to an English question', () => {
  it("gives a slide line's English with the material's Danish words beside it", () => {
    const reply = card(
      factAnswer(english(), { passages: 'strategies/strategi-a/cons.1|strategies/strategi-b/duration.text' }),
    );
    expect(reply.text).toContain('A resource-intensive integration process (_Ressourcekrævende integrationsforløb_)');
    expect(reply.text).toContain(
      'It takes 14 days to get ready with STS ORG GUI (_Det tager 14 dage at blive klar med STS ORG GUI_)',
    );
    // every line has its English, so the answer is not marked as Danish
    expect(reply.text).not.toContain('in Danish');
  });

  it("gives a slide's bullet, a news point and a system's fact its English, with the Danish beside it", () => {
    const compliance = card(factAnswer(english(), { passages: 'strategies/compliance-model/points.0' }));
    expect(compliance.text).toContain('(_KOMBIT godkender at leverandørernes løsning er compliance_)');
    expect(compliance.text).not.toContain('in Danish');
    for (const passage of [
      'news/kigo-farvel/points.0',
      'supportSystems/organisation/facts.0',
      // a list of short lines read as one passage has its English as one line too
      'topics/adgangsstyring-og-kommunerne-er-klar/points',
    ]) {
      // (a passage that is the whole record has no button to more of it)
      const [reply] = factAnswer(english(), { passages: passage });
      expect(reply?.text, passage).not.toContain('in Danish');
      expect(reply?.text, passage).toMatch(/\(_.+_\)/);
    }
    const reply = card(factAnswer(english(), { passages: 'topics/ski-0219-kombits-rolle/points.1' }));
    expect(reply.text).toContain('KOMBIT announces the deadline');
    expect(reply.text).toContain('(_KOMBIT annoncerer deadline');
    expect(reply.text).not.toContain('in Danish');
  });

  it('gives an explanation written for the data in English alone', () => {
    // (the whole record is shown, so no button offers more)
    const [reply] = factAnswer(english(), { passages: 'glossary/klik/meaning' });
    expect(reply?.text).toContain("KLIK is KOMBIT's portal");
    expect(reply?.text).not.toContain('KLIK er');
  });

  it('quotes a line without English in Danish, and says so', () => {
    const reply = card(
      factAnswer(english(), { passages: 'deadlines/beskedfordeler-serviceaftaler-godkendes/description' }),
    );
    expect(reply.text).toContain('en række serviceaftaler der vedrører Beskedfordeleren');
    expect(reply.text).toContain('in Danish');
  });
});
