import { BoundaryBuildError } from './errors.ts';
import type { RenamedUnit } from './manifest.ts';
import { districtLabelName, parseDistrictName, provinceLabelName } from './names.ts';
import type { DistrictFeatureInput, ProvinceInput } from './topology.ts';
import { compareCodes, type AdminProvince, type ProvinceBoundary } from './types.ts';

/**
 * Which file each province of the code list is drawn from: gis/ first, gis-extra/ for what
 * gis/ lacks. A province in neither is a warning, not a failure: the app draws nothing there.
 */
export function selectProvinceFiles<F extends { name: string }>(
  codeList: readonly AdminProvince[],
  gis: ReadonlyMap<string, F>,
  gisExtra: ReadonlyMap<string, F>,
): { chosen: { file: F; source: ProvinceBoundary['source'] }[]; warnings: string[] } {
  const warnings: string[] = [];
  const chosen: { file: F; source: ProvinceBoundary['source'] }[] = [];
  for (const province of codeList) {
    const fromGis = gis.get(province.code);
    const fromExtra = gisExtra.get(province.code);
    if (fromGis) chosen.push({ file: fromGis, source: 'gis' });
    else if (fromExtra) chosen.push({ file: fromExtra, source: 'gis-extra' });
    else warnings.push(`${province.code} ${province.name}: no boundary file in gis/ or gis-extra/`);
  }
  const listed = new Set(codeList.map((p) => p.code));
  for (const [code, file] of [...gis, ...gisExtra]) {
    if (!listed.has(code)) {
      warnings.push(`${file.name}: province ${code} is not in the code list; ignored`);
    }
  }
  return { chosen, warnings };
}

/**
 * Codes drawn vs codes listed. Mismatches are information (units merged or created since
 * 2019); the same district in two files is an error, since one of them must be wrong.
 */
export function checkDistrictCodes(
  provinces: readonly ProvinceBoundary[],
  codeList: readonly AdminProvince[],
): { warnings: string[]; notInCodeList: string[]; missingFromBoundaries: string[] } {
  const warnings: string[] = [];
  const listedIn = new Map(
    codeList.flatMap((p) => p.districts.map((d) => [d.code, p.code] as const)),
  );
  const drawnIn = new Map<string, ProvinceBoundary>();
  for (const province of provinces) {
    for (const district of province.districts) {
      const other = drawnIn.get(district.code);
      if (other) {
        throw new BoundaryBuildError(
          province.file,
          `district ${district.code} is also in ${other.file}`,
        );
      }
      drawnIn.set(district.code, province);
      const listedProvince = listedIn.get(district.code);
      if (listedProvince && listedProvince !== province.code) {
        warnings.push(
          `${district.code} ${district.name} is drawn in province ${province.code} but listed in ${listedProvince}`,
        );
      }
    }
  }
  return {
    warnings,
    notInCodeList: [...drawnIn.keys()].filter((c) => !listedIn.has(c)).sort(compareCodes),
    missingFromBoundaries: [...listedIn.keys()].filter((c) => !drawnIn.has(c)).sort(compareCodes),
  };
}

/**
 * Properties and label names of every unit. Province names and types come from the code list
 * (the type is only there, and name and type must agree: "Thành phố Huế" is a "Thành phố Trung
 * ương", not "Tỉnh Thừa Thiên Huế"); district names stay as drawn, since the geometry is of
 * 2019. Every name that differs between the two is listed as renamed.
 */
export function assembleUnits(
  provinces: readonly ProvinceBoundary[],
  codeList: readonly AdminProvince[],
): { districts: DistrictFeatureInput[]; provinces: ProvinceInput[]; renamed: RenamedUnit[] } {
  const listedProvinces = new Map(codeList.map((p) => [p.code, p]));
  const listedDistricts = new Map(codeList.flatMap((p) => p.districts.map((d) => [d.code, d])));
  const renamed: RenamedUnit[] = [];
  const districts: DistrictFeatureInput[] = [];
  const provinceInputs: ProvinceInput[] = [];
  for (const province of provinces) {
    const listed = listedProvinces.get(province.code);
    if (!listed) continue;
    if (province.name !== listed.name) {
      renamed.push({
        level: 'province',
        code: province.code,
        boundaryName: province.name,
        codeListName: listed.name,
      });
    }
    provinceInputs.push({
      properties: { code: province.code, name: listed.name, type: listed.type },
      labelName: provinceLabelName(listed.name),
    });
    for (const district of province.districts) {
      const listedDistrict = listedDistricts.get(district.code);
      // Compare canonical spellings, so "Thị Xã" against "Thị xã" is no rename.
      const listedName =
        listedDistrict && (parseDistrictName(listedDistrict.name)?.name ?? listedDistrict.name);
      if (listedName && listedName !== district.name) {
        renamed.push({
          level: 'district',
          code: district.code,
          boundaryName: district.name,
          codeListName: listedName,
        });
      }
      districts.push({
        properties: {
          code: district.code,
          name: district.name,
          type: district.type,
          provinceCode: province.code,
          provinceName: listed.name,
        },
        labelName: districtLabelName(district.name),
        geometry: district.geometry,
      });
    }
  }
  renamed.sort((a, b) => compareCodes(a.code, b.code) || compareCodes(a.level, b.level));
  return { districts, provinces: provinceInputs, renamed };
}
