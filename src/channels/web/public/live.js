// What only local mode's web chat has: a stream of what klikbot writes by itself (reminders,
// a poll's result), and klikbot's replayed clock, which the page can move on a day at a time.

/** How long the first message waits for the stream before it goes anyway (a bot without the stream). */
const STREAM_WAIT_MS = 5_000;

/**
 * Opens the page's stream; `onActivities({ conversationId, activities })` gets each push.
 * `ready` resolves once the stream is open, so that klikbot knows this page before the first
 * message (true), or false when it cannot be opened. The browser reconnects by itself.
 */
export function openStream(pageId, onActivities) {
  const source = new window.EventSource(`/api/webchat/events?page=${encodeURIComponent(pageId)}`);
  let settle;
  const ready = new Promise((resolve) => {
    settle = resolve;
  });
  const timer = window.setTimeout(() => settle(false), STREAM_WAIT_MS);
  source.addEventListener('open', () => {
    document.body.dataset.live = 'open';
    window.clearTimeout(timer);
    settle(true);
  });
  source.addEventListener('error', () => {
    document.body.dataset.live = source.readyState === window.EventSource.CLOSED ? 'closed' : 'connecting';
    if (source.readyState === window.EventSource.CLOSED) settle(false);
  });
  source.addEventListener('activities', (event) => {
    try {
      onActivities(JSON.parse(event.data));
    } catch (error) {
      console.error('A message from klikbot could not be shown', error, event.data);
    }
  });
  return { ready };
}

// What the clock route's error codes mean, in the page's language (the route answers in English for developers)
const clockFailures = {
  clock_not_replayed:
    'klikbots ur følger den rigtige tid. Start klikbot med et afspillet ur, fx KLIKBOT_NOW=2018-10-30T10:00:00+01:00 npm start.',
  bad_request: 'klikbot forstod ikke, hvor langt uret skulle flyttes.',
  forbidden: 'Uret kan kun flyttes fra denne maskine.',
};

/** The error a clock route answered with, as a Danish sentence. */
async function failureOf(response) {
  try {
    const { error } = await response.json();
    const known = error && clockFailures[error.code];
    if (known) return `Uret kunne ikke flyttes: ${known}`;
  } catch {
    // not JSON: the status says enough
  }
  return `Uret kunne ikke flyttes (fejl ${response.status}).`;
}

/** `{ now, movable }` of klikbot's clock, or `{ failure }`. */
export async function readClock() {
  try {
    const response = await fetch('/api/webchat/clock');
    if (!response.ok) return { failure: `klikbots ur kunne ikke læses (${response.status}).` };
    return await response.json();
  } catch (error) {
    return { failure: `klikbots ur kunne ikke læses: ${error.message}` };
  }
}

/** Moves the clock on to 09:00 `days` days later; resolves `{ now }` once what came due has been sent, or `{ failure }`. */
export async function moveClock(days) {
  try {
    const response = await fetch('/api/webchat/clock', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ days }),
    });
    if (!response.ok) return { failure: await failureOf(response) };
    return await response.json();
  } catch (error) {
    return { failure: `Uret kunne ikke flyttes: ${error.message}` };
  }
}

const copenhagen = new Intl.DateTimeFormat('da-DK', {
  timeZone: 'Europe/Copenhagen',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "tirsdag 30. oktober 2018 kl. 10.00", in Copenhagen time and written as klikbot writes dates. */
export function danishTime(at) {
  const parts = Object.fromEntries(copenhagen.formatToParts(new Date(at)).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day}. ${parts.month} ${parts.year} kl. ${parts.hour}.${parts.minute}`;
}
