import { describe, expect, it } from 'vitest';
import { notificationText, plainSentences, spokenText } from '../../src/core/plain-text.js';

describe('plain sentences from the dialogs’ Markdown', () => {
  it('drops emphasis, code and link markers and keeps their words', () => {
    expect(plainSentences('Deadline for _Udpeg FK-ADM og FK-ANSV_: **torsdag 1. november 2018**.')).toBe(
      'Deadline for Udpeg FK-ADM og FK-ANSV: torsdag 1. november 2018.',
    );
    expect(plainSentences('Skriv `kanal Aarhus` eller se [Rollegalleriet](https://www.kombit.dk/roller).')).toBe(
      'Skriv kanal Aarhus eller se Rollegalleriet.',
    );
    expect(plainSentences('Status: *påbegyndt*')).toBe('Status: påbegyndt.');
  });

  it('leaves underscores and stars inside words, and the look-alikes of typed markers, as they are', () => {
    expect(plainSentences('Feltet snake_case_name og 2*3*4 er data.')).toBe('Feltet snake_case_name og 2*3*4 er data.');
    expect(plainSentences('📊 \u2217fed\u2217?')).toBe('📊 \u2217fed\u2217?');
  });

  it('reads a list after a colon as one sentence, and other lines as sentences of their own', () => {
    expect(
      plainSentences('Tre slags roller:\n- organisatoriske\n- projektroller\n- tekniske\nKilde: Rollegalleriet'),
    ).toBe('Tre slags roller: organisatoriske; projektroller; tekniske. Kilde: Rollegalleriet.');
    expect(plainSentences('Næste deadline:\ninden 20. september 2018: Godkend\ni oktober 2018: KIGO lukker')).toBe(
      'Næste deadline: inden 20. september 2018: Godkend. I oktober 2018: KIGO lukker.',
    );
    expect(plainSentences('Etikette:\n- Slå mikrofonen fra.\n- Stil spørgsmål i chatten.')).toBe(
      'Etikette: Slå mikrofonen fra. Stil spørgsmål i chatten.',
    );
  });

  it('drops the fences of a code block and reads its lines, and says parts joined by a middle dot as a list', () => {
    expect(plainSentences('CSV:\n```\nsvar,antal\nja,3\n```')).toBe('CSV: svar,antal. ja,3.');
    expect(plainSentences('Anonym · resultatet vises løbende · 3 stemmer')).toBe(
      'Anonym, resultatet vises løbende, 3 stemmer.',
    );
  });

  it('ends a text that stops at a colon as a sentence', () => {
    expect(plainSentences('**BBR på Adgangsstyring**, landsstatus:')).toBe('BBR på Adgangsstyring, landsstatus.');
  });

  it('gives notifications the one-sentence summary where there is one, and screen readers the whole text', () => {
    const reply = {
      text: 'Nu: **Velkomst** (10.00–10.05).\n- 10.00–10.05 Velkomst\n- 10.05–10.30 Opsamling',
      summary: 'Program for Programledermøde september 2018 i dag kl. 10.00–12.00: nu Velkomst.',
    };
    expect(notificationText(reply)).toBe(reply.summary);
    expect(spokenText(reply)).toBe('Nu: Velkomst (10.00–10.05). 10.00–10.05 Velkomst; 10.05–10.30 Opsamling.');
    expect(notificationText({ text: reply.text })).toBe(spokenText(reply));
  });
});
