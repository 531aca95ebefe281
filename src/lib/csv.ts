/** Put before the CSV text in a file: without it Excel reads UTF-8 as a legacy code page and garbles æøå. */
export const UTF8_BOM = '\uFEFF';

/**
 * A CSV field per RFC 4180: quoted when it holds a comma, a quote or a line break, quotes
 * doubled. A field a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, so opening the export runs nothing.
 */
export function csvField(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Rows of fields as RFC 4180 CSV text: CRLF after every record, the last one included. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
