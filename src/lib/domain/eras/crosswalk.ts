/**
 * The crosswalk between the two administrative eras: the units before 1 July 2025 (63 provinces,
 * districts, communes) and after (34 provinces, 3,321 communes and wards, no districts).
 * `generated/crosswalk-2025.json` (written by the data build from dvhcvn's crosswalk) holds it in
 * the compact form below; `createCrosswalk` turns it into look-ups both ways.
 */

export type CrosswalkProvince = [code: string, name: string, from: string[]];
export type CrosswalkOldProvince = [code: string, name: string, to: string];
/** `to` is set only for island districts with no communes, which became a special zone whole. */
export type CrosswalkOldDistrict = [code: string, name: string, provinceCode: string, to: string[]];
/** The old units a new commune was formed from: whole (`full`) or in part (`partial`). */
export type CrosswalkCommune = [
  code: string,
  name: string,
  provinceCode: string,
  full: string[],
  partial: string[],
];
export type CrosswalkOldCommune = [code: string, name: string, districtCode: string, to: string[]];

export interface CrosswalkFile {
  schema: 1;
  provinces: CrosswalkProvince[];
  oldProvinces: CrosswalkOldProvince[];
  oldDistricts: CrosswalkOldDistrict[];
  communes: CrosswalkCommune[];
  oldCommunes: CrosswalkOldCommune[];
  /**
   * New-commune codes that the crosswalk source spells differently from the boundary file:
   * [crosswalk code, boundary code]. Xã Ba Chẽ is 06970 in dvhcvn and 06978 in the wards file.
   * The file itself uses the boundary codes; look-ups accept either.
   */
  aliases: [string, string][];
}

export interface NamedUnit {
  code: string;
  name: string;
}

export interface OldCommuneRef extends NamedUnit {
  /** Only part of the old commune went into the new one. */
  partial: boolean;
  district: NamedUnit | null;
  province: NamedUnit | null;
}

export interface NewUnitRef extends NamedUnit {
  provinceCode: string;
}

export interface Crosswalk {
  /** Every new commune with its province, in the file's order. */
  communes(): NewUnitRef[];
  /** [crosswalk code, boundary code] of communes spelt differently in the two sources. */
  aliases: readonly (readonly [string, string])[];
  /** The boundary-file code of a new commune, whichever spelling is given; null if unknown. */
  resolveCommuneCode(code: string): string | null;
  /** Old provinces merged (whole) into a new province. */
  oldProvincesOf(newProvinceCode: string): NamedUnit[];
  /** The new province an old province went into. */
  newProvinceOf(oldProvinceCode: string): NamedUnit | null;
  /** Old communes (or an island district) a new commune was formed from, with their district. */
  oldUnitsOfCommune(newCommuneCode: string): OldCommuneRef[];
  /** Old districts that gave land to a new commune, in code order. */
  oldDistrictsOfCommune(newCommuneCode: string): NamedUnit[];
  /** New communes an old commune went to. */
  newCommunesOfOldCommune(oldCommuneCode: string): NewUnitRef[];
  /** New communes that received any part of an old district, in code order. */
  newCommunesOfOldDistrict(oldDistrictCode: string): NewUnitRef[];
  commune(newCommuneCode: string): NewUnitRef | null;
  /** An old district with its province code. */
  oldDistrict(code: string): (NamedUnit & { provinceCode: string }) | null;
}

export function createCrosswalk(file: CrosswalkFile): Crosswalk {
  const provinces = new Map(file.provinces.map((p) => [p[0], p]));
  const oldProvinces = new Map(file.oldProvinces.map((p) => [p[0], p]));
  const communes = new Map(file.communes.map((c) => [c[0], c]));
  const aliases = new Map(file.aliases);
  // The old units' look-ups (10,000 communes) serve only a unit's lineage: built when first
  // asked, not when a commune table is imported (which needs the new communes alone).
  const oldDistricts = lazy(() => new Map(file.oldDistricts.map((d) => [d[0], d])));
  const oldCommunes = lazy(() => new Map(file.oldCommunes.map((c) => [c[0], c])));
  const communesOfDistrict = lazy(() => {
    const byDistrict = new Map<string, CrosswalkOldCommune[]>();
    for (const commune of file.oldCommunes) {
      const list = byDistrict.get(commune[2]) ?? [];
      list.push(commune);
      byDistrict.set(commune[2], list);
    }
    return byDistrict;
  });

  const named = (code: string, entry: { 1: string } | undefined): NamedUnit | null =>
    entry ? { code, name: entry[1] } : null;
  const resolveCommuneCode = (code: string): string | null => {
    if (communes.has(code)) return code;
    const alias = aliases.get(code);
    return alias !== undefined && communes.has(alias) ? alias : null;
  };
  const commune = (code: string): NewUnitRef | null => {
    const resolved = resolveCommuneCode(code);
    const entry = resolved === null ? undefined : communes.get(resolved);
    return entry ? { code: entry[0], name: entry[1], provinceCode: entry[2] } : null;
  };
  const newUnits = (codes: readonly string[]): NewUnitRef[] =>
    uniqueSorted(codes).flatMap((code) => commune(code) ?? []);
  const districtOf = (code: string) => oldDistricts().get(code);

  const oldUnitsOfCommune = (code: string): OldCommuneRef[] => {
    const resolved = resolveCommuneCode(code);
    const entry = resolved === null ? undefined : communes.get(resolved);
    if (!entry) return [];
    const refs = (codes: string[], partial: boolean) =>
      codes.map((oldCode): OldCommuneRef => {
        const old = oldCommunes().get(oldCode);
        // An island district with no communes (Hoàng Sa…) is listed by its district code.
        const district = old ? districtOf(old[2]) : districtOf(oldCode);
        const provinceCode = district?.[2];
        return {
          code: oldCode,
          name: old?.[1] ?? district?.[1] ?? oldCode,
          partial,
          district: old ? named(old[2], district) : null,
          province:
            provinceCode === undefined ? null : named(provinceCode, oldProvinces.get(provinceCode)),
        };
      });
    return [...refs(entry[3], false), ...refs(entry[4], true)].sort((a, b) =>
      compare(a.code, b.code),
    );
  };

  return {
    communes: () =>
      file.communes.map(([code, name, provinceCode]) => ({ code, name, provinceCode })),
    aliases: file.aliases,
    resolveCommuneCode,
    commune,
    oldProvincesOf: (code) =>
      (provinces.get(code)?.[2] ?? []).flatMap((old) => named(old, oldProvinces.get(old)) ?? []),
    newProvinceOf: (code) => {
      const to = oldProvinces.get(code)?.[2];
      return to === undefined ? null : named(to, provinces.get(to));
    },
    oldUnitsOfCommune,
    oldDistrictsOfCommune: (code) => {
      const byCode = new Map<string, NamedUnit>();
      for (const ref of oldUnitsOfCommune(code)) {
        const district = ref.district ?? named(ref.code, districtOf(ref.code));
        if (district) byCode.set(district.code, district);
      }
      return [...byCode.values()].sort((a, b) => compare(a.code, b.code));
    },
    oldDistrict: (code) => {
      const entry = districtOf(code);
      return entry ? { code, name: entry[1], provinceCode: entry[2] } : null;
    },
    newCommunesOfOldCommune: (code) => newUnits(oldCommunes().get(code)?.[3] ?? []),
    newCommunesOfOldDistrict: (code) =>
      newUnits([
        ...(districtOf(code)?.[3] ?? []),
        ...(communesOfDistrict().get(code) ?? []).flatMap((c) => c[3]),
      ]),
  };
}

/** A value made on first use, then kept. */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function uniqueSorted(codes: readonly string[]): string[] {
  return [...new Set(codes)].sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
