import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

interface Records {
  records: Record<string, unknown>[];
}
export const read = async (dir: string, file: string) =>
  JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Records;

/** A workbook built from the data as it is: the three sheets the import reads, every row of today's data. */
export async function workbookOfToday(
  dir: string,
  change: (sheets: Record<string, unknown[][]>) => void = () => {},
): Promise<string> {
  const tasks = (await read(dir, 'tasks.json')).records;
  const deadlines = (await read(dir, 'deadlines.json')).records;
  const status = (await read(dir, 'bbr-status.json')).records;
  const systems = (await read(dir, 'it-systems.json')).records;
  const interfaces = (await read(dir, 'interfaces.json')).records;
  const sheets: Record<string, unknown[][]> = {
    Frister: [
      ['Id', 'Titel', 'Dato'],
      ...tasks.filter((task) => task.deadline).map((task) => [task.id, task.title, task.deadline]),
      ...deadlines.map((fact) => [fact.id, fact.title, fact.date]),
    ],
    'KLIK-udtræk': [
      ['Opgave', 'Trin', 'Ikke påbegyndt', 'Påbegyndt', 'Fuldført', 'Udtræk'],
      ...status.map((row) => {
        const counts = row.counts as { notStarted: number; started: number; done: number };
        return [
          row.task,
          row.step,
          counts.notStarted,
          counts.started,
          counts.done,
          (row.source as { asOf: string }).asOf,
        ];
      }),
    ],
    Implementeringsoverblik: [
      ['It-system', 'Støttesystem', 'Snitflade', 'Tilstand'],
      ...systems.flatMap((system) =>
        (system.supportSystems as { supportSystem: string }[]).map((link) => [system.id, link.supportSystem, '', '']),
      ),
      ...interfaces.flatMap((one) =>
        (one.users as { itSystem: string; state: string }[]).map((user) => [
          user.itSystem,
          one.supportSystem,
          one.code,
          user.state,
        ]),
      ),
    ],
  };
  change(sheets);
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'klikbot-sheet-')), 'overblik.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}
