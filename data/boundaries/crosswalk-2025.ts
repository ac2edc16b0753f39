/**
 * The compact crosswalk file the app loads (`crosswalk-2025.json`), from dvhcvn's merges and
 * splits and the 1 March 2025 code list. New-commune codes are reconciled with the wards file:
 * where the crosswalk spells a code the wards file lacks, the unmatched ward of the same name in
 * the same province is taken as the same unit and the pair recorded as an alias.
 */
import type { CrosswalkFile } from '../../src/lib/domain/eras/crosswalk.ts';
import { JsonShape } from './json-shape.ts';
import { normaliseName } from './names.ts';
import { compareCodes } from './types.ts';
import type { CrosswalkMerges, CrosswalkSplits, WardProperties } from './vn2025-inputs.ts';

export interface AdminCommune {
  code: string;
  name: string;
  districtCode: string;
  districtName: string;
  provinceCode: string;
  provinceName: string;
}

export interface CodeAlias {
  crosswalkCode: string;
  boundaryCode: string;
  name: string;
  provinceCode: string;
}

/** Communes of the dvhcvn code list with their district and province. */
export function parseAdminCommunes(text: string, file: string): AdminCommune[] {
  const shape = new JsonShape(file);
  const data = shape.array(shape.object(shape.parse(text), '').data, 'data');
  const communes: AdminCommune[] = [];
  for (const [i, p] of data.entries()) {
    const province = shape.object(p, `data[${i}]`);
    for (const [j, d] of shape.array(province.level2s, `data[${i}].level2s`).entries()) {
      const districtPath = `data[${i}].level2s[${j}]`;
      const district = shape.object(d, districtPath);
      // Island districts (Hoàng Sa, Bạch Long Vĩ…) have no communes.
      const level3s = district.level3s === undefined ? [] : district.level3s;
      for (const [k, c] of shape.array(level3s, `${districtPath}.level3s`).entries()) {
        const path = `${districtPath}.level3s[${k}]`;
        const commune = shape.object(c, path);
        communes.push({
          code: shape.string(commune.level3_id, `${path}.level3_id`, /^\d{5}$/),
          name: normaliseName(shape.string(commune.name, `${path}.name`)),
          districtCode: shape.string(district.level2_id, `${districtPath}.level2_id`),
          districtName: normaliseName(shape.string(district.name, `${districtPath}.name`)),
          provinceCode: shape.string(province.level1_id, `data[${i}].level1_id`),
          provinceName: normaliseName(shape.string(province.name, `data[${i}].name`)),
        });
      }
    }
  }
  return communes;
}

export interface CrosswalkInput {
  merges: CrosswalkMerges;
  splits: CrosswalkSplits;
  wards: readonly WardProperties[];
  adminCommunes: readonly AdminCommune[];
  /** Old districts of the code list: [code, name, provinceCode]. */
  adminDistricts: readonly { code: string; name: string; provinceCode: string }[];
}

export interface CrosswalkBuild {
  file: CrosswalkFile;
  aliases: CodeAlias[];
  warnings: string[];
}

export function buildCrosswalk(input: CrosswalkInput): CrosswalkBuild {
  const warnings: string[] = [];
  const wardByCode = new Map(input.wards.map((w) => [w.code, w]));
  const mergeCodes = new Set(input.merges.communes.map((c) => c.code));
  const aliases = reconcileCodes(input.merges.communes, input.wards, mergeCodes, warnings);
  const toBoundary = new Map(aliases.map((a) => [a.crosswalkCode, a.boundaryCode]));
  const canonical = (code: string) => toBoundary.get(code) ?? code;

  const communes = input.merges.communes
    .map((entry): CrosswalkFile['communes'][number] => {
      const code = canonical(entry.code);
      return [
        code,
        wardByCode.get(code)?.name ?? entry.name,
        entry.provinceCode,
        entry.from.filter((f) => !f.partial).map((f) => f.code),
        entry.from.filter((f) => f.partial).map((f) => f.code),
      ];
    })
    .sort((a, b) => compareCodes(a[0], b[0]));

  const splitsByCode = new Map(input.splits.communes.map((s) => [s.code, s]));
  const oldCommunes = [...input.adminCommunes]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((c): CrosswalkFile['oldCommunes'][number] => {
      const split = splitsByCode.get(c.code);
      if (!split) warnings.push(`old commune ${c.code} ${c.name} is not in the crosswalk splits`);
      return [c.code, c.name, c.districtCode, (split?.to ?? []).map(canonical).sort(compareCodes)];
    });

  const districtSplits = new Map(input.splits.districts.map((d) => [d.code, d.to]));
  const oldDistricts = [...input.adminDistricts]
    .sort((a, b) => compareCodes(a.code, b.code))
    .map((d): CrosswalkFile['oldDistricts'][number] => [
      d.code,
      d.name,
      d.provinceCode,
      (districtSplits.get(d.code) ?? []).map(canonical).sort(compareCodes),
    ]);

  const oldProvinceTo = new Map<string, string>();
  for (const province of input.merges.provinces) {
    for (const old of province.from) {
      if (old.partial)
        warnings.push(`old province ${old.code} merged only in part into ${province.code}`);
      oldProvinceTo.set(old.code, province.code);
    }
  }
  const oldProvinces = input.splits.provinces
    .map((p): CrosswalkFile['oldProvinces'][number] => {
      const to = oldProvinceTo.get(p.code) ?? p.to[0] ?? '';
      if (p.to.length !== 1 || p.to[0] !== to) {
        warnings.push(`old province ${p.code}: splits say ${p.to.join(', ')}, merges say ${to}`);
      }
      return [p.code, p.name, to];
    })
    .sort((a, b) => compareCodes(a[0], b[0]));

  warnings.push(...checkBothWays(communes, oldCommunes));
  return {
    file: {
      schema: 1,
      provinces: input.merges.provinces
        .map((p): CrosswalkFile['provinces'][number] => [
          p.code,
          p.name,
          p.from.map((f) => f.code).sort(compareCodes),
        ])
        .sort((a, b) => compareCodes(a[0], b[0])),
      oldProvinces,
      oldDistricts,
      communes,
      oldCommunes,
      aliases: aliases.map((a) => [a.crosswalkCode, a.boundaryCode]),
    },
    aliases,
    warnings,
  };
}

/** Pairs crosswalk codes missing from the wards file with unmatched wards by province and name. */
function reconcileCodes(
  mergeCommunes: CrosswalkMerges['communes'],
  wards: readonly WardProperties[],
  mergeCodes: ReadonlySet<string>,
  warnings: string[],
): CodeAlias[] {
  const wardCodes = new Set(wards.map((w) => w.code));
  const unmatchedWards = wards.filter((w) => !mergeCodes.has(w.code));
  const aliases: CodeAlias[] = [];
  for (const entry of mergeCommunes) {
    if (wardCodes.has(entry.code)) continue;
    const candidates = unmatchedWards.filter(
      (w) => w.provinceCode === entry.provinceCode && w.name === entry.name,
    );
    const [ward] = candidates;
    if (candidates.length === 1 && ward) {
      aliases.push({
        crosswalkCode: entry.code,
        boundaryCode: ward.code,
        name: entry.name,
        provinceCode: entry.provinceCode,
      });
      warnings.push(
        `${entry.name} (${entry.provinceCode}) is ${entry.code} in the crosswalk and ${ward.code} in the wards file: treated as one unit`,
      );
    } else {
      warnings.push(`new commune ${entry.code} ${entry.name} has no boundary`);
    }
  }
  const aliased = new Set(aliases.map((a) => a.boundaryCode));
  for (const ward of unmatchedWards) {
    if (!aliased.has(ward.code)) {
      warnings.push(`ward ${ward.code} ${ward.name} is not in the crosswalk`);
    }
  }
  return aliases.sort((a, b) => compareCodes(a.crosswalkCode, b.crosswalkCode));
}

/** Old → new and new → old should describe the same pairs; lists the first few that do not. */
function checkBothWays(
  communes: CrosswalkFile['communes'],
  oldCommunes: CrosswalkFile['oldCommunes'],
): string[] {
  const fromMerges = new Set(
    communes.flatMap((c) => [...c[3], ...c[4]].map((o) => `${o}>${c[0]}`)),
  );
  const fromSplits = new Set(oldCommunes.flatMap((o) => o[3].map((n) => `${o[0]}>${n}`)));
  const onlyMerges = [...fromMerges].filter((p) => !fromSplits.has(p) && /^\d{5}>/.test(p));
  const onlySplits = [...fromSplits].filter((p) => !fromMerges.has(p));
  const lines: string[] = [];
  if (onlyMerges.length > 0) {
    lines.push(
      `${onlyMerges.length} old → new commune pairs only in the merges (e.g. ${onlyMerges.slice(0, 3).join(', ')})`,
    );
  }
  if (onlySplits.length > 0) {
    lines.push(
      `${onlySplits.length} old → new commune pairs only in the splits (e.g. ${onlySplits.slice(0, 3).join(', ')})`,
    );
  }
  return lines;
}
