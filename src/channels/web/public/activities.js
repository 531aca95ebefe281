// The Bot Framework activities the page posts to /api/messages, and reading the answer:
// deliveryMode "expectReplies" brings the replies back in the response body.
import { uuid } from './people.js';

/** The fields every activity from this page carries: who writes, and in which conversation. */
function baseActivity(conversation, from) {
  // `owner` is the page's own note of whose personal chat it is, not part of the activity
  const { owner, ...named } = conversation;
  return {
    id: uuid(),
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    serviceUrl: window.location.origin,
    from,
    recipient: { id: 'klikbot', name: 'klikbot' },
    conversation: named,
    locale: window.navigator.language,
    deliveryMode: 'expectReplies',
  };
}

/** A message; a card's Submit carries its data (and the card's chosen values) in `value`, and no text when Teams would send none. */
export function messageActivity(conversation, from, text, value) {
  const activity = { ...baseActivity(conversation, from), type: 'message' };
  if (text !== undefined) activity.text = text;
  if (value !== undefined) activity.value = value;
  return activity;
}

/** A pressed Action.Execute, as Teams sends it (Universal Actions): an invoke, not a message. */
export function executeActivity(conversation, from, action) {
  return {
    ...baseActivity(conversation, from),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
  };
}

/** Turns a failed answer into a sentence, keeping the server's own error code and message. */
async function describeFailure(response) {
  const raw = await response.text();
  let error;
  try {
    error = JSON.parse(raw).error;
  } catch {
    error = undefined; // not JSON: the raw text is quoted below instead
  }
  if (error && typeof error.message === 'string') {
    return `klikbot svarede med fejl ${response.status}${error.code ? ` (${error.code})` : ''}: ${error.message}`;
  }
  const excerpt = raw.trim().slice(0, 200);
  return `klikbot svarede med fejl ${response.status} ${response.statusText}${excerpt ? `: ${excerpt}` : ''}`;
}

/** Posts one activity: `{ activities }` on success, `{ failure }` with a sentence for the person otherwise. */
export async function post(activity) {
  try {
    const response = await fetch('/api/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
    });
    if (!response.ok) return { failure: await describeFailure(response) };
    const body = await response.json();
    if (!body || !Array.isArray(body.activities))
      return { failure: 'Uventet svar fra klikbot: svaret har ingen "activities".' };
    return { activities: body.activities };
  } catch (error) {
    return { failure: `Kunne ikke få svar fra klikbot: ${error.message}` };
  }
}

/** The messages among the activities (not an invoke's answer). */
export function messagesIn(activities) {
  return activities.filter((a) => a && a.type === 'message');
}
