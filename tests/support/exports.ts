/** What klikbot tells the conversation when it has sent someone an export privately. */
export const SENT_PRIVATELY = 'Filen er sendt til din private chat med klikbot.';

/** A CSV file as a Danish Excel opens it: UTF-8 with a BOM, `;` between fields, CRLF after every row. */
export const excel = (...rows: string[]): string => `\uFEFF${rows.map((row) => `${row}\r\n`).join('')}`;

/** What of an export's content must show nowhere but in the file: the BOM and the Danish headers. */
export const CSV_CONTENT = /\uFEFF|Navn;Kommune;Valg|Svarmulighed;Stemmer;Procent|Bedømmelse \(1–5\);/;

/** A CSV file with the rows after its header sorted: for answers stored in an order that tells nothing. */
export const inAnyOrder = (file: string): string => {
  const [header, ...rows] = file.split('\r\n');
  return [header, ...rows.sort()].join('\r\n');
};
