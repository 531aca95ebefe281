import { describe, expect, it } from 'vitest';
import { participantQuestion } from '../../src/understanding/participant-questions.js';
import { queryWords } from '../../src/understanding/query-words.js';

const asks = (text: string) => participantQuestion(queryWords(text).tokens);

describe('a participant’s short questions about the meeting going on', () => {
  it('reads the five, in Danish and English', () => {
    expect(asks('hvornår er der pause?')).toBe('pause');
    expect(asks('When is the break?')).toBe('pause');
    expect(asks('hvornår er vi tilbage?')).toBe('back');
    expect(asks('hvornår starter vi igen?')).toBe('back');
    expect(asks('when are we back?')).toBe('back');
    expect(asks('hvad er næste punkt?')).toBe('next');
    expect(asks("what's next?")).toBe('next');
    expect(asks('hvem præsenterer nu?')).toBe('presenter');
    expect(asks("who's presenting?")).toBe('presenter');
    expect(asks('hvor mange har svaret på evalueringen?')).toBe('answered');
    expect(asks('how many have answered?')).toBe('answered');
  });

  it('leaves a question that names more to the knowledge', () => {
    expect(asks('hvem præsenterer Organisation på onsdagsmødet?')).toBeUndefined();
    expect(asks('hvornår er der pause den 12. september?')).toBeUndefined();
    expect(asks('hvor mange har svaret på BBR trin 3?')).toBeUndefined();
    expect(asks('hvornår starter vi med SAPA?')).toBeUndefined();
  });
});
