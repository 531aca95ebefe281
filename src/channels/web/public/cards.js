// Adaptive Cards in the local web chat, drawn by Microsoft's own renderer (the global
// `AdaptiveCards` from adaptivecards.min.js) so that a card looks here much as it does in Teams.
import { markdownToHtml, renderMarkdown } from './markdown.js';

/** The MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/** A message's Adaptive Card attachments, in order. */
export function cardsOf(activity) {
  const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
  return attachments.filter((a) => a && a.contentType === ADAPTIVE_CARD && a.content);
}

/** A message's text as nodes: `text`, or the `summary` a card-only reply carries instead. */
export function textOf(activity) {
  const text = activity.text || activity.summary || '';
  return activity.textFormat === 'plain' ? document.createTextNode(text) : renderMarkdown(text);
}

/** Whether a pressed button's answer takes the place of its card (klikbot marks such buttons, forms' submits among them). */
export function replacesItsCard(action) {
  return action.data?.klikbot?.replacesCard === true;
}

const text = { default: '#242424', subtle: '#5f6368' };
const foregroundColors = {
  default: text,
  dark: text,
  light: { default: '#ffffff', subtle: '#f3f3f3' },
  accent: { default: '#4f52b2', subtle: '#6264a7' },
  good: { default: '#1d6b3e', subtle: '#2f8a55' },
  warning: { default: '#8a5300', subtle: '#a86800' },
  attention: { default: '#b3261e', subtle: '#c4314b' },
};
const fontSizes = { small: 12, default: 14, medium: 16, large: 19, extraLarge: 23 };
const fontWeights = { lighter: 300, default: 400, bolder: 600 };

// A light, Teams-like look: white card, soft grey emphasis, indigo accent.
const hostConfig = {
  fontTypes: {
    default: {
      fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif",
      fontSizes,
      fontWeights,
    },
    monospace: {
      fontFamily: "ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Consolas, monospace",
      fontSizes,
      fontWeights,
    },
  },
  spacing: { small: 4, default: 8, medium: 14, large: 20, extraLarge: 28, padding: 14 },
  separator: { lineThickness: 1, lineColor: '#e3e3e8' },
  imageSizes: { small: 40, medium: 80, large: 160 },
  containerStyles: {
    default: { backgroundColor: '#ffffff', foregroundColors },
    emphasis: { backgroundColor: '#f4f4f7', foregroundColors },
    accent: { backgroundColor: '#e8ebfa', foregroundColors },
    good: { backgroundColor: '#e7f4ea', foregroundColors },
    warning: { backgroundColor: '#fdf3dc', foregroundColors },
    attention: { backgroundColor: '#fcebec', foregroundColors },
  },
  actions: {
    maxActions: 8,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 12, style: 'emphasis' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
  },
  adaptiveCard: { allowCustomStyle: true },
  factSet: {
    title: { color: 'default', size: 'default', isSubtle: true, weight: 'bolder', wrap: true, maxWidth: 160 },
    value: { color: 'default', size: 'default', isSubtle: false, weight: 'default', wrap: true },
    spacing: 12,
  },
  textBlock: { headingLevel: 3 },
};

let configured = false;

/** Installs the markdown hook once: TextBlocks get the same markdown as plain replies. */
function configure() {
  if (configured) return;
  if (typeof AdaptiveCards === 'undefined') throw new Error('adaptivecards.min.js did not load');
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (markdown, result) => {
    result.outputHtml = markdownToHtml(markdown);
    result.didProcess = true;
  };
  configured = true;
}

/** What a click on a card's button asks the chat to do. */
function describeAction(action) {
  // `data` already holds the values of the card's inputs merged in; the renderer calls this
  // only once every required input is filled, and shows the input's errorMessage otherwise
  if (action instanceof AdaptiveCards.ExecuteAction) {
    return { kind: 'execute', title: action.title || '', verb: action.verb || '', data: action.data ?? {} };
  }
  if (action instanceof AdaptiveCards.SubmitAction)
    return { kind: 'submit', title: action.title || '', data: action.data ?? {} };
  if (action instanceof AdaptiveCards.OpenUrlAction)
    return { kind: 'open-url', title: action.title || '', url: action.url };
  return { kind: 'unsupported', title: action.title || '', type: action.getJsonTypeName() };
}

/**
 * Renders one Adaptive Card to an element. `onAction` receives `{ kind, title, data | verb | url | type }`
 * for each click. Throws with the renderer's own words when the card cannot be drawn.
 */
export function renderAdaptiveCard(content, onAction) {
  configure();
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(hostConfig);
  card.onExecuteAction = (action) => onAction(describeAction(action));
  const context = new AdaptiveCards.SerializationContext();
  card.parse(content, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    if (event.event !== AdaptiveCards.ValidationEvent.Hint) problems.push(event.message);
  }
  if (problems.length > 0) console.warn('Adaptive Card parse warnings:', problems);
  const element = card.render();
  if (!element) throw new Error(problems.join('; ') || 'the card rendered nothing');
  ownIds(element);
  addPlaceholders(element);
  addLengthCounters(element);
  return element;
}

// numbers the cards, so that each card's element ids are its own
let renderedCards = 0;

/**
 * The renderer gives each element the id it has in the card ("status", "task"): two cards
 * on the page, or a card and the page itself, would share it. Each card's ids get the card's
 * number in front; the renderer's own ids (for labels and errors) are unique already.
 */
function ownIds(element) {
  renderedCards += 1;
  for (const named of [element, ...element.querySelectorAll('[id]')]) {
    if (named.id && !named.id.startsWith('__ac-') && !named.id.startsWith('ac-'))
      named.id = `card-${renderedCards}-${named.id}`;
  }
}

/**
 * A dropdown with nothing chosen shows an empty box; it says "Vælg <its label>" instead, in
 * the renderer's own placeholder option, which cannot be chosen back.
 */
function addPlaceholders(element) {
  for (const select of element.querySelectorAll('select')) {
    const empty = [...select.options].find((option) => option.value === '' && option.text === '');
    if (!empty) continue;
    const labelId = select.getAttribute('aria-labelledby')?.split(' ')[0];
    const label = labelId ? element.querySelector(`[id="${labelId}"]`)?.textContent : undefined;
    const name = (label ?? '')
      .replace(/\*\s*$/, '')
      .trim()
      .toLowerCase();
    empty.text = name ? `Vælg ${name}` : 'Vælg …';
  }
}

// numbers the counters, so each field can name its own
let lengthCounters = 0;

/**
 * Under each text field with a limit, how much of it is used ("120 / 2000 tegn"): the field
 * stops at the limit by itself, the counter says why. Screen readers hear it with the field.
 */
function addLengthCounters(element) {
  for (const field of element.querySelectorAll('textarea[maxlength], input[maxlength]')) {
    const counter = document.createElement('p');
    counter.className = 'length-counter';
    lengthCounters += 1;
    counter.id = `length-counter-${lengthCounters}`;
    const show = () => {
      counter.textContent = `${field.value.length} / ${field.maxLength} tegn`;
    };
    show();
    field.addEventListener('input', show);
    field.setAttribute(
      'aria-describedby',
      [field.getAttribute('aria-describedby'), counter.id].filter(Boolean).join(' '),
    );
    // under the field's row, not beside it: the renderer lays the field out in a flex row
    (field.closest('.ac-input-container') ?? field).after(counter);
  }
}

/** A reply's text where a card was: padded as a bubble, since the card's own padding went with it. */
function textBlock(activity) {
  const block = document.createElement('div');
  block.className = 'slot-text';
  block.append(textOf(activity));
  return block;
}

/**
 * A card in the log that an Action.Execute can redraw in place. `onAction(action, slot)` is
 * called for every button, on this card and on each card that later replaces it.
 */
export class CardSlot {
  constructor(content, onAction) {
    this.onAction = onAction;
    this.busy = false;
    this.element = document.createElement('div');
    this.element.className = 'card-slot';
    this.card = this.draw(content);
    this.note = undefined;
    this.disabled = [];
    this.element.append(this.card);
  }

  draw(content) {
    const card = renderAdaptiveCard(content, (action) => this.onAction(action, this));
    card.classList.add('card');
    return card;
  }

  /** Swaps in the new card; throws (keeping the old one) when it cannot be drawn. */
  replace(content) {
    this.showInstead(this.draw(content));
  }

  /**
   * Puts a reply message where the card is, as Teams shows a message updated in place: its
   * first card, or its text when it brings none (or the card cannot be drawn, said in a note).
   */
  showMessage(activity) {
    const [card] = cardsOf(activity);
    if (card) {
      try {
        return this.replace(card.content);
      } catch (error) {
        console.error('Adaptive Card could not be rendered', error, card.content);
        this.showInstead(textBlock(activity));
        return this.showNote(`Det nye kort kunne ikke vises: ${error.message}`, 'error');
      }
    }
    this.showInstead(textBlock(activity));
  }

  showInstead(element) {
    this.card.replaceWith(element);
    this.card = element;
    this.clearNote();
  }

  /** While an answer is on its way the card's buttons and inputs are off, so one press cannot become two requests. */
  setBusy(busy) {
    this.busy = busy;
    this.element.setAttribute('aria-busy', String(busy));
    if (busy) {
      // only the controls we switch off are switched on again: the card may have disabled some itself
      this.disabled = [...this.card.querySelectorAll('button, input, select, textarea')].filter(
        (control) => !control.disabled,
      );
      for (const control of this.disabled) control.disabled = true;
    } else {
      for (const control of this.disabled) control.disabled = false;
      this.disabled = [];
    }
  }

  /** A short line under the card, as Teams shows an Action.Execute's error under the card. */
  showNote(text, tone) {
    this.clearNote();
    this.note = document.createElement('p');
    this.note.className = `inline-note card-note card-note-${tone}`;
    this.note.textContent = text;
    this.element.append(this.note);
  }

  clearNote() {
    this.note?.remove();
    this.note = undefined;
  }
}

const ERROR_TYPE = 'application/vnd.microsoft.error';
const MESSAGE_TYPE = 'application/vnd.microsoft.activity.message';

/**
 * What the bot answered to an Action.Execute, read from the `invokeResponse` among the replies:
 * `{ kind: 'card', card }`, `{ kind: 'message', text }` (a short word instead of a new card),
 * or `{ kind: 'error', text }`.
 */
export function readExecuteAnswer(activities) {
  const answer = activities.find((activity) => activity && activity.type === 'invokeResponse');
  const body = answer?.value?.body;
  if (!body || typeof body !== 'object') return { kind: 'error', text: 'klikbot svarede ikke på knappen.' };
  const { statusCode, type, value } = body;
  if (statusCode === 200 && type === ADAPTIVE_CARD && value && typeof value === 'object')
    return { kind: 'card', card: value };
  if (statusCode === 200 && type === MESSAGE_TYPE && typeof value === 'string') return { kind: 'message', text: value };
  if (type === ERROR_TYPE && typeof value?.message === 'string' && value.message)
    return { kind: 'error', text: value.message };
  return {
    kind: 'error',
    text: `Uventet svar fra klikbot på knappen (${statusCode ?? 'ingen statuskode'}, ${type ?? 'ingen type'}).`,
  };
}
