// The local web chat: posts Bot Framework activities to /api/messages with
// deliveryMode "expectReplies" and shows the replies that come back in the response body.
import { ADAPTIVE_CARD, renderAdaptiveCard } from './cards.js';
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

const user = { id: stableUserId(), name: 'Du' };
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

/** The reply as one text: `text`, or the `summary` a card-only reply carries instead. */
function standaloneText(activity) {
  return activity.text || activity.summary || '';
}

/** Draws a card into the bubble, or the activity's text with a note when the card cannot be drawn. */
function fillWithCards(bubble, activity, cards) {
  for (const card of cards) {
    try {
      const element = renderAdaptiveCard(card.content, onCardAction);
      element.classList.add('card');
      bubble.append(element);
    } catch (error) {
      console.error('Adaptive Card could not be rendered', error, card.content);
      bubble.append(renderMarkdown(standaloneText(activity) || card.content.fallbackText || ''));
      const note = document.createElement('p');
      note.className = 'inline-note';
      note.textContent = `(Kortet kunne ikke vises: ${error.message})`;
      bubble.append(note);
    }
  }
}

function showBotMessage(activity) {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  const cards = attachments.filter((a) => a && a.contentType === ADAPTIVE_CARD && a.content);
  const others = attachments.filter((a) => !cards.includes(a));
  const entry = appendEntry('bot', 'klikbot', (bubble) => {
    // the text is the card's stand-alone twin: shown only when there is no card to show
    if (cards.length > 0) fillWithCards(bubble, activity, cards);
    else bubble.append(activity.textFormat === 'plain' ? standaloneText(activity) : renderMarkdown(standaloneText(activity)));
    for (const other of others) {
      const note = document.createElement('p');
      note.className = 'inline-note';
      note.textContent = `(Vedhæftning af typen ${other?.contentType ?? 'ukendt'} kan ikke vises her.)`;
      bubble.append(note);
    }
  });
  if (cards.length > 0) entry.classList.add('has-card');
}

function showReplies(body) {
  if (!body || !Array.isArray(body.activities)) {
    showError('Uventet svar fra klikbot: svaret har ingen "activities".');
    return;
  }
  const messages = body.activities.filter((a) => a && a.type === 'message');
  if (messages.length === 0) showNote('klikbot sendte intet svar på den besked.');
  for (const message of messages) showBotMessage(message);
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

function activityFor(text, value) {
  const activity = {
    type: 'message',
    id: uuid(),
    timestamp: new Date().toISOString(),
    channelId: 'webchat',
    serviceUrl: window.location.origin,
    from: user,
    recipient: { id: 'klikbot', name: 'klikbot' },
    conversation,
    locale: window.navigator.language,
    text,
    deliveryMode: 'expectReplies',
  };
  if (value !== undefined) activity.value = value;
  return activity;
}

let pending = 0;
function setBusy(delta) {
  pending += delta;
  status.textContent = pending > 0 ? 'klikbot skriver…' : '';
}

/** Posts one activity and shows what comes back; every failure ends up in the log. */
async function deliver(text, value) {
  try {
    const response = await fetch('/api/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activityFor(text, value)),
    });
    if (!response.ok) {
      showError(await describeFailure(response));
      return;
    }
    showReplies(await response.json());
  } catch (error) {
    showError(`Kunne ikke få svar fra klikbot: ${error.message}`);
  } finally {
    setBusy(-1);
  }
}

// one message at a time, so replies always appear in the order the questions were asked
let queue = Promise.resolve();
function send(text, value) {
  examples.hidden = true;
  showUserText(text);
  setBusy(+1);
  queue = queue.then(() => deliver(text, value));
}

function onCardAction(action) {
  if (action.kind === 'submit') send(action.title, action.data);
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
