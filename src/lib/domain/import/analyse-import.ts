import type { Observation, UnitLevel } from '../dataset.ts';
import type { MapEra } from '../eras/era.ts';
import { INDICATOR_IDS, isIndicatorId, type IndicatorId } from '../indicators.ts';
import { effectiveHeaders, guessColumns, type ColumnRole } from './columns.ts';
import {
  cellText,
  detectNumberFormat,
  parseCell,
  type Cell,
  type NumberFormat,
} from './numbers.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { createProblem, type TableProblem } from './problems.ts';
import {
  columnLetter,
  filledLength,
  guessHeaderRow,
  hasLongRows,
  readerProblems,
  transposeTable,
  type RawTable,
} from './raw-table.ts';
import {
  foldText,
  foldUnitName,
  unitKey,
  type KnownUnit,
  type MatchStatus,
  type UnitKey,
  type UnitMatch,
  type UnitMatcher,
} from './unit-names.ts';
import { validateTable, type LocatedCell, type ValidationRow } from './validate-table.ts';

/** Everything the person can correct in the wizard; the first guess comes from `proposeSettings`. */
export interface ImportSettings {
  /** Units are columns (as in a plan's annex): read the table turned. */
  transpose: boolean;
  /** Row of the (turned) table that holds the column headers; -1 for none. */
  headerRow: number;
  numberFormat: NumberFormat;
  /** One role per column of the (turned) table. */
  columns: ColumnRole[];
  /** The table's province, to match names that repeat across provinces; null = detect. */
  provinceCode: string | null;
  /** Decisions by data-row index: a unit chosen by hand, or the row dropped. */
  decisions: Record<number, UnitKey | 'drop'>;
  /** The administrative era of the table's units; null = detect (see import-era.ts). */
  era: MapEra | null;
}

export interface AnalysedRow {
  /** Index among the data rows (after the header). */
  index: number;
  /** Where the row's label is in the file, as the person sees it: its row and column. */
  row: number;
  column: string;
  label: string;
  match: UnitMatch;
  /** The candidates' names with their provinces', to choose among (one name, many units). */
  candidateNames: string[];
}

export interface ImportAnalysis {
  headers: string[];
  rows: AnalysedRow[];
  problems: TableProblem[];
  /** Figures ready to store; `datasetId` is filled in when the dataset is saved. */
  observations: Observation[];
  indicators: IndicatorId[];
  level: UnitLevel;
  /** The province used to match names (chosen or detected). */
  provinceCode: string | null;
  counts: Record<MatchStatus, number>;
}

const MATCHED: ReadonlySet<MatchStatus> = new Set(['code', 'name', 'total', 'manual']);

export function isMatched(status: MatchStatus): boolean {
  return MATCHED.has(status);
}

/** The table as the settings turn it, and the rows below its header. */
export function workingTable(
  raw: RawTable,
  settings: Pick<ImportSettings, 'transpose' | 'headerRow'>,
) {
  const rows = settings.transpose ? transposeTable(raw.rows) : raw.rows;
  const header = settings.headerRow >= 0 ? (rows[settings.headerRow] ?? []) : [];
  return { rows, header, data: rows.slice(settings.headerRow + 1) };
}

/**
 * A first guess at every setting: orientation, header row, number format and column roles.
 * Units of another era (`alternative`: the 2025 communes the 2019 units lack) win only when
 * more rows match them.
 */
export function proposeSettings(
  raw: RawTable,
  matcher: UnitMatcher,
  alternative: UnitMatcher | null = null,
): ImportSettings {
  const first = proposeWith(raw, matcher);
  if (!alternative) return first.settings;
  const second = proposeWith(raw, alternative);
  return second.score > first.score ? second.settings : first.settings;
}

function proposeWith(
  raw: RawTable,
  matcher: UnitMatcher,
): { settings: ImportSettings; score: number } {
  const sample = raw.rows.slice(0, 200);
  // A row longer than the header (3,094 in a comma-delimited file) must end in that error, not
  // in the cells of a table turned to match ("Số hộ nghèo" read as a unit, 2 as its code).
  const ragged = hasLongRows(sample);
  const orientations = (ragged ? [false] : [false, true]).map((transpose) => {
    const rows = transpose ? transposeTable(sample) : sample;
    const headerRow = guessHeaderRow(rows);
    const header = headerRow >= 0 ? rows[headerRow]! : [];
    const data = rows.slice(headerRow + 1);
    const columns = guessColumns(header, data, matcher);
    const settings: ImportSettings = {
      transpose,
      headerRow,
      numberFormat: 'vi',
      columns,
      provinceCode: null,
      decisions: {},
      era: null,
    };
    const analysis = analyseImport(
      { rows, readerWarnings: [] },
      { ...settings, transpose: false },
      matcher,
    );
    const score = analysis.rows.filter((row) => isMatched(row.match.status)).length;
    return { settings, score };
  });
  const [straight, turned] = orientations as [
    (typeof orientations)[0],
    (typeof orientations)[0] | undefined,
  ];
  const chosen = turned && turned.score > straight.score ? turned : straight;
  chosen.settings.numberFormat = detectNumberFormat(sampleCells(raw.rows));
  return chosen;
}

/**
 * After the person turns the table or moves the header, guesses again what that change left
 * open: the header row (for 'header') and the column roles; earlier decisions no longer apply.
 */
export function reguessSettings(
  raw: RawTable,
  settings: ImportSettings,
  matcher: UnitMatcher,
  what: 'header' | 'columns',
): ImportSettings {
  const sample = raw.rows.slice(0, 200);
  const rows = settings.transpose ? transposeTable(sample) : sample;
  const headerRow = what === 'header' ? guessHeaderRow(rows) : settings.headerRow;
  const header = headerRow >= 0 ? (rows[headerRow] ?? []) : [];
  const columns = guessColumns(header, rows.slice(headerRow + 1), matcher);
  return { ...settings, headerRow, columns, decisions: {} };
}

function* sampleCells(rows: readonly Cell[][]): Generator<Cell> {
  for (const row of rows.slice(0, 2000)) yield* row;
}

/**
 * Reads a table with the given settings: matches every data row to a unit (by code, by name
 * within the province, or as the person decided), then validates the figures. Rows that match
 * nothing and hold no number are skipped and listed; any other row that matches nothing is an
 * error until the person assigns or drops it — nothing is silently lost.
 */
export function analyseImport(
  raw: RawTable,
  settings: ImportSettings,
  matcher: UnitMatcher,
): ImportAnalysis {
  const { header, data } = workingTable(raw, settings);
  const headers = effectiveHeaders(header, data);
  const width = Math.max(headers.length, settings.columns.length);
  const headerLine = settings.transpose ? 1 : settings.headerRow + 1;
  const offset = settings.headerRow + 1;
  // Problems name the row and column of the file as the person sees it, turned or not.
  const locate = (r: number, c: number): { row: number; column: string } =>
    settings.transpose
      ? { row: c + 1, column: columnLetter(r + offset) }
      : { row: r + offset + 1, column: headers[c] || columnLetter(c) };
  const locateHeader = (c: number) =>
    settings.transpose
      ? { row: c + 1, column: columnLetter(Math.max(0, settings.headerRow)) }
      : { row: Math.max(1, headerLine), column: headers[c] || columnLetter(c) };
  // Two columns of one name ("Mã huyện" twice) are told apart by their letters.
  const columnName = (c: number) =>
    settings.transpose || !headers[c]
      ? headers[c] || columnLetter(c)
      : `${headers[c]} (${columnLetter(c)})`;
  const problems: TableProblem[] = readerProblems(raw.readerWarnings);

  const roleColumn = (role: ColumnRole) => settings.columns.indexOf(role);
  const codeColumn = roleColumn('code');
  // With no name column ("Tỉnh | Tỷ lệ hộ nghèo", "Mã | Tỉnh | …") the province column names
  // the units; a district's code beside its province's name still agrees (see unit-names.ts).
  const provincesOnly = roleColumn('name') < 0;
  const nameColumn = provincesOnly ? roleColumn('province') : roleColumn('name');
  const provinceColumn = provincesOnly ? -1 : roleColumn('province');
  const indicatorColumns = new Map<IndicatorId, number>();
  settings.columns.forEach((role, c) => {
    if (!isIndicatorId(role) || c >= width) return;
    const first = indicatorColumns.get(role);
    if (first === undefined) {
      indicatorColumns.set(role, c);
      return;
    }
    const where = locateHeader(c);
    problems.push(
      createProblem('error', where.row, where.column, 'duplicate-column', {
        indicator: role,
        other: columnName(first),
        column: columnName(c),
      }),
    );
  });
  const counts = emptyCounts();
  if (codeColumn < 0 && nameColumn < 0) {
    problems.push(createProblem('error', Math.max(1, headerLine), '', 'no-unit-column'));
    return finish({
      headers,
      rows: [],
      problems,
      observations: [],
      counts,
      level: 'district',
      provinceCode: null,
    });
  }

  const text = (row: Cell[], c: number) => (c >= 0 ? cellText(row[c] ?? null) : '');
  const rowProvince = (row: Cell[]) => {
    const value = text(row, provinceColumn);
    return value ? (matcher.province(value)?.code ?? null) : null;
  };
  // First pass without hints: which province and level do the unambiguous rows point to?
  const scope =
    settings.provinceCode ??
    detectProvince(data, (row) =>
      matcher.match({
        code: text(row, codeColumn),
        name: text(row, nameColumn),
        provinceCode: rowProvince(row),
      }),
    );
  const preferLevel = dominantLevel(data, (row) =>
    matcher.match({
      code: text(row, codeColumn),
      name: text(row, nameColumn),
      provinceCode: rowProvince(row) ?? scope,
    }),
  );
  const byKey = new Map<string, KnownUnit>(matcher.units.map((unit) => [unitKey(unit), unit]));
  // Two columns read as one unit field (two "Mã huyện"; "Mã tỉnh" beside "Tên tỉnh") say it
  // twice: the first is read, so they must agree on every row read, or the person chooses one.
  const repeated = UNIT_ROLES.flatMap((role) => {
    const [first = -1, ...others] = settings.columns.flatMap((r, c) => (r === role ? [c] : []));
    return others.map((c) => ({ role, first, c, reported: false }));
  });

  const analysed: AnalysedRow[] = [];
  const validationRows: ValidationRow[] = [];
  const labelColumn = nameColumn >= 0 ? nameColumn : codeColumn;
  // Every cell read has a length limit: a unit's name a short one, a figure a generous one.
  const limited: [number, number][] = [
    ...[codeColumn, nameColumn, provinceColumn]
      .filter((c) => c >= 0)
      .map((c): [number, number] => [c, IMPORT_LIMITS.nameLength]),
    ...[...indicatorColumns.values()].map((c): [number, number] => [c, IMPORT_LIMITS.cellLength]),
  ];
  // A data row with fewer fields than the header was cut short (a truncated file), unless
  // the header's last columns are empty.
  const headerWidth = settings.transpose
    ? 0
    : headers.reduce((width, h, c) => (h !== '' ? c + 1 : width), 0);
  // Its mirror: a data row with more cells than the header has (trailing empty cells do not
  // count) has cells of no column — a thousands separator that is the delimiter (3,094 in a
  // comma-delimited file) or a name with an unquoted delimiter moved those after it.
  const headerFields =
    settings.transpose || settings.headerRow < 0 ? Number.POSITIVE_INFINITY : header.length;
  data.forEach((row, index) => {
    const label = (text(row, nameColumn) || text(row, codeColumn)).slice(
      0,
      IMPORT_LIMITS.nameLength,
    );
    const where = locate(index, labelColumn);
    const decision = settings.decisions[index];
    let oversized = false;
    for (const [c, limit] of limited) {
      const value = row[c];
      if (typeof value !== 'string' || value.length <= limit) continue;
      const at = locate(index, c);
      problems.push(
        createProblem('error', at.row, at.column, 'cell-too-long', { length: value.length, limit }),
      );
      oversized = true;
    }
    let match: UnitMatch;
    if (oversized) match = { status: 'unmatched' };
    else if (decision === 'drop') match = { status: 'dropped' };
    else if (decision && byKey.has(decision))
      match = { status: 'manual', unit: byKey.get(decision)! };
    else {
      const request = {
        code: text(row, codeColumn),
        name: text(row, nameColumn),
        provinceCode: rowProvince(row) ?? scope,
        preferLevel,
      };
      match = matcher.match(request);
      // A detected province is only a hint: a name found nowhere in it is looked up nationally.
      if (match.status === 'unmatched' && settings.provinceCode === null && !rowProvince(row)) {
        match = matcher.match({ ...request, provinceCode: null });
      }
      const hasNumber = () =>
        [...indicatorColumns.values()].some(
          (c) => parseCell(row[c] ?? null, settings.numberFormat).ok,
        );
      if (!isMatched(match.status) && !hasNumber()) match = { status: 'skipped' };
    }
    counts[match.status] += 1;
    analysed.push({
      index,
      row: where.row,
      column: where.column,
      label,
      match,
      candidateNames: (match.candidates ?? []).map((unit) => matcher.fullName(unit)),
    });
    for (const pair of match.status === 'skipped' || match.status === 'dropped' ? [] : repeated) {
      const [first, second] = [text(row, pair.first), text(row, pair.c)];
      if (pair.reported || unitCellsAgree(pair.role, first, second, matcher)) continue;
      pair.reported = true;
      const at = locate(index, pair.c);
      problems.push(
        createProblem('error', at.row, at.column, 'duplicate-unit-column', {
          role: pair.role,
          other: columnName(pair.first),
          column: columnName(pair.c),
          first,
          second,
        }),
      );
    }
    const read = match.status !== 'skipped' && match.status !== 'dropped';
    const short = read && row.length < headerWidth;
    const long = read && row.length > headerFields && filledLength(row) > headerFields;
    if (long) {
      const at = locate(index, headerFields);
      problems.push(
        createProblem('error', at.row, at.column, 'long-row', {
          fields: filledLength(row),
          expected: headerFields,
        }),
      );
    }
    if (short) {
      problems.push(
        createProblem(
          'error',
          where.row,
          headers[row.length] || columnLetter(row.length),
          'short-row',
          {
            fields: row.length,
            expected: headerWidth,
          },
        ),
      );
    }
    if (oversized) return;
    if (match.status === 'unmatched') {
      problems.push(createProblem('error', where.row, where.column, 'unmatched', { name: label }));
    } else if (match.status === 'ambiguous') {
      problems.push(
        createProblem('error', where.row, where.column, 'ambiguous', {
          name: label,
          candidates: (match.candidates ?? []).map((unit) => matcher.fullName(unit)).join(' / '),
        }),
      );
    }
    if (match.nameDisagrees && match.unit) {
      problems.push(
        createProblem('warning', where.row, where.column, 'code-name-mismatch', {
          code: match.unit.code,
          unit: match.unit.name,
          name: text(row, nameColumn),
        }),
      );
    }
    // Which figure belongs to which column of a row too long cannot be known.
    if (long || !match.unit || !isMatched(match.status)) return;
    const cells: ValidationRow['cells'] = {};
    for (const [id, c] of indicatorColumns) {
      // A cell a short row lacks is the row-length error's, not an empty cell besides.
      if (short && c >= row.length) continue;
      const { row: line, column } = locate(index, c);
      const located: LocatedCell = { value: row[c] ?? null, row: line, column };
      cells[id] = located;
    }
    validationRows.push({ ...where, unit: match.unit, cells });
  });

  const { problems: figureProblems, values } = validateTable(validationRows, {
    numberFormat: settings.numberFormat,
  });
  // One by one: spreading 100,000 problems as arguments overflows the call stack.
  for (const problem of figureProblems) problems.push(problem);
  const observations: Observation[] = [];
  validationRows.forEach((row, i) => {
    for (const [id, value] of Object.entries(values[i]!) as [IndicatorId, number][]) {
      observations.push({
        // Dataset and year are the metadata's, set when the import is stored (import-report).
        datasetId: '',
        unitCode: row.unit.code,
        unitLevel: row.unit.level,
        indicator: id,
        year: 0,
        value,
      });
    }
  });
  if (observations.length === 0 && !problems.some((p) => p.severity === 'error')) {
    problems.push(createProblem('error', Math.max(1, headerLine), '', 'no-data'));
  }
  const level: UnitLevel = validationRows.some((row) => row.unit.level === 'commune')
    ? 'commune'
    : validationRows.some((row) => row.unit.level === 'district')
      ? 'district'
      : 'province';
  return finish({
    headers,
    rows: analysed,
    problems,
    observations,
    counts,
    level,
    provinceCode: scope,
  });
}

const UNIT_ROLES = ['code', 'name', 'province'] as const;

/**
 * Whether two cells of one unit field name the same unit: codes without leading zeros, a
 * province by its code or name ("08", "Tỉnh Tuyên Quang"), names folded ("Lâm Bình" is
 * "Huyện Lâm Bình", but "Thị xã Cai Lậy" is not "Huyện Cai Lậy").
 */
export function unitCellsAgree(
  role: (typeof UNIT_ROLES)[number],
  a: string,
  b: string,
  matcher: UnitMatcher,
): boolean {
  if (a === b) return true;
  // No unit's name is that long; such a cell is refused anyway, and not worth folding.
  if (a.length > IMPORT_LIMITS.nameLength || b.length > IMPORT_LIMITS.nameLength) return false;
  if (role === 'code') return foldText(a) === foldText(b);
  if (role === 'province') {
    const [p, q] = [matcher.province(a), matcher.province(b)];
    if (p && q) return p.code === q.code;
  }
  const [x, y] = [foldUnitName(a), foldUnitName(b)];
  return x.bare === y.bare && (x.type === y.type || x.type === '' || y.type === '');
}

function finish(analysis: Omit<ImportAnalysis, 'indicators'>): ImportAnalysis {
  const present = new Set(analysis.observations.map((o) => o.indicator));
  analysis.problems.sort((a, b) => a.row - b.row);
  return { ...analysis, indicators: INDICATOR_IDS.filter((id) => present.has(id)) };
}

function emptyCounts(): Record<MatchStatus, number> {
  return {
    code: 0,
    name: 0,
    total: 0,
    manual: 0,
    ambiguous: 0,
    unmatched: 0,
    skipped: 0,
    dropped: 0,
  };
}

/** The province that at least 80 % of the rows matched without a hint belong to, if any. */
function detectProvince(rows: readonly Cell[][], match: (row: Cell[]) => UnitMatch): string | null {
  const tally = new Map<string, number>();
  let matched = 0;
  for (const row of rows.slice(0, 2000)) {
    const { unit, status } = match(row);
    if (!unit || !isMatched(status)) continue;
    matched += 1;
    tally.set(unit.provinceCode, (tally.get(unit.provinceCode) ?? 0) + 1);
  }
  for (const [code, count] of tally) if (count >= 0.8 * matched) return code;
  return null;
}

function dominantLevel(rows: readonly Cell[][], match: (row: Cell[]) => UnitMatch): UnitLevel {
  const tally: Record<UnitLevel, number> = { province: 0, district: 0, commune: 0 };
  for (const row of rows.slice(0, 2000)) {
    const { unit, status } = match(row);
    if (!unit || !isMatched(status)) continue;
    tally[unit.level] += 1;
  }
  // A table of one era has districts or communes, never both.
  const below: UnitLevel = tally.commune > tally.district ? 'commune' : 'district';
  return tally.province > tally[below] ? 'province' : below;
}
