import type { Language, Reply } from '../../src/core/types.js';
import type { DeepReadonly, Poll } from '../../src/state/schema.js';
import { POLL_DIALOGS } from '../names.js';
import { say } from '../shared/say.js';
import { shownPoll } from './card.js';

type Lang = { language: Language };
type ReadPoll = DeepReadonly<Poll>;

/** What one press did to the presser's vote: their choices now, and the option a second press took away. */
export interface OwnVote {
  choices: readonly string[];
  removed?: string;
}

function labelsOf(poll: ReadPoll, ids: readonly string[]): string[] {
  return shownPoll(poll)
    .options.filter((option) => ids.includes(option.id))
    .map((option) => option.label);
}

function chosenText(context: Lang, labels: string[]): string {
  if (labels.length === 0)
    return say(context, 'Du har ingen stemme i afstemningen nu.', 'You have no vote in the poll now.');
  const list = labels.join(', ');
  return labels.length === 1
    ? say(context, `✓ Din stemme: ${list}`, `✓ Your vote: ${list}`)
    : say(context, `✓ Dine stemmer: ${list}`, `✓ Your votes: ${list}`);
}

/**
 * One sentence for the presser: "✓ Din stemme: B", or after a second press in a multiple-choice
 * poll "Du har fjernet din stemme på B." and what is left, so an accidental press is noticed.
 * In an anonymous poll it says that only they see it: it is shown to them and kept nowhere.
 */
export function ownVoteNote(context: Lang, poll: ReadPoll, vote: OwnVote): string {
  const chosen = chosenText(context, labelsOf(poll, vote.choices));
  const [removed] = vote.removed === undefined ? [] : labelsOf(poll, [vote.removed]);
  const lead = removed
    ? say(context, `Du har fjernet din stemme på ${removed}. `, `You removed your vote for ${removed}. `)
    : '';
  const onlyYou =
    poll.anonymous && vote.choices.length > 0 ? say(context, ' (kun vist for dig)', ' (shown only to you)') : '';
  return `${lead}${chosen}${onlyYou}`;
}

/**
 * The presser's own copy of the poll's card: the shared card with their choices' buttons
 * ticked and the note under it; `ownCopy` keeps the shared card for everyone else.
 */
export function ownCopyOf(context: Lang, shared: Reply, poll: ReadPoll, vote: OwnVote): Reply {
  const note = ownVoteNote(context, poll, vote);
  const buttons = shared.buttons?.map((button) => {
    const chosen = button.action.dialog === POLL_DIALOGS.vote && vote.choices.includes(button.action.args.option ?? '');
    return chosen ? { ...button, title: `✓ ${button.title}` } : button;
  });
  return {
    ...shared,
    text: `${shared.text}\n${note}`,
    outro: shared.outro ? `${shared.outro}\n${note}` : note,
    ...(buttons ? { buttons } : {}),
    ownCopy: { shared, note },
  };
}
