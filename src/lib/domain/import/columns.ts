import { INDICATOR_IDS, INDICATORS, isIndicatorId, type IndicatorId } from '../indicators.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { cellText, parseCell, type Cell } from './numbers.ts';
import { foldText, type UnitMatcher } from './unit-names.ts';

/** What a column holds: the unit's code, name or province, an indicator, or nothing we use. */
export type ColumnRole = 'ignore' | 'code' | 'name' | 'province' | IndicatorId;

export function isColumnRole(value: string): value is ColumnRole {
  return ['ignore', 'code', 'name', 'province'].includes(value) || isIndicatorId(value);
}

/**
 * The seed CSVs' own column names, kept so older files read the same. A Map: a header named
 * `constructor` or `toString` must not find Object.prototype's.
 */
const LEGACY_NAMES = new Map<string, ColumnRole>([
  ['district_code', 'code'],
  ['unit_code', 'code'],
  ['province_code', 'province'],
  ['district_name', 'name'],
  ['unit_name', 'name'],
  ['rate_start_pct', 'rate_start'],
  ['rate_reduction_pp', 'rate_reduction'],
  ['rate_end_pct', 'rate_end'],
]);

/** A seed CSV's column: its own names or an indicator id, nothing guessed. */
export function seedColumnRole(header: string): ColumnRole | null {
  const name = header.trim();
  return LEGACY_NAMES.get(name) ?? (isIndicatorId(name) ? name : null);
}

const CODE_HEADERS =
  /^(ma|ma so|ma dvhc|ma don vi|ma huyen|ma quan huyen|ma hanh chinh|ma gso|ma tk|ma xa|ma phuong xa|ma xa phuong|code|gso|gso code|unit code|district code|commune code|ward code)$/;
const PROVINCE_HEADERS =
  /^(tinh|ma tinh|ten tinh|tinh thanh pho|tinh tp|province|province code|province name)$/;
const NAME_HEADERS =
  /^(ten|ten don vi|don vi|huyen|quan huyen|ten huyen|ten quan huyen|dia ban|dia phuong|don vi hanh chinh|chi tieu|xa|phuong|xa phuong|phuong xa|district|district name|commune|commune name|ward|name|unit|unit name|area)$/;
const IGNORED_HEADERS =
  /^(stt|tt|so tt|no|nr|ghi chu|note|notes|dvt|don vi tinh|unit of measure|nam|year)$/;

/** Folded indicator labels in both languages, so exported files read back unchanged. */
const LABELS = new Map<string, IndicatorId>(
  INDICATOR_IDS.flatMap((id) => [
    [foldText(INDICATORS[id].label.vi), id],
    [foldText(INDICATORS[id].label.en), id],
    [foldText(id), id],
  ]),
);

/** An indicator from a header in Vietnamese or English ("Số hộ nghèo đầu năm", "Poverty rate"). */
export function indicatorFromHeader(header: string): IndicatorId | null {
  const h = foldText(header);
  if (h === '') return null;
  const exact = LABELS.get(h);
  if (exact) return exact;
  const has = (pattern: RegExp) => pattern.test(h);
  const isRate = /%/.test(header) || has(/\b(ty le|rate|pct|percent|phan tram|tyle)\b/);
  const time = has(/\b(cuoi|end|uoc|du kien|expected)\b/) ? 'end' : 'start';
  if (has(/bao hiem y te|\bbhyt\b|health insurance/)) {
    return isRate ? 'health_insurance_rate' : 'health_insurance_cards';
  }
  if (has(/\b(dan so|population)\b/)) return 'population';
  if (has(/kinh phi|ngan sach|budget|trieu dong/))
    return has(/\b(tong|total)\b/) ? 'budget_total' : null;
  const nearPoor = has(/can ngheo|near poor|nearpoor/);
  const ethnic = has(/dan toc|\bdtts\b|ethnic|minorit/);
  const poor = has(/ngheo|poor|poverty/);
  if (has(/\b(giam|reduc\w*|thoat ngheo|exit\w*|leav\w*|decrease\w*)\b/)) {
    if (nearPoor || ethnic) return null;
    if (isRate) return 'rate_reduction';
    return poor ? 'poor_reduced' : null;
  }
  const group = ethnic
    ? nearPoor
      ? 'ethnic_near_poor'
      : poor
        ? 'ethnic_poor'
        : null
    : nearPoor
      ? 'near_poor'
      : null;
  if (isRate) return group ? (`${group}_rate_${time}` as IndicatorId) : `rate_${time}`;
  if (poor) return group ? (`${group}_${time}` as IndicatorId) : `poor_${time}`;
  if (has(/\b(so ho|tong so ho|ho|households?|ho gia dinh)\b/)) {
    return ethnic ? `ethnic_households_${time}` : `households_${time}`;
  }
  return null;
}

/** A header of a sub-item ("- Đầu năm") is read with its group's ("Tỷ lệ hộ nghèo"). */
export function effectiveHeaders(header: readonly Cell[], rows: readonly Cell[][]): string[] {
  let group = '';
  return header.map((cell, c) => {
    const text = cellText(cell);
    if (/^[-–+*•]/.test(text)) return group ? `${group} ${text}` : text;
    if (text && rows.every((row) => cellText(row[c] ?? null) === '')) group = text;
    else if (text) group = '';
    return text;
  });
}

function roleFromHeader(header: string): ColumnRole | null {
  // A header longer than any name is read as nothing, not folded and matched megabyte by megabyte.
  if (header.length > IMPORT_LIMITS.nameLength) return null;
  const legacy = LEGACY_NAMES.get(header.trim());
  if (legacy) return legacy;
  const h = foldText(header);
  if (IGNORED_HEADERS.test(h)) return 'ignore';
  if (CODE_HEADERS.test(h)) return 'code';
  if (PROVINCE_HEADERS.test(h)) return 'province';
  if (NAME_HEADERS.test(h) || /^ten /.test(h)) return 'name';
  return indicatorFromHeader(header);
}

/**
 * A first guess at every column's role, from its header and — for the unit columns — from its
 * content: a column of 1–3-digit values that are unit codes holds codes; the text column whose
 * values match most unit names holds names. Two columns whose headers read as the same role both
 * get it, so the analysis reports them (two indicators always, two unit columns when they
 * disagree) and the person chooses one: silently keeping the first would drop the other unseen.
 */
export function guessColumns(
  header: readonly Cell[],
  rows: readonly Cell[][],
  matcher?: UnitMatcher,
): ColumnRole[] {
  const headers = effectiveHeaders(header, rows);
  const sample = rows.slice(0, 200);
  const taken = new Set<ColumnRole>();
  const roles = headers.map((text, c): ColumnRole => {
    // An empty column (a group heading such as "Tỷ lệ hộ nghèo") holds nothing to read.
    if (isEmpty(sample, c)) return 'ignore';
    const role = roleFromHeader(text);
    if (!role || role === 'ignore') return 'ignore';
    taken.add(role);
    return role;
  });
  const undecided = headers.map((text, c) => roleFromHeader(text) === null && !isEmpty(sample, c));
  if (matcher && !taken.has('code')) {
    const c = bestColumn(sample, undecided, (cell) => {
      const text = cellText(cell);
      return /^\d{1,3}$/.test(text) && matcher.match({ code: text }).status === 'code';
    });
    if (c >= 0) {
      roles[c] = 'code';
      undecided[c] = false;
    }
  }
  if (matcher && !taken.has('name')) {
    const c = bestColumn(sample, undecided, (cell) => {
      const text = cellText(cell);
      if (text === '' || parseCell(cell, 'vi').ok) return false;
      const status = matcher.match({ name: text }).status;
      return status === 'name' || status === 'ambiguous';
    });
    if (c >= 0) roles[c] = 'name';
  }
  return roles;
}

function isEmpty(rows: readonly Cell[][], c: number): boolean {
  return rows.every((row) => cellText(row[c] ?? null) === '');
}

/** The column where most non-empty cells pass `test` (at least half of them), or -1. */
function bestColumn(
  rows: readonly Cell[][],
  candidates: boolean[],
  test: (cell: Cell) => boolean,
): number {
  let best = -1;
  let bestShare = 0.5;
  candidates.forEach((candidate, c) => {
    if (!candidate) return;
    let filled = 0;
    let passing = 0;
    for (const row of rows) {
      const cell = row[c] ?? null;
      if (cellText(cell) === '') continue;
      filled += 1;
      if (test(cell)) passing += 1;
    }
    if (filled > 0 && passing / filled >= bestShare && passing > 0) {
      best = c;
      bestShare = passing / filled + 1e-9;
    }
  });
  return best;
}
