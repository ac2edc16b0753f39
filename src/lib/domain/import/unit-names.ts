import type { UnitLevel } from '../dataset.ts';

/** An administrative unit the map can draw (provinces and districts of the boundary set). */
export interface KnownUnit {
  level: UnitLevel;
  code: string;
  /** Full name with its type prefix: "Huyện Lâm Bình", "Tỉnh Tuyên Quang". */
  name: string;
  provinceCode: string;
}

export type UnitKey = `${UnitLevel}:${string}`;

export function unitKey(unit: { level: UnitLevel; code: string }): UnitKey {
  return `${unit.level}:${unit.code}`;
}

/** Lower case, no diacritics (đ → d), punctuation as spaces, numbers without leading zeros. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b0+(\d)/g, '$1')
    .trim();
}

/** Unit-type prefixes as people write them, folded, longest first; each → its canonical type. */
const PREFIXES: [string, string][] = [
  ['thanh pho truc thuoc trung uong', 'thanh pho'],
  ['thanh pho', 'thanh pho'],
  ['thi xa', 'thi xa'],
  ['thi tran', 'thi tran'],
  ['huyen', 'huyen'],
  ['quan', 'quan'],
  ['tinh', 'tinh'],
  ['tp', 'thanh pho'],
  ['tx', 'thi xa'],
  ['h', 'huyen'],
  ['q', 'quan'],
];

export interface FoldedName {
  /** Canonical type prefix, '' when the name has none. */
  type: string;
  /** The name without its prefix and without spaces: "tuyenquang". */
  bare: string;
}

/**
 * `TP Tuyên Quang`, `Thành phố Tuyên Quang` and `tp. tuyen quang` fold to the same name;
 * so do `Huyện Yên Sơn`, `H. Yên Sơn` and `huyen yen son`. Spacing never matters.
 */
export function foldUnitName(name: string): FoldedName {
  const folded = foldText(name);
  for (const [prefix, type] of PREFIXES) {
    if (folded.startsWith(`${prefix} `)) {
      const bare = folded.slice(prefix.length + 1).replace(/ /g, '');
      // "Quận 1" keeps its prefix meaningfully; a bare number is still a name.
      if (bare !== '') return { type, bare };
    }
  }
  return { type: '', bare: folded.replace(/ /g, '') };
}

/** How a row found its unit. */
export type MatchStatus =
  'code' | 'name' | 'total' | 'manual' | 'ambiguous' | 'unmatched' | 'skipped' | 'dropped';

export interface UnitMatch {
  status: MatchStatus;
  unit?: KnownUnit;
  /** Units a repeated name could mean, for the person to choose from. */
  candidates?: KnownUnit[];
  /** The code's unit has another name than the row's (kept, but reported). */
  nameDisagrees?: boolean;
}

/** Labels of a province total row ("Toàn tỉnh", "Tổng cộng", "Total"). */
const TOTAL_LABELS = new Set([
  'toan tinh',
  'tong',
  'tong cong',
  'cong',
  'tong so',
  'toan thanh pho',
  'total',
  'province',
  'province total',
  'all',
]);

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABELS.has(foldText(text));
}

export interface UnitMatcher {
  /** Province codes and names, folded, to read a province column. */
  province(text: string): KnownUnit | undefined;
  match(row: MatchRequest): UnitMatch;
  units: readonly KnownUnit[];
}

export interface MatchRequest {
  code?: string;
  name?: string;
  /** The row's or the table's province; names are matched within it. */
  provinceCode?: string | null;
  /** When a name fits a province and a district ("Hà Giang"), the table's usual level wins. */
  preferLevel?: UnitLevel;
}

/**
 * Matches rows to units by GSO code when there is one, otherwise by folded name — within the
 * row's or the table's province when one is known, since district names repeat across provinces
 * (ten "Châu Thành") and even within one (Thị xã and Huyện Cai Lậy).
 */
export function createUnitMatcher(units: readonly KnownUnit[]): UnitMatcher {
  const provinces = new Map<string, KnownUnit>();
  const districts = new Map<string, KnownUnit>();
  const byBare = new Map<string, KnownUnit[]>();
  for (const unit of units) {
    (unit.level === 'province' ? provinces : districts).set(unit.code, unit);
    const { bare } = foldUnitName(unit.name);
    const list = byBare.get(bare);
    if (list) list.push(unit);
    else byBare.set(bare, [unit]);
  }
  const folded = new Map<KnownUnit, FoldedName>(units.map((u) => [u, foldUnitName(u.name)]));
  const cache = new Map<string, UnitMatch>();

  function province(text: string): KnownUnit | undefined {
    const digits = text.trim();
    if (/^\d{1,2}$/.test(digits)) return provinces.get(digits.padStart(2, '0'));
    const { bare } = foldUnitName(text);
    return byBare.get(bare)?.find((unit) => unit.level === 'province');
  }

  function byName(name: string, provinceCode: string | null, preferLevel?: UnitLevel): UnitMatch {
    const { type, bare } = foldUnitName(name);
    let candidates = byBare.get(bare) ?? [];
    if (provinceCode) candidates = candidates.filter((u) => u.provinceCode === provinceCode);
    // The prefix decides between "Thành phố Tuyên Quang" (the city) and "Tỉnh Tuyên Quang".
    if (type !== '') {
      const sameType = candidates.filter((u) => folded.get(u)!.type === type);
      if (sameType.length > 0) candidates = sameType;
    }
    if (candidates.length > 1 && preferLevel) {
      const preferred = candidates.filter((u) => u.level === preferLevel);
      if (preferred.length === 1) candidates = preferred;
    }
    if (candidates.length === 1) return { status: 'name', unit: candidates[0]! };
    if (candidates.length > 1) return { status: 'ambiguous', candidates };
    return { status: 'unmatched' };
  }

  /** Three digits are a district; one or two a province, unless the name says otherwise. */
  function byCode(code: string, name: string): UnitMatch | null {
    const digits = code.replace(/\s/g, '');
    if (!/^\d{1,3}$/.test(digits)) return null;
    const district = districts.get(digits.padStart(3, '0'));
    const province = digits.length <= 2 ? provinces.get(digits.padStart(2, '0')) : undefined;
    const fallback = province ?? district;
    if (!fallback) return null;
    if (!name) return { status: 'code', unit: fallback };
    const want = foldUnitName(name).bare;
    const agreeing = [province, district].find((u) => u && folded.get(u)!.bare === want);
    if (agreeing) return { status: 'code', unit: agreeing };
    const districtProvince = district && provinces.get(district.provinceCode);
    if (!province && districtProvince && folded.get(districtProvince)!.bare === want) {
      return { status: 'code', unit: district };
    }
    const nameDisagrees = !(fallback.level === 'province' && isTotalLabel(name));
    return { status: 'code', unit: fallback, nameDisagrees };
  }

  function match(row: MatchRequest): UnitMatch {
    const code = row.code?.trim() ?? '';
    const name = row.name?.trim() ?? '';
    const provinceCode = row.provinceCode ?? null;
    const key = `${code}\u0000${name}\u0000${provinceCode ?? ''}\u0000${row.preferLevel ?? ''}`;
    const cached = cache.get(key);
    if (cached) return cached;
    let result: UnitMatch;
    const coded = code ? byCode(code, name) : null;
    if (coded) result = coded;
    else if (!name) result = { status: 'unmatched' };
    else if (isTotalLabel(name) && provinceCode && provinces.has(provinceCode)) {
      result = { status: 'total', unit: provinces.get(provinceCode)! };
    } else result = byName(name, provinceCode, row.preferLevel);
    cache.set(key, result);
    return result;
  }

  return { province, match, units };
}
