// The local web chat: posts Bot Framework activities to /api/messages with
// deliveryMode "expectReplies" and shows the replies that come back in the response body.
import { CardSlot, cardsOf, readExecuteAnswer, replacesItsCard, textOf } from './cards.js';
import { renderMarkdown } from './markdown.js';

const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('question');
const examples = document.getElementById('examples');
const status = document.getElementById('status');
const identity = document.getElementById('identity');

/** A random id; randomUUID exists only on secure origins, so plain http on a LAN address falls back. */
function uuid() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The browser's own user id, kept so the bot remembers this person's municipality between visits. */
function stableUserId() {
  const key = 'klikbot.webchat.userId';
  try {
    const known = window.localStorage.getItem(key);
    if (known) return known;
    const fresh = `web-${uuid()}`;
    window.localStorage.setItem(key, fresh);
    return fresh;
  } catch (error) {
    console.warn('localStorage is not available; this user id lasts only until the page is reloaded.', error);
    return `web-${uuid()}`;
  }
}

// the name others' answers use ("Fuldført ✓ af Lokal bruger"); the chat labels this person's own messages "Du"
const user = { id: stableUserId(), name: 'Lokal bruger' };
const conversation = { id: `webchat-${uuid()}` };
identity.textContent = `Bruger-id ${user.id} · samtale ${conversation.id}`;

/** Keeps the newest entry in view, again after the next frame when a card has finished its layout. */
function scrollToEnd() {
  log.scrollTop = log.scrollHeight;
  window.requestAnimationFrame(() => {
    log.scrollTop = log.scrollHeight;
  });
}

/** Adds one entry to the log; the hidden speaker label is what a screen reader announces first. */
function appendEntry(kind, speaker, fill) {
  const entry = document.createElement('div');
  entry.className = `entry entry-${kind}`;
  const label = document.createElement('span');
  label.className = 'visually-hidden';
  label.textContent = `${speaker}: `;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  fill(bubble);
  entry.append(label, bubble);
  log.append(entry);
  scrollToEnd();
  return entry;
}

function showUserText(text) {
  appendEntry('user', 'Du', (bubble) => {
    bubble.textContent = text;
  });
}

function showError(text) {
  appendEntry('error', 'Fejl', (bubble) => {
    bubble.textContent = text;
  });
}

function showNote(text) {
  appendEntry('note', 'Bemærk', (bubble) => {
    bubble.textContent = text;
  });
}

/** Draws a card into the bubble, or the activity's text with a note when the card cannot be drawn. */
function fillWithCards(bubble, activity, cards) {
  for (const card of cards) {
    try {
      bubble.append(new CardSlot(card.content, onCardAction).element);
    } catch (error) {
      console.error('Adaptive Card could not be rendered', error, card.content);
      bubble.append(renderMarkdown(activity.text || activity.summary || card.content.fallbackText || ''));
      const note = document.createElement('p');
      note.className = 'inline-note';
      note.textContent = `(Kortet kunne ikke vises: ${error.message})`;
      bubble.append(note);
    }
  }
}

function showBotMessage(activity) {
  const cards = cardsOf(activity);
  const others = (Array.isArray(activity.attachments) ? activity.attachments : []).filter((a) => !cards.includes(a));
  const entry = appendEntry('bot', 'klikbot', (bubble) => {
    // the text is the card's stand-alone twin: shown only when there is no card to show
    if (cards.length > 0) fillWithCards(bubble, activity, cards);
    else bubble.append(textOf(activity));
    for (const other of others) {
      const note = document.createElement('p');
      note.className = 'inline-note';
      note.textContent = `(Vedhæftning af typen ${other?.contentType ?? 'ukendt'} kan ikke vises her.)`;
      bubble.append(note);
    }
  });
  if (cards.length > 0) entry.classList.add('has-card');
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

/** The fields every activity from this page carries; the replies come back in the response. */
function baseActivity() {
  return {
    id: uuid(),
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    serviceUrl: window.location.origin,
    from: user,
    recipient: { id: 'klikbot', name: 'klikbot' },
    conversation,
    locale: window.navigator.language,
    deliveryMode: 'expectReplies',
  };
}

/** A message; a card's Submit carries its data (and the card's chosen values) in `value`, and no text when Teams would send none. */
function messageActivity(text, value) {
  const activity = { ...baseActivity(), type: 'message' };
  if (text !== undefined) activity.text = text;
  if (value !== undefined) activity.value = value;
  return activity;
}

/** A pressed Action.Execute, as Teams sends it (Universal Actions): an invoke, not a message. */
function executeActivity(action) {
  return {
    ...baseActivity(),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
  };
}

let pending = 0;
function setBusy(delta) {
  pending += delta;
  status.textContent = pending > 0 ? 'klikbot skriver…' : '';
}

/** Posts one activity: `{ activities }` on success, `{ failure }` with a sentence for the person otherwise. */
async function post(activity) {
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

function messagesIn(activities) {
  return activities.filter((a) => a && a.type === 'message');
}

/** Posts a message and shows what comes back; every failure ends up in the log. */
async function deliver(text, value) {
  const answer = await post(messageActivity(text, value));
  if (answer.failure) return showError(answer.failure);
  const messages = messagesIn(answer.activities);
  if (messages.length === 0) showNote('klikbot sendte intet svar på den besked.');
  for (const message of messages) showBotMessage(message);
}

/** Puts the bot's answer where the pressed card is: a new card in its place, or a note under it. */
function showExecuteAnswer(slot, activities) {
  const answer = readExecuteAnswer(activities);
  if (answer.kind !== 'card') return slot.showNote(answer.text, answer.kind);
  try {
    slot.replace(answer.card);
  } catch (error) {
    console.error('Adaptive Card could not be rendered', error, answer.card);
    slot.showNote(`Det nye kort kunne ikke vises: ${error.message}`, 'error');
  }
}

/** Posts a pressed Action.Execute; any replies besides the new card follow as new messages. */
async function deliverExecute(slot, action) {
  try {
    const answer = await post(executeActivity(action));
    if (answer.failure) return slot.showNote(answer.failure, 'error');
    showExecuteAnswer(slot, answer.activities);
    for (const message of messagesIn(answer.activities)) showBotMessage(message);
  } finally {
    slot.setBusy(false);
  }
}

/**
 * Posts a pressed Action.Submit whose answer replaces its card (a form's submit), as Teams
 * updates the card's message: the first reply takes the card's place, any others follow.
 */
async function deliverInPlace(slot, action) {
  try {
    const answer = await post(messageActivity(undefined, action.data));
    if (answer.failure) return slot.showNote(answer.failure, 'error');
    const [first, ...rest] = messagesIn(answer.activities);
    if (!first) return slot.showNote('klikbot svarede ikke på knappen.', 'error');
    // a refusal changed nothing: it goes under the card, which stays as it was
    if (first.channelData?.klikbot?.notice) slot.showNote(first.text || first.summary || '', 'error');
    else slot.showMessage(first);
    for (const message of rest) showBotMessage(message);
  } finally {
    slot.setBusy(false);
  }
}

// one request at a time, so replies always appear in the order the questions were asked
let queue = Promise.resolve();
function enqueue(task) {
  setBusy(+1);
  queue = queue
    .then(task)
    // a rejected link would silently stop every later request, so the failure is shown and the queue goes on
    .catch((error) => {
      console.error('Showing the answer failed', error);
      showError(`Svaret kunne ikke vises: ${error.message}`);
    })
    .finally(() => setBusy(-1));
}

function send(text, value) {
  examples.hidden = true;
  showUserText(text);
  enqueue(() => deliver(text, value));
}

/** A button answered in its own card (Action.Execute, a form's submit): nothing is shown as the person's message. */
function answerInPlace(slot, deliverTo) {
  if (slot.busy) return; // the renderer may still report a press the disabled buttons let through
  slot.setBusy(true);
  enqueue(() => deliverTo(slot));
}

function onCardAction(action, slot) {
  if (action.kind === 'execute') answerInPlace(slot, (target) => deliverExecute(target, action));
  else if (action.kind === 'submit' && replacesItsCard(action))
    answerInPlace(slot, (target) => deliverInPlace(target, action));
  else if (action.kind === 'submit') send(action.title, action.data);
  else if (action.kind === 'open-url' && action.url) window.open(action.url, '_blank', 'noopener');
  else showError(`Knappen "${action.title}" (${action.type ?? action.kind}) virker ikke i den lokale webchat.`);
  input.focus();
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = input.value.trim();
  if (text) send(text);
  input.value = '';
  input.focus();
});

for (const chip of examples.querySelectorAll('button')) {
  chip.addEventListener('click', () => {
    send(chip.textContent.trim());
    input.focus();
  });
}

input.focus();
