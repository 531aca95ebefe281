/** Put before the CSV text in a file: without it Excel reads UTF-8 as a legacy code page and garbles æøå. */
export const UTF8_BOM = '\uFEFF';

/**
 * A CSV field per RFC 4180: quoted when it holds the separator (a comma unless told), a quote or a line break, quotes
 * doubled. A field a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) gets a leading apostrophe, so opening the export runs nothing.
 */
export function csvField(value: string, separator: ',' | ';' = ','): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  const quoted = separator === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return quoted.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** Rows of fields as RFC 4180 CSV text: CRLF after every record, the last one included. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map((value) => csvField(value)).join(',')}\r\n`).join('');
}

/**
 * Rows as a CSV file a Danish Excel opens in columns: a BOM, semicolons between fields (the
 * Danish list separator; a comma there is the decimal mark) and CRLF after every record. A
 * field is quoted when it holds a semicolon, a quote or a line break, and a field that would
 * run as a formula gets a leading apostrophe, as in `csvField`.
 */
export function spreadsheetCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map((row) => `${row.map((value) => csvField(value, ';')).join(';')}\r\n`).join('');
}

/**
 * A file name's readable part: lower case, æ ø å written ae oe aa, anything else but letters
 * and digits a hyphen, at most `max` characters; "fil" when nothing is left.
 */
export function fileNamePart(text: string, max = 40): string {
  const plain = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return plain.slice(0, max).replace(/-$/, '') || 'fil';
}
