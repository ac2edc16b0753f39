import { IMPORT_LIMITS } from './limits.ts';
import type { UnitLevel } from '../dataset.ts';

/**
 * An administrative unit the map can draw: the provinces and districts of the 2019 boundary set,
 * or the 34 provinces and 3,321 communes/wards of 2025.
 */
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
  ['dac khu', 'dac khu'],
  ['phuong', 'phuong'],
  ['huyen', 'huyen'],
  ['quan', 'quan'],
  ['tinh', 'tinh'],
  ['xa', 'xa'],
  ['tp', 'thanh pho'],
  ['tx', 'thi xa'],
  ['h', 'huyen'],
  ['q', 'quan'],
  ['p', 'phuong'],
];

/** Prefixes of communes and wards (2025: there are no more thị trấn). */
const COMMUNE_TYPES: ReadonlySet<string> = new Set(['xa', 'phuong', 'dac khu']);

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
  /** A unit's name with its province's, to tell units of one name apart (unitWithProvince). */
  fullName(unit: KnownUnit): string;
  units: readonly KnownUnit[];
}

/**
 * A unit's name with its province's, "Huyện Châu Thành (Tỉnh Long An)": names repeat across
 * provinces (ten Châu Thành), so wherever a person chooses among units it says which is which.
 */
export function unitWithProvince(
  unit: KnownUnit,
  provinceName: (code: string) => string | undefined,
): string {
  if (unit.level === 'province') return unit.name;
  const province = provinceName(unit.provinceCode);
  return province ? `${unit.name} (${province})` : unit.name;
}

export interface MatchRequest {
  code?: string;
  name?: string;
  /** The row's or the table's province; names are matched within it. */
  provinceCode?: string | null;
  /** When a name fits a province and a district ("Hà Giang"), the table's usual level wins. */
  preferLevel?: UnitLevel;
}

export interface UnitMatcherOptions {
  /**
   * Commune codes spelt otherwise elsewhere: [other spelling, the units' code]. The 2025
   * crosswalk calls Xã Ba Chẽ 06970 where the boundary file says 06978 (see crosswalk.ts).
   */
  communeCodeAliases?: readonly (readonly [string, string])[];
}

/**
 * Matches rows to units by GSO code when there is one, otherwise by folded name — within the
 * row's or the table's province when one is known, since district names repeat across provinces
 * (ten "Châu Thành") and even within one (Thị xã and Huyện Cai Lậy); so do commune names.
 * Codes of one or two digits are provinces, three districts, four or five communes.
 */
export function createUnitMatcher(
  units: readonly KnownUnit[],
  options: UnitMatcherOptions = {},
): UnitMatcher {
  const provinces = new Map<string, KnownUnit>();
  const districts = new Map<string, KnownUnit>();
  const communes = new Map<string, KnownUnit>();
  const byBare = new Map<string, KnownUnit[]>();
  for (const unit of units) {
    const byLevel =
      unit.level === 'province' ? provinces : unit.level === 'commune' ? communes : districts;
    byLevel.set(unit.code, unit);
    const { bare } = foldUnitName(unit.name);
    const list = byBare.get(bare);
    if (list) list.push(unit);
    else byBare.set(bare, [unit]);
  }
  const folded = new Map<KnownUnit, FoldedName>(units.map((u) => [u, foldUnitName(u.name)]));
  const cache = new Map<string, UnitMatch>();

  function province(text: string): KnownUnit | undefined {
    const digits = text.trim();
    if (digits.length > IMPORT_LIMITS.nameLength) return undefined;
    if (/^\d{1,2}$/.test(digits)) return provinces.get(digits.padStart(2, '0'));
    const { bare } = foldUnitName(text);
    return byBare.get(bare)?.find((unit) => unit.level === 'province');
  }

  function byName(name: string, provinceCode: string | null, preferLevel?: UnitLevel): UnitMatch {
    let { type, bare } = foldUnitName(name);
    const inProvince = (key: string, prefix: string) =>
      (byBare.get(key) ?? []).filter(
        (u) =>
          (!provinceCode || u.provinceCode === provinceCode) &&
          // A commune's prefix never names a district or province, nor theirs a commune:
          // "Huyện Ba Chẽ" (2019) is not "Xã Ba Chẽ" (2025).
          (prefix === '' || (u.level === 'commune') === COMMUNE_TYPES.has(prefix)),
      );
    let candidates = inProvince(bare, type);
    // What looked like a prefix may be the name's first word: "Phương Sơn", "Xà Phiên", "Quan Hóa".
    if (candidates.length === 0 && type !== '') {
      bare = foldText(name).replace(/ /g, '');
      type = '';
      candidates = inProvince(bare, type);
    }
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

  for (const [other, code] of options.communeCodeAliases ?? []) {
    const unit = communes.get(code);
    if (unit && !communes.has(other)) communes.set(other, unit);
  }

  /** A commune's five-digit code (leading zeros may be lost in a spreadsheet), or its alias. */
  function byCommuneCode(digits: string, name: string): UnitMatch | null {
    const unit = communes.get(digits.padStart(5, '0'));
    if (!unit) return null;
    const bare = folded.get(unit)!.bare;
    if (!name || bare === foldUnitName(name).bare || bare === foldText(name).replace(/ /g, '')) {
      return { status: 'code', unit };
    }
    return { status: 'code', unit, nameDisagrees: true };
  }

  /** Three digits are a district; one or two a province, unless the name says otherwise. */
  function byCode(code: string, name: string): UnitMatch | null {
    const digits = code.replace(/\s/g, '');
    if (/^\d{4,5}$/.test(digits)) return byCommuneCode(digits, name);
    if (!/^\d{1,3}$/.test(digits)) return null;
    const district = districts.get(digits.padStart(3, '0'));
    const province = digits.length <= 2 ? provinces.get(digits.padStart(2, '0')) : undefined;
    const fallback = province ?? district;
    // A commune code whose leading zeros a spreadsheet dropped ("127" for 00127).
    if (!fallback) return communes.size > 0 ? byCommuneCode(digits, name) : null;
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
    // No unit's name is that long: such a cell is refused (analyse-import.ts) without the cost
    // of folding megabytes of text, nor keeping them in the cache.
    if (code.length > IMPORT_LIMITS.nameLength || name.length > IMPORT_LIMITS.nameLength) {
      return { status: 'unmatched' };
    }
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

  const fullName = (unit: KnownUnit) => unitWithProvince(unit, (code) => provinces.get(code)?.name);

  return { province, match, fullName, units };
}
