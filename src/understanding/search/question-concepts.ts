import { foldDanish } from '../../knowledge/text.js';

/**
 * What practical questions to an organisation are about, in the words people use for it, Danish
 * and English: a question about money may say "pris", "koster", "regning" or "gratis". The
 * material's synonyms (synonyms.ts) map everyday words onto the slides' words; these map the
 * words of questions the slides do not answer onto each other, so that an answer KOMBIT gave
 * once is found again when the same thing is asked in other words. Each line is one concept;
 * a word is a beginning with up to three letters more ("betal" holds "betale", "betalt") or,
 * from five letters, a part of a compound ("udgift" in "transportudgifterne").
 */
const lines = [
  'penge: penge tilskud støtte pris priser koste koster kostet kost gratis betal regning faktura fakturer opkræv gebyr udgift omkostning beløb kroner licens price cost costs paid pay charge charged invoice billed free expense money grant funding',
  'løn: løn vederlag honorar aflønning tilskud kompensation kompenser salary wage wages compensation compensate remuneration',
  'rejse: rejse transport tog togbillet kørsel kørepenge befordring refusion dække dækket travel trip train reimburse reimbursement mileage',
  'adgang: adgang login logge bruger brugerkonto konto rettighed access account user password',
  'tid: frist udskyd udsæt forlæng senere tidsfrist deadline extension extend postpone delay late',
  'fravær: barsel orlov fravær syg væk afløser vikar stedfortræder overtage leave absence substitute deputy cover replace',
  'kursus: kursus kurser uddannelse undervisning træning oplæring tilmeld workshop course courses training teach taught',
  'aftale: kontrakt aftale aftaler aftalepapir aftalegrundlag contract contracts agreement',
  'kontakt: ringe telefon åbningstid åbent support hotline kontakte call phone opening hours helpdesk',
];

const concepts: { id: string; words: string[] }[] = lines.map((line) => {
  const [id = '', words = ''] = line.split(': ');
  return { id: `~${id}`, words: words.split(' ').map((word) => foldDanish(word)) };
});

/** The concepts a word of a question speaks of (none for most words). */
export function conceptsOf(word: string): string[] {
  const folded = foldDanish(word);
  if (folded.length < 3) return [];
  return concepts
    .filter(({ words }) =>
      words.some(
        (one) =>
          (folded.startsWith(one) && folded.length - one.length <= 3) || (one.length >= 5 && folded.includes(one)),
      ),
    )
    .map(({ id }) => id);
}
