// Words that point at one of the seed's contact topics; anything else goes to the programme's mailbox.
const topics: [string, string[]][] = [
  ['kigo', ['kigo']],
  ['ky', ['ky', 'indstationering', 'indstationeret', 'ydelsessystem']],
  ['programleder', ['programleder', 'programlederen', 'programlederrollen', 'erfaringer', 'experiences']],
];

// "the programme leader role": the English name, two words
const programmeLeader = /\bprogram(?:me)? leaders?\b/;

/** The contact topic a question names, if any ("hvem skal jeg kontakte om KIGO?" → "kigo"). */
export function contactTopicOf(tokens: string[]): string | undefined {
  const topic = topics.find(([, list]) => tokens.some((token) => list.includes(token)))?.[0];
  // (the asker may be a programme leader asking about KY: a topic named in one word comes first)
  return topic ?? (programmeLeader.test(tokens.join(' ')) ? 'programleder' : undefined);
}

/**
 * The contact topic of a question, or of the things it was read to be about where its words
 * name none: "hvad er hans telefonnummer?" right after KY's contact is KY's.
 */
export function contactTopicOfReading(tokens: string[], namedIds: string[]): string | undefined {
  return contactTopicOf(tokens) ?? contactTopicOf(namedIds.flatMap((id) => id.split('-')));
}
