import Papa from 'papaparse';

export type CsvCell = string | number | null;

/**
 * Text a spreadsheet would run as a formula (CSV injection): a leading = + - @, tab or carriage
 * return, unless the whole cell is a number such as "-3" or "-3,5".
 */
const FORMULA = /^(?!-?\d+(?:[.,]\d+)?$)[=+\-@\t\r]/;

/**
 * The atlas's one CSV writer (RFC 4180, through Papa Parse's `unparse`): a UTF-8 byte-order mark
 * so Excel reads the Vietnamese, CRLF, formula text prefixed with ' and quoted. `decimalComma`
 * writes numbers the Vietnamese way, with `;` between cells as a Vietnamese Excel expects.
 * Several tables follow one another after a blank line.
 */
export function writeCsv(
  tables: readonly (readonly (readonly CsvCell[])[])[],
  { decimalComma = false }: { decimalComma?: boolean } = {},
): string {
  const blocks = tables.map((rows) =>
    Papa.unparse(
      rows
        .filter((row) => row.length > 0)
        .map((row) =>
          row.map((cell) =>
            decimalComma && typeof cell === 'number' ? String(cell).replace('.', ',') : cell,
          ),
        ),
      { delimiter: decimalComma ? ';' : ',', newline: '\r\n', escapeFormulae: FORMULA },
    ),
  );
  return `\uFEFF${blocks.join('\r\n\r\n')}\r\n`;
}
