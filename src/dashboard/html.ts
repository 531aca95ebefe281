/** Text that is HTML already: what `html` builds, and only it. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to stand in HTML, in an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character]!);
}

type Part = Html | string | number | undefined | false | readonly Part[];

function render(part: Part): string {
  if (part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

/**
 * HTML from a template: every value put in is escaped unless it is `Html` already, so a
 * municipality's or a person's name can never become markup. Lists are joined; undefined and
 * false put nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let text = strings[0] ?? '';
  values.forEach((value, index) => {
    text += render(value) + (strings[index + 1] ?? '');
  });
  return new Html(text);
}

/** JSON for a `<script type="application/json">` block: nothing in it can close the block. */
export function jsonBlock(value: unknown): Html {
  return new Html(JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'));
}

/**
 * A table in a region that scrolls on its own (a wide table never widens the page on a phone),
 * reachable by keyboard and named by its caption; the headers are column headers.
 */
export function scrollingTable(table: {
  caption: string;
  headers: readonly (string | Html)[];
  rows: Html | readonly Html[];
  className?: string;
}): Html {
  const headers = table.headers.map((header) => html`<th scope="col">${header}</th>`);
  return html`<div class="scroll" tabindex="0" role="region" aria-label="${table.caption}">
    <table${table.className ? html` class="${table.className}"` : ''}>
      <caption>${table.caption}</caption>
      <thead><tr>${headers}</tr></thead>
      <tbody>${table.rows}</tbody>
    </table>
  </div>`;
}
