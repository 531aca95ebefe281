import ExcelJS from 'exceljs';

/** One sheet as rows of cells by header, with the sheet's name and each row's number as the file shows it. */
export interface Sheet {
  name: string;
  headers: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

/** A cell that cannot be read: where it is, and why, as a person reads a spreadsheet. */
export class SheetProblem extends Error {
  constructor(
    readonly sheet: string,
    readonly row: number | undefined,
    readonly column: string | undefined,
    why: string,
  ) {
    super(
      `${sheet}${row !== undefined ? `, række ${row}` : ''}${column !== undefined ? `, kolonne "${column}"` : ''}: ${why}`,
    );
  }
}

/** A cell's value as text: a date as YYYY-MM-DD, a number as written, a formula by its result. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
}

/** The sheets of an .xlsx workbook, the first row of each its headers. */
export async function readWorkbook(bytes: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((worksheet) => {
    const headers: string[] = [];
    worksheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
      headers[column - 1] = cellText(cell.value);
    });
    const rows: Sheet['rows'] = [];
    worksheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Record<string, string> = {};
      headers.forEach((header, index) => {
        cells[header] = cellText(row.getCell(index + 1).value);
      });
      if (Object.values(cells).some((value) => value !== '')) rows.push({ row: number, cells });
    });
    return { name: worksheet.name, headers: headers.filter(Boolean), rows };
  });
}

/** Splits one CSV line (comma or semicolon, quotes doubled inside quotes). */
function csvCells(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line[index]!;
    if (quoted) {
      if (char === '"' && line[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

/** A CSV file as one sheet named `name`, its first line the headers (a Danish Excel's semicolons, or commas). */
export function readCsv(text: string, name: string): Sheet {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const separator = (lines[0] ?? '').includes(';') ? ';' : ',';
  const headers = csvCells(lines[0] ?? '', separator).filter(Boolean);
  const rows: Sheet['rows'] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const values = csvCells(line, separator);
    rows.push({ row: index + 2, cells: Object.fromEntries(headers.map((header, at) => [header, values[at] ?? ''])) });
  });
  return { name, headers, rows };
}

/** Refuses a sheet without the columns it must have, naming them. */
export function requireColumns(sheet: Sheet, columns: readonly string[]): void {
  const missing = columns.filter((column) => !sheet.headers.includes(column));
  if (missing.length > 0)
    throw new SheetProblem(sheet.name, 1, missing[0], `kolonnen mangler (der skal være: ${columns.join(', ')})`);
}
