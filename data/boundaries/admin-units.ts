import { JsonShape } from './json-shape.ts';
import { normaliseName } from './names.ts';
import { compareCodes, type AdminProvince } from './types.ts';

/**
 * Validates the dvhcvn code list (`{data: [{level1_id, name, type, level2s: [{level2_id, name,
 * type}]}]}`): which provinces should exist, their official type, and the districts' codes.
 */
export function parseAdminUnits(text: string, file: string): AdminProvince[] {
  const shape = new JsonShape(file);
  const root = shape.object(shape.parse(text), '');
  const data = shape.array(root.data, 'data');
  if (data.length === 0) shape.fail('data', 'no provinces');
  const provinces = data.map((value, i): AdminProvince => {
    const path = `data[${i}]`;
    const entry = shape.object(value, path);
    const level2s = shape.array(entry.level2s, `${path}.level2s`);
    return {
      code: shape.string(entry.level1_id, `${path}.level1_id`, /^\d{2}$/),
      name: normaliseName(shape.string(entry.name, `${path}.name`)),
      type: normaliseName(shape.string(entry.type, `${path}.type`)),
      districts: level2s.map((d, j) => {
        const districtPath = `${path}.level2s[${j}]`;
        const district = shape.object(d, districtPath);
        return {
          code: shape.string(district.level2_id, `${districtPath}.level2_id`, /^\d{3}$/),
          name: normaliseName(shape.string(district.name, `${districtPath}.name`)),
          type: normaliseName(shape.string(district.type, `${districtPath}.type`)),
        };
      }),
    };
  });
  const codes = new Set<string>();
  for (const [i, province] of provinces.entries()) {
    if (codes.has(province.code))
      shape.fail(`data[${i}].level1_id`, `duplicate code ${province.code}`);
    codes.add(province.code);
  }
  return provinces.sort((a, b) => compareCodes(a.code, b.code));
}
