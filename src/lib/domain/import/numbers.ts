/**
 * Numbers as planners type them. Vietnamese documents group thousands with `.` and write decimals
 * with `,` (`210.299` households, `11,80` %); English files do the opposite. Only a single
 * separator followed by exactly three digits (`210.299`, `1,234`) is ambiguous: the file's number
 * format decides it. Everything else reads the same either way.
 */
export type NumberFormat = 'vi' | 'en';

export type ParsedNumber =
  | { ok: true; value: number; /** digits after the decimal separator */ decimals: number }
  | { ok: false; reason: 'empty' | 'not-a-number' };

const EMPTY: ParsedNumber = { ok: false, reason: 'empty' };
const NOT_A_NUMBER: ParsedNumber = { ok: false, reason: 'not-a-number' };
/** Spaces (also no-break and thin) and apostrophes are only ever digit grouping. */
const GROUPING_SPACES = /[\s\u00a0\u202f']/g;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

const PLAIN_INTEGER = /^\d{1,15}$/;
const LONGEST_NUMBER = 64;

export function parseVietnameseNumber(text: string, format: NumberFormat = 'vi'): ParsedNumber {
  // Most cells of a large table are plain whole numbers: read them without the general path.
  if (PLAIN_INTEGER.test(text)) return { ok: true, value: Number(text), decimals: 0 };
  // No figure is written in more characters; a megabyte cell is not read with the regexes below.
  if (text.length > LONGEST_NUMBER) return NOT_A_NUMBER;
  let s = text.trim();
  if (s === '') return EMPTY;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.endsWith('%')) s = s.slice(0, -1).trim();
  if (/^[-−–]/.test(s)) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) {
    s = s.slice(1);
  }
  s = s.replace(GROUPING_SPACES, '');
  if (SCIENTIFIC.test(s)) return finish(Number(s), 0, negative);
  if (!/^[\d.,]*\d[\d.,]*$/.test(s)) return NOT_A_NUMBER;

  const decimalSeparator = decimalSeparatorOf(s, format);
  const groupSeparator = decimalSeparator === ',' ? '.' : ',';
  const [integerPart = '', fraction, ...rest] = s.split(decimalSeparator ?? '\u0000');
  if (rest.length > 0 || (fraction !== undefined && !/^\d+$/.test(fraction))) return NOT_A_NUMBER;
  let digits = integerPart;
  if (integerPart.includes(groupSeparator)) {
    const groups = integerPart.split(groupSeparator);
    const valid =
      /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((group) => /^\d{3}$/.test(group));
    if (!valid) return NOT_A_NUMBER;
    digits = groups.join('');
  }
  if (!/^\d*$/.test(digits) || (digits === '' && fraction === undefined)) return NOT_A_NUMBER;
  return finish(Number(`${digits || '0'}.${fraction ?? '0'}`), fraction?.length ?? 0, negative);
}

function finish(value: number, decimals: number, negative: boolean): ParsedNumber {
  if (!Number.isFinite(value)) return NOT_A_NUMBER;
  return { ok: true, value: negative && value !== 0 ? -value : value, decimals };
}

/** Which separator is the decimal one, or null when the text has no decimals. */
function decimalSeparatorOf(s: string, format: NumberFormat): '.' | ',' | null {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const separator = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (separator === null) return null;
  if (s.indexOf(separator) !== s.lastIndexOf(separator)) return separator === '.' ? ',' : '.';
  if (isAmbiguous(s, separator)) return format === 'vi' ? ',' : '.';
  return separator;
}

/** `210.299`, `1,234`: one separator, 1–3 digits (not starting with 0) before it, 3 after. */
function isAmbiguous(s: string, separator: '.' | ','): boolean {
  const [before = '', after = ''] = s.split(separator);
  return /^[1-9]\d{0,2}$/.test(before) && /^\d{3}$/.test(after);
}

/**
 * Guesses a file's number format from its cells: `11,80` and `1.234.567` are Vietnamese,
 * `11.80` and `1,234,567` English; ambiguous cells do not vote. Ties go to Vietnamese.
 */
export function detectNumberFormat(cells: Iterable<unknown>, limit = 5000): NumberFormat {
  let vi = 0;
  let en = 0;
  let seen = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const s = cell
      .trim()
      .replace(/%$/, '')
      .replace(GROUPING_SPACES, '')
      .replace(/^[-−–+]/, '');
    if (!/^[\d.,]+$/.test(s) || !/[.,]/.test(s)) continue;
    if (++seen > limit) break;
    const vote = voteOf(s);
    if (vote === 'vi') vi += 1;
    else if (vote === 'en') en += 1;
  }
  return en > vi ? 'en' : 'vi';
}

function voteOf(s: string): NumberFormat | null {
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastComma > lastDot ? 'vi' : 'en';
  const separator = lastDot >= 0 ? '.' : ',';
  if (s.indexOf(separator) !== s.lastIndexOf(separator)) return separator === '.' ? 'vi' : 'en';
  if (isAmbiguous(s, separator)) return null;
  return separator === ',' ? 'vi' : 'en';
}

/** A cell from any reader: CSV gives text, XLSX gives numbers, booleans or text. */
export type Cell = string | number | boolean | null;

export function parseCell(cell: Cell, format: NumberFormat): ParsedNumber {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return NOT_A_NUMBER;
    const text = String(cell);
    const decimals = /e/i.test(text) ? 0 : (text.split('.')[1]?.length ?? 0);
    return { ok: true, value: cell, decimals };
  }
  if (typeof cell === 'boolean') return NOT_A_NUMBER;
  return parseVietnameseNumber(cell, format);
}

export function cellText(cell: Cell): string {
  return cell === null ? '' : String(cell).trim();
}
