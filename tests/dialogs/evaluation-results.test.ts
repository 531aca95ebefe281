import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { shownAnswer } from '../../dialogs/evaluations/results.js';
import {
  admin,
  answerAs,
  crowd,
  expectNotice,
  mette,
  peter,
  run,
  startAs,
  useEvaluationKit,
  type EvaluationKit,
} from './evaluation-kit.js';

const kit = useEvaluationKit();

/** An evaluation of `meetingId` on its day, answered with these ratings, then closed by Mette. */
async function heldOn(
  k: EvaluationKit,
  at: string,
  ratings: number[],
  args: Record<string, string> = {},
  conversationId?: string,
): Promise<string> {
  k.clock.set(DateTime.fromISO(at));
  const options = conversationId ? { conversationId } : {};
  const id = await startAs(k, mette, args, options);
  for (const [i, person] of crowd(ratings.length, `p${at.slice(8, 10)}`).entries())
    await answerAs(k, person, id, { rating: String(ratings[i]) }, options);
  await run(k, 'evaluation-close', mette, { evaluationId: id }, options);
  return id;
}

describe("'evaluation-close' and 'evaluation-results'", () => {
  it('are closed only by the host or an administrator; the results show the count, the average, the distribution and the written answers', async () => {
    const id = await startAs(kit);
    await answerAs(kit, crowd(3)[0]!, id, { rating: '5', worked: 'Klare oplæg', improve: 'Kortere pauser' });
    await answerAs(kit, crowd(3)[1]!, id, {
      rating: '4',
      worked: '[Link](https://x.example) *fed* <!channel>\nnæste linje',
    });
    await answerAs(kit, crowd(3)[2]!, id, { rating: '4' });

    const [refused] = await run(kit, 'evaluation-close', peter, { evaluationId: id });
    expect(refused).toEqual({
      notice: true,
      text: 'Kun værten (Mette Vinther Poulsen) eller en administrator kan lukke evalueringen.',
    });
    expect(kit.store.read().evaluations[0]?.closedAt).toBeUndefined();

    const [results] = await run(kit, 'evaluation-close', admin);
    expect(kit.store.read().evaluations[0]?.closedAt).toBe('2018-09-06T10:00:00.000+02:00');
    expect(results?.heading).toBe('Resultat af evalueringen af Programledermøde september 2018, 6. september');
    expect(results?.broadcast).toBe(true);
    expect(results?.intro).toBe('3 svar, gennemsnit 4,3 af 5.');
    // said once: no facts repeating the intro's count and average
    expect(results?.facts).toBeUndefined();
    expect(results?.text.match(/3 svar, gennemsnit 4,3/g)).toHaveLength(1);
    expect(results?.list).toEqual([
      '5 ███░░░░░░░ 1',
      '4 ███████░░░ 2',
      '3 ░░░░░░░░░░ 0',
      '2 ░░░░░░░░░░ 0',
      '1 ░░░░░░░░░░ 0',
    ]);
    const outro = results?.outro?.split('\n') ?? [];
    expect(outro[0]).toBe('**Hvad fungerede?**');
    expect(outro.slice(1, 3).sort()).toEqual(['- Klare oplæg', '- Link(https://x.example) fed !channel næste linje']);
    expect(outro.slice(3)).toEqual(['**Hvad kan vi gøre bedre?**', '- Kortere pauser']);
    // the bars in words for notifications and screen readers
    expect(results?.text).toContain(
      '3 svar, gennemsnit 4,3 af 5.\nFordeling: 1 gav 5, 2 gav 4, 0 gav 3, 0 gav 2 og 0 gav 1.',
    );
    expect(results?.text).not.toMatch(/[█░]/);
    expect(results?.buttons).toEqual([
      { title: 'Hent CSV', action: { dialog: 'evaluation-csv', args: { evaluationId: id } } },
    ]);
    // closing again shows the same results
    expect((await run(kit, 'evaluation-close', mette, { evaluationId: id }))[0]?.intro).toBe(
      '3 svar, gennemsnit 4,3 af 5.',
    );
  });

  it('show only how many have answered while the evaluation is open, and say so when nobody answered', async () => {
    const id = await startAs(kit);
    await answerAs(kit, peter, id, { rating: '2', worked: 'Hemmeligt indtil lukning' });
    const [open] = await run(kit, 'evaluation-results', peter);
    expect(open).toEqual({
      text: 'Evalueringen af Programledermøde september 2018, 6. september er åben: 1 svar indtil videre. Resultatet vises, når værten lukker den.',
    });
    const empty = await startAs(kit, mette, {}, { conversationId: 'tomt' });
    // a button only works in the conversation it was posted in
    const [elsewhere] = await run(kit, 'evaluation-close', mette, { evaluationId: empty });
    expect(elsewhere).toMatchObject({ text: 'Den evaluering kender jeg ikke.', notice: true });
    const [none] = await run(kit, 'evaluation-close', mette, { evaluationId: empty }, { conversationId: 'tomt' });
    expect(none?.text).toBe('Evalueringen af Programledermøde september 2018, 6. september er lukket. Ingen svarede.');
  });

  it('compare with the earlier evaluations of the same meeting series in this conversation, oldest first', async () => {
    await heldOn(kit, '2018-09-06T11:55:00+02:00', [4, 4, 5, 4, 4]);
    await heldOn(kit, '2018-09-06T12:30:00+02:00', [1, 1], {}, 'et-andet-team');
    await heldOn(kit, '2018-09-10T12:00:00+02:00', [2]);
    await heldOn(kit, '2018-09-12T14:55:00+02:00', [4, 3, 4, 4, 4]);
    const last = await heldOn(kit, '2018-09-14T12:25:00+02:00', [5, 4]);
    const [results] = await run(kit, 'evaluation-results', peter, { evaluationId: last });
    // 10 September had no meeting: not of the series
    expect(results?.outro?.split('\n').at(-1)).toBe('Udvikling: 6. sep 4,2 · 12. sep 3,8 · 14. sep 4,5 (denne)');
    const [first] = await run(kit, 'evaluation-results', peter, { evaluationId: kit.store.read().evaluations[0]!.id });
    expect(first?.outro).toBeUndefined();
    expect(first?.text).not.toContain('Udvikling');
  });

  it('cut long written answers and keep the card within bounds, pointing to the CSV for the rest', async () => {
    const id = await startAs(kit);
    for (const [i, person] of crowd(30).entries())
      await answerAs(kit, person, id, { rating: '3', worked: `${i} ${'x'.repeat(1990)}` });
    const [results] = await run(kit, 'evaluation-close', mette, { evaluationId: id });
    expect(results?.text.length).toBeLessThan(10_000);
    expect(results?.outro).toMatch(/… og \d+ svar mere \(alle står i CSV-udtrækket\)\./);
    expect(shownAnswer('y'.repeat(500))).toBe(`${'y'.repeat(400)}…`);
  });
});

describe("'evaluation-csv'", () => {
  it('gives the host or an administrator the answers as CSV, privately, once closed; cells that look like formulas are neutralised', async () => {
    const id = await startAs(kit);
    await answerAs(kit, crowd(2)[0]!, id, { rating: '5', worked: '=HYPERLINK("x")', improve: '+45 12 34 56 78' });
    await answerAs(kit, crowd(2)[1]!, id, { rating: '3', worked: '-fint, men "langt"', improve: '@alle' });
    expect((await run(kit, 'evaluation-csv', mette, { evaluationId: id }))[0]).toMatchObject({
      notice: true,
      text: 'Svarene kan hentes som CSV, når evalueringen er lukket.',
    });
    await run(kit, 'evaluation-close', mette, { evaluationId: id });
    expectNotice(
      (await run(kit, 'evaluation-csv', peter, { evaluationId: id }))[0],
      /^Kun værten eller en administrator/,
    );

    for (const who of [mette, admin]) {
      const [csv, ...rest] = await run(kit, 'evaluation-csv', who);
      expect(rest).toEqual([]);
      expect(csv?.notice).toBe(true);
      expect(csv?.text).toBe(
        'Svarene på evalueringen af Programledermøde september 2018, 6. september som CSV-fil (2 svar).',
      );
      expect(csv?.private?.note).toBe('Filen er sendt til din private chat med klikbot.');
      expect(csv?.file?.name).toBe('evaluering-programledermoede-september-2018-2018-09-06.csv');
      expect(csv?.file?.again).toEqual({ dialog: 'evaluation-csv', args: { evaluationId: id } });
      // a Danish Excel: a BOM, semicolons, CRLF, the form's own questions as headers
      const [header, ...lines] = csv!.file!.content.split('\r\n');
      expect(header).toBe('\uFEFFBedømmelse (1–5);Hvad fungerede?;Hvad kan vi gøre bedre?');
      expect(lines.slice(0, 2).sort()).toEqual([
        '3;"\'-fint, men ""langt""";\'@alle',
        '5;"\'=HYPERLINK(""x"")";\'+45 12 34 56 78',
      ]);
      expect(lines[2]).toBe('');
    }
  });

  it('keeps a long export whole in one file, and gives English headers to one asking in English', async () => {
    const id = await startAs(kit);
    for (const [index, person] of crowd(40).entries())
      await answerAs(kit, person, id, { rating: '3', worked: `${index} ${'z'.repeat(995)}` });
    await run(kit, 'evaluation-close', mette, { evaluationId: id });
    const [csv] = await run(kit, 'evaluation-csv', mette, { evaluationId: id }, { language: 'en' });
    const rows = csv!.file!.content.split('\r\n');
    expect(rows).toHaveLength(42);
    expect(rows[0]).toBe('\uFEFFRating (1–5);What worked?;What could we do better?');
  });
});
