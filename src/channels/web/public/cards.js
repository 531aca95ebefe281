// Adaptive Cards in the local web chat, drawn by Microsoft's own renderer (the global
// `AdaptiveCards` from adaptivecards.min.js) so that a card looks here much as it does in Teams.
import { markdownToHtml } from './markdown.js';

/** The MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

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
    default: { fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', Arial, sans-serif", fontSizes, fontWeights },
    monospace: { fontFamily: "ui-monospace, 'Cascadia Mono', 'DejaVu Sans Mono', Consolas, monospace", fontSizes, fontWeights },
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
  if (action instanceof AdaptiveCards.SubmitAction || action instanceof AdaptiveCards.ExecuteAction) {
    // `data` already holds the values of the card's inputs merged in
    return { kind: 'submit', title: action.title || '', data: action.data ?? {} };
  }
  if (action instanceof AdaptiveCards.OpenUrlAction) return { kind: 'open-url', title: action.title || '', url: action.url };
  return { kind: 'unsupported', title: action.title || '', type: action.getJsonTypeName() };
}

/**
 * Renders one Adaptive Card to an element. `onAction` receives `{ kind, title, data | url | type }`
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
  return element;
}
