// The local web chat: posts Bot Framework activities to /api/messages with
// deliveryMode "expectReplies" and shows the replies that come back in the response body;
// what klikbot writes by itself (a reminder) comes down the page's stream.
import { executeActivity, messageActivity, messagesIn, post } from './activities.js';
import { CardSlot, cardsOf, readExecuteAnswer, replacesItsCard, textOf } from './cards.js';
import { openStream } from './live.js';
import { renderMarkdown } from './markdown.js';
import { People } from './people.js';
import { setUpClock, setUpGroup, setUpName } from './tools.js';

const log = document.getElementById('log');
const form = document.getElementById('composer');
const input = document.getElementById('question');
const examples = document.getElementById('examples');
const typing = document.getElementById('typing');
const identity = document.getElementById('identity');

// the chat labels this person's own messages "Du"; others read the name ("Fuldført ✓ af Mette")
const people = new People();

/** Who writes in `conversation`, as an activity's `from`. */
function writerIn(conversation) {
  const writer = people.writerIn(conversation);
  return { id: writer.id, name: people.nameOf(writer) };
}

function showIdentity() {
  const where = people.group ? 'i gruppechatten' : 'i din chat med klikbot';
  const { id, name } = writerIn(people.current);
  identity.textContent = `Skriver som ${name} ${where} · bruger-id ${id} · samtale ${people.current.id}`;
}

/** Keeps the newest entry in view, again after the next frame when a card has finished its layout. */
function scrollToEnd() {
  log.scrollTop = log.scrollHeight;
  window.requestAnimationFrame(() => {
    log.scrollTop = log.scrollHeight;
  });
}

/**
 * Scrolls a card that grew in place (a poll's result) until its end, buttons and all, is in
 * view, but never past its top; again after the next frame, when the card has its height.
 */
function reveal(element) {
  const fit = () => {
    const box = element.getBoundingClientRect();
    const view = log.getBoundingClientRect();
    if (box.bottom > view.bottom) log.scrollTop += Math.min(box.bottom - view.bottom, box.top - view.top);
  };
  fit();
  window.requestAnimationFrame(fit);
}

/** Adds one entry to the log; the speaker label is what a screen reader announces first. */
function appendEntry(kind, speaker, fill, visibleSpeaker = false) {
  const entry = document.createElement('div');
  entry.className = `entry entry-${kind}`;
  const label = document.createElement('span');
  // in the group chat several people write, so each message shows whose it is
  label.className = visibleSpeaker ? 'speaker' : 'visually-hidden';
  label.textContent = `${speaker}: `;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  fill(bubble);
  entry.append(label, bubble);
  log.append(entry);
  scrollToEnd();
  return entry;
}

function showUserText(text, conversation) {
  const shared = conversation.isGroup === true;
  const speaker = shared ? writerIn(conversation).name : 'Du';
  appendEntry('user', speaker, (bubble) => (bubble.textContent = text), shared);
}

function showError(text) {
  appendEntry('error', 'Fejl', (bubble) => (bubble.textContent = text));
}

function showNote(text) {
  appendEntry('note', 'Bemærk', (bubble) => (bubble.textContent = text));
}

/** Draws a card into the bubble, or the activity's text with a note when the card cannot be drawn. */
function fillWithCards(bubble, activity, cards, conversation) {
  for (const card of cards) {
    try {
      // a button answers in the card's own conversation, whichever one is typed in now
      bubble.append(new CardSlot(card.content, (action, slot) => onCardAction(action, slot, conversation)).element);
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

/**
 * A file klikbot hands over (an export) as a link that saves it; only its own CSV data URLs,
 * so a message cannot make the page link anywhere else.
 */
function attachmentOf(attachment) {
  const url = typeof attachment?.contentUrl === 'string' ? attachment.contentUrl : '';
  const name = typeof attachment?.name === 'string' ? attachment.name : '';
  if (url.startsWith('data:text/csv;base64,') && /^[\w.-]+$/.test(name)) {
    const line = document.createElement('p');
    const link = document.createElement('a');
    link.className = 'file-link';
    link.href = url;
    link.download = name;
    link.textContent = `⬇ Hent ${name}`;
    line.append(link);
    return line;
  }
  const note = document.createElement('p');
  note.className = 'inline-note';
  note.textContent = `(Vedhæftning af typen ${attachment?.contentType ?? 'ukendt'} kan ikke vises her.)`;
  return note;
}

/** A message from klikbot in `conversation`; `pushedTo` says where one it wrote by itself went. */
function showBotMessage(activity, conversation, pushedTo) {
  const cards = cardsOf(activity);
  const others = (Array.isArray(activity.attachments) ? activity.attachments : []).filter((a) => !cards.includes(a));
  const entry = appendEntry('bot', 'klikbot', (bubble) => {
    if (pushedTo) {
      const line = document.createElement('p');
      line.className = 'pushed-label';
      line.textContent = `klikbot skrev af sig selv ${pushedTo}`;
      bubble.append(line);
    }
    // the text is the card's stand-alone twin: shown only when there is no card to show
    if (cards.length > 0) fillWithCards(bubble, activity, cards, conversation);
    else bubble.append(textOf(activity));
    for (const other of others) bubble.append(attachmentOf(other));
  });
  if (cards.length > 0) entry.classList.add('has-card');
  if (pushedTo) entry.classList.add('entry-pushed');
}

let pending = 0;
function setBusy(delta) {
  pending += delta;
  typing.textContent = pending > 0 ? 'klikbot skriver…' : '';
}

/** Posts a message and shows what comes back; every failure ends up in the log. */
async function deliver(conversation, text, value) {
  const answer = await post(messageActivity(conversation, writerIn(conversation), text, value));
  if (answer.failure) return showError(answer.failure);
  const messages = messagesIn(answer.activities);
  if (messages.length === 0) showNote('klikbot sendte intet svar på den besked.');
  for (const message of messages) showBotMessage(message, conversation);
}

/** Puts the bot's answer where the pressed card is: a new card in its place, or a note under it. */
function showExecuteAnswer(slot, activities) {
  const answer = readExecuteAnswer(activities);
  if (answer.kind !== 'card') return slot.showNote(answer.text, answer.kind);
  try {
    slot.replace(answer.card);
    reveal(slot.element);
  } catch (error) {
    console.error('Adaptive Card could not be rendered', error, answer.card);
    slot.showNote(`Det nye kort kunne ikke vises: ${error.message}`, 'error');
  }
}

/** Posts a pressed Action.Execute; any replies besides the new card follow as new messages. */
async function deliverExecute(conversation, slot, action) {
  try {
    const answer = await post(executeActivity(conversation, writerIn(conversation), action));
    if (answer.failure) return slot.showNote(answer.failure, 'error');
    showExecuteAnswer(slot, answer.activities);
    for (const message of messagesIn(answer.activities)) showBotMessage(message, conversation);
  } finally {
    slot.setBusy(false);
  }
}

/**
 * Posts a pressed Action.Submit whose answer replaces its card (a form's submit), as Teams
 * updates the card's message: the first reply takes the card's place, any others follow.
 */
async function deliverInPlace(conversation, slot, action) {
  try {
    const answer = await post(messageActivity(conversation, writerIn(conversation), undefined, action.data));
    if (answer.failure) return slot.showNote(answer.failure, 'error');
    const [first, ...rest] = messagesIn(answer.activities);
    if (!first) return slot.showNote('klikbot svarede ikke på knappen.', 'error');
    // a refusal changed nothing: it goes under the card, which stays as it was
    if (first.channelData?.klikbot?.notice) slot.showNote(first.text || first.summary || '', 'error');
    else {
      slot.showMessage(first);
      reveal(slot.element);
    }
    for (const message of rest) showBotMessage(message, conversation);
  } finally {
    slot.setBusy(false);
  }
}

// what klikbot writes by itself to this page's conversations, shown with where it went
const stream = openStream(people.pageId, ({ conversationId, activities }) => {
  const conversation = people.conversationFor(conversationId) ?? { id: conversationId };
  for (const activity of messagesIn(activities)) showBotMessage(activity, conversation, people.placeOf(conversationId));
});

// one request at a time, so replies always appear in the order the questions were asked; the
// first waits for the stream to open, so that klikbot knows this page can be written to
let queue = stream.ready;
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

function send(text, value, conversation = people.current) {
  examples.hidden = true;
  showUserText(text, conversation);
  enqueue(() => deliver(conversation, text, value));
}

/** A button answered in its own card (Action.Execute, a form's submit): nothing is shown as the person's message. */
function answerInPlace(slot, deliverTo) {
  if (slot.busy) return; // the renderer may still report a press the disabled buttons let through
  slot.setBusy(true);
  enqueue(() => deliverTo(slot));
}

function onCardAction(action, slot, conversation) {
  if (action.kind === 'execute') answerInPlace(slot, (target) => deliverExecute(conversation, target, action));
  else if (action.kind === 'submit' && replacesItsCard(action))
    answerInPlace(slot, (target) => deliverInPlace(conversation, target, action));
  else if (action.kind === 'submit') send(action.title, action.data, conversation);
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

showIdentity();
setUpClock((kind, text) => (kind === 'error' ? showError(text) : showNote(text)));
setUpName(people, showIdentity);
setUpGroup(people, ({ switched, added } = {}) => {
  showIdentity();
  if (added) showNote(`${added.name} er med i gruppechatten. Vælg under »Skriver som«, hvem der skriver.`);
  else if (switched && people.group)
    showNote(
      'Gruppechat: flere skriver i samme samtale med klikbot. Tilføj personer, og vælg under »Skriver som«, hvem der skriver.',
    );
  else if (switched) showNote('Tilbage i din egen chat med klikbot.');
});

input.focus();
