import { findRole } from '../src/knowledge/queries.js';
import { say, sourceLine, type Dialog } from './context.js';

/** What a role is: its description as far as the seed gives one, and where it sits. */
export const role: Dialog = (context, args) => {
  const found = findRole(context.knowledge, args.roleId ?? '');
  if (!found) return [{ text: say(context, 'Den rolle kender jeg ikke.', "I don't know that role.") }];
  const description =
    found.description ??
    say(
      context,
      `**${found.name}** er en rolle i rollegalleriet. En præcis beskrivelse af opgaverne er ikke udgivet endnu (rollegalleriet er et udkast).`,
      `**${found.name}** is a role in the role gallery. A precise description of its tasks has not been published yet (the gallery is a draft).`,
    );
  return [{ heading: found.name, text: description, source: sourceLine(context, found.source.label) }];
};
