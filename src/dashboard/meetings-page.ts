import { dayText, momentText } from './format.js';
import { html, scrollingTable, type Html } from './html.js';
import { chartFigure, DASHBOARD_PATH, pageHref, pageShell, pngButton, type PageContext } from './layout.js';
import type { EvaluationView, MeetingsView, PollView } from './meetings.js';
import { word, type PageLanguage } from './words.js';

export const MEETINGS_PATH = `${DASHBOARD_PATH}/moeder`;

/** An average rating as people read it: "4,2" / "4.2". */
export function ratingText(average: number | undefined, language: PageLanguage): string {
  if (average === undefined) return '–';
  const text = average.toFixed(1);
  return language === 'da' ? text.replace('.', ',') : text;
}

function evaluationName(evaluation: EvaluationView, language: PageLanguage): string {
  const date = dayText(evaluation.date, language);
  return evaluation.meetingTitle ? `${evaluation.meetingTitle}, ${date}` : date;
}

function evaluationRow(evaluation: EvaluationView, language: PageLanguage): Html {
  const state = evaluation.open ? (language === 'da' ? 'åben' : 'open') : language === 'da' ? 'lukket' : 'closed';
  const comments = [...evaluation.comments.worked, ...evaluation.comments.improve];
  const commentList =
    comments.length === 0
      ? ''
      : html`<details>
          <summary>${language === 'da' ? 'Kommentarer' : 'Comments'} (${comments.length})</summary>
          <p>${language === 'da' ? 'Det virkede:' : 'What worked:'}</p>
          <ul>
            ${evaluation.comments.worked.map((text) => html`<li>${text}</li>`)}
          </ul>
          <p>${language === 'da' ? 'Kan gøres bedre:' : 'Could be better:'}</p>
          <ul>
            ${evaluation.comments.improve.map((text) => html`<li>${text}</li>`)}
          </ul>
        </details>`;
  return html`<tr>
    <th scope="row">${evaluationName(evaluation, language)}</th>
    <td>${state}</td>
    <td>${evaluation.summary.answers}</td>
    <td>${ratingText(evaluation.summary.average, language)}</td>
    <td>${evaluation.summary.distribution.join(' · ')}${commentList}</td>
  </tr>`;
}

/** The evaluation trend's data: the average rating of each meeting, in date order. */
export function trendData(evaluations: readonly EvaluationView[], language: PageLanguage) {
  const rated = evaluations.filter((evaluation) => evaluation.summary.average !== undefined);
  return {
    kind: 'trend',
    labels: rated.map((evaluation) => evaluationName(evaluation, language)),
    series: [
      {
        label: language === 'da' ? 'Gennemsnitlig vurdering (1–5)' : 'Average rating (1–5)',
        values: rated.map((evaluation) => Math.round((evaluation.summary.average ?? 0) * 10) / 10),
      },
    ],
  };
}

function pollRow(poll: PollView, language: PageLanguage): Html {
  const hidden = language === 'da' ? 'vises når afstemningen lukker' : 'shown when the poll closes';
  const results = poll.results
    ? html`<ul>
        ${poll.results.options.map((option) => html`<li>${option.label}: ${option.votes} (${option.percent} %)</li>`)}
      </ul>`
    : hidden;
  const state = poll.open ? (language === 'da' ? 'åben' : 'open') : language === 'da' ? 'lukket' : 'closed';
  return html`<tr>
    <th scope="row">${poll.question}</th>
    <td>${momentText(poll.at, language)}</td>
    <td>${state}</td>
    <td>${poll.results?.voters ?? '–'}</td>
    <td>${results}</td>
  </tr>`;
}

function evaluationsPart(evaluations: readonly EvaluationView[], language: PageLanguage): Html {
  const heading = language === 'da' ? 'Evalueringer' : 'Evaluations';
  if (evaluations.length === 0)
    return html`<h2>${heading}</h2>
      <p>${language === 'da' ? 'Ingen evalueringer endnu.' : 'No evaluations yet.'}</p>`;
  const headers =
    language === 'da'
      ? ['Møde', 'Tilstand', 'Svar', 'Gennemsnit', 'Antal 1 · 2 · 3 · 4 · 5']
      : ['Meeting', 'State', 'Answers', 'Average', 'Count 1 · 2 · 3 · 4 · 5'];
  const chartLabel =
    language === 'da'
      ? 'Diagram: den gennemsnitlige vurdering af hvert møde. Tallene står i tabellen under.'
      : 'Chart: the average rating of each meeting. The figures are in the table below.';
  return html`<h2>${heading}</h2>
    <p class="tools">${pngButton('trend-chart', language)}</p>
    ${chartFigure({ id: 'trend-chart', label: chartLabel, data: trendData(evaluations, language) })}
    ${scrollingTable({ caption: heading, headers, rows: evaluations.map((evaluation) => evaluationRow(evaluation, language)) })}`;
}

function pollsPart(polls: readonly PollView[], language: PageLanguage, national: boolean): Html {
  const heading = language === 'da' ? 'Afstemninger' : 'Polls';
  if (!national) return html``;
  if (polls.length === 0)
    return html`<h2>${heading}</h2>
      <p>${language === 'da' ? 'Ingen afstemninger endnu.' : 'No polls yet.'}</p>`;
  const headers =
    language === 'da'
      ? ['Spørgsmål', 'Stillet', 'Tilstand', 'Stemmer', 'Resultat']
      : ['Question', 'Asked', 'State', 'Voters', 'Result'];
  return html`<h2>${heading}</h2>
    ${scrollingTable({ caption: heading, headers, rows: polls.map((poll) => pollRow(poll, language)) })}`;
}

/** The meetings: each evaluation's figures and their trend, and every poll with its result. */
export function meetingsPage(view: MeetingsView, context: PageContext): string {
  const { language } = context;
  const main = html`<p class="tools">
      <a href="${pageHref(MEETINGS_PATH, language, { format: 'csv' })}" download>${word('csv', language)}</a>
    </p>
    ${evaluationsPart(view.evaluations, language)}
    ${pollsPart(view.polls, language, context.viewer.sees === 'national')}`;
  return pageShell(context, { key: 'meetings', title: word('meetings', language), path: MEETINGS_PATH }, main);
}
