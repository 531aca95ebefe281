/** A person in their channel, as records keep who did something. */
export interface ChannelPerson {
  channel: string;
  userId: string;
  name?: string | undefined;
}

/** Whether two records name the same person (their name may have changed since). */
export function samePerson(a: { channel: string; userId: string }, b: { channel: string; userId: string }): boolean {
  return a.channel === b.channel && a.userId === b.userId;
}

/** A person as a record keeps them: channel, id, and the name only where there is one. */
export function personRecord<P extends ChannelPerson>(person: P): { channel: string; userId: string; name?: string } {
  return {
    channel: person.channel,
    userId: person.userId,
    ...(person.name !== undefined ? { name: person.name } : {}),
  };
}
