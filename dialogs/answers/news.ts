import { formatDate } from '../../src/core/format.js';
import { copenhagenDate } from '../../src/knowledge/queries.js';
import type { KlikEvent, NewsItem } from '../../src/knowledge/systems-queries.js';
import { words } from '../../src/knowledge/text.js';
import { stem } from '../../src/understanding/stem.js';
import type { Dialog, DialogContext } from '../types.js';
import { shortDate, daysLeftText } from '../shared/text.js';
import { say, sourcesLine } from '../shared/say.js';
import { dialogButton } from '../shared/buttons.js';
import { listReply } from '../shared/replies.js';
import { ANSWER_DIALOGS } from '../names.js';

const NEWS_TITLE = 'KOMBIT-programleder NYT september 2018';

type NewsDate = NewsItem['dates'][number];

/** "inden torsdag 20. september 2018" / "i oktober 2018" / "onsdag 12. september 2018". */
function newsDateText(context: DialogContext, item: NewsDate): string {
  const monthOnly = item.date.length === 7;
  const date = formatDate(item.date, context.language, monthOnly ? 'month' : 'day');
  if (monthOnly) return say(context, `i ${date}`, `in ${date}`);
  return item.relation === 'before' ? say(context, `inden ${date}`, `before ${date}`) : date;
}

function eventsOf(context: DialogContext, item: NewsItem): KlikEvent[] {
  return item.events
    .flatMap((id) => context.knowledge.events.filter((event) => event.id === id))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** "Serviceaftalerne annonceres onsdag 12. september 2018"; in English the Danish words stand before a colon. */
function datedText(context: DialogContext, entry: NewsDate): string {
  return say(
    context,
    `${entry.what} ${newsDateText(context, entry)}`,
    `${entry.what}: ${newsDateText(context, entry)}`,
  );
}

/** One line per item: its title and the dates it names (or the span of its events). */
function newsLine(context: DialogContext, item: NewsItem): string {
  const dated = item.dates.map((entry) => datedText(context, entry));
  const events = eventsOf(context, item);
  const first = events[0];
  const last = events[events.length - 1];
  if (dated.length === 0 && first && last) {
    const span =
      first.date === last.date
        ? shortDate(first.date, context.language)
        : say(
            context,
            `${shortDate(first.date, 'da')} til ${shortDate(last.date, 'da')}`,
            `${shortDate(first.date, 'en')} to ${shortDate(last.date, 'en')}`,
          );
    const preliminary = events.some((event) => event.preliminary)
      ? say(context, ' (foreløbige datoer)', ' (preliminary dates)')
      : '';
    dated.push(`${span}${preliminary}`);
  }
  return dated.length > 0 ? `${item.title}: ${dated.join('; ')}` : item.title;
}

/** The soonest day-precision deadline ("inden …") in the news still ahead of the clock, for the lead sentence. */
function nextNewsDate(context: DialogContext): { date: string; text: string } | undefined {
  const today = copenhagenDate(context.turn.now);
  const candidates = context.knowledge.news.flatMap((item) =>
    item.dates
      .filter((entry) => entry.date.length === 10 && entry.relation === 'before' && entry.date > today)
      .map((entry) => ({ date: entry.date, text: datedText(context, entry) })),
  );
  return candidates.sort((a, b) => a.date.localeCompare(b.date))[0];
}

/** Items whose title or text has one of the topic's words ("KY", "beskedfunktionen"), best first. */
function itemsAbout(items: NewsItem[], topic: string): NewsItem[] {
  const wanted = words(topic).filter((word) => word.length > 1);
  const scored = items.map((item) => {
    const text = words([item.title, ...item.points].join(' '));
    return {
      item,
      hits: wanted.filter((word) =>
        text.some(
          (other) => other === word || stem(other) === stem(word) || (word.length >= 6 && other.startsWith(word)),
        ),
      ).length,
    };
  });
  return scored
    .filter((entry) => entry.hits > 0)
    .sort((a, b) => b.hits - a.hits)
    .map((entry) => entry.item);
}

/** One news item in full: its title, then every point, in the seed's words. */
function itemReply(context: DialogContext, item: NewsItem) {
  return listReply({
    heading: item.title,
    intro: newsLine(context, item),
    list: item.points,
    source: sourcesLine(context, [item.source.label]),
    buttons: [dialogButton(say(context, 'Alle nyheder', 'All news'), ANSWER_DIALOGS.news)],
  });
}

/** The news items of the September 2018 meeting, one line each with their dates; with a topic, the item about it in full. */
export const news: Dialog = (context, args) => {
  const items = context.knowledge.news;
  const [about] = args.topic ? itemsAbout(items, args.topic) : [];
  if (about) return [itemReply(context, about)];
  if (items.length === 0)
    return [{ text: say(context, 'Der er ingen nyheder i mine data.', 'There is no news in my data.') }];
  const next = nextNewsDate(context);
  const count = say(
    context,
    `${NEWS_TITLE} har **${items.length} nyheder**.`,
    `${NEWS_TITLE} has **${items.length} items**.`,
  );
  const lead = next
    ? `${count} ${say(context, 'Nærmeste frist:', 'Nearest deadline:')} ${next.text}${daysLeftText(context, next.date)}.`
    : count;
  return [
    listReply({
      heading: NEWS_TITLE,
      intro: lead,
      list: items.map((item) => newsLine(context, item)),
      source: sourcesLine(
        context,
        items.map((item) => item.source.label),
      ),
      buttons: [
        dialogButton(say(context, 'Webinarer og kommunedage', 'Webinars and municipality days'), ANSWER_DIALOGS.events),
        dialogButton(say(context, 'Kontakter', 'Contacts'), ANSWER_DIALOGS.contacts),
        dialogButton(
          say(context, 'Næste programledermøde', 'Next programme leader meeting'),
          ANSWER_DIALOGS.nextMeeting,
        ),
      ],
    }),
  ];
};
