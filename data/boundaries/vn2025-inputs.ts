/**
 * Validated readers for the post-2025 inputs vendored in `data/sources/`: the 34-province
 * GeoJSON (names only — geometry comes from the wards so borders coincide), the 3,321-ward
 * TopoJSON and the dvhcvn crosswalks. Each throws a BoundaryBuildError naming the file and path.
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import { JsonShape } from './json-shape.ts';
import { normaliseName } from './names.ts';
import { compareCodes } from './types.ts';

export interface Province2025Input {
  code: string;
  /** Short name, e.g. "Tuyên Quang". */
  name: string;
  /** With its type, e.g. "Tỉnh Tuyên Quang". */
  fullName: string;
  nameEn: string;
}

export interface WardProperties {
  code: string;
  /** With its type, e.g. "Xã Ba Chẽ". */
  name: string;
  provinceCode: string;
}

export type WardTopology = Topology<{ wards: GeometryCollection<WardProperties> }>;

/** A new unit and the old units it was formed from (`partial`: only part of the old unit). */
export interface MergeEntry {
  code: string;
  name: string;
  from: { code: string; name: string; partial: boolean }[];
}

export interface CrosswalkMerges {
  provinces: MergeEntry[];
  communes: (MergeEntry & { provinceCode: string })[];
}

/** An old unit and the new units it went to. */
export interface SplitEntry {
  code: string;
  name: string;
  to: string[];
}

export interface CrosswalkSplits {
  provinces: SplitEntry[];
  /** Island districts with no communes split straight into a special zone (đặc khu). */
  districts: SplitEntry[];
  communes: SplitEntry[];
}

export const WARDS_OBJECT = 'wards_3321_full';
const PROVINCE_CODE = /^\d{2}$/;
const COMMUNE_CODE = /^\d{5}$/;
/** Old units in the merges are communes (5 digits), or island districts (3) with no communes. */
const OLD_UNIT_CODE = /^(\d{2}|\d{3}|\d{5})$/;

export function parseProvinces2025(text: string, file: string): Province2025Input[] {
  const shape = new JsonShape(file);
  const root = shape.object(shape.parse(text), '');
  if (root.type !== 'FeatureCollection') shape.fail('type', 'expected a FeatureCollection');
  const features = shape.array(root.features, 'features');
  if (features.length === 0) shape.fail('features', 'no provinces');
  const provinces = features.map((value, i) => {
    const path = `features[${i}].properties`;
    const properties = shape.object(shape.object(value, `features[${i}]`).properties, path);
    return {
      code: shape.string(properties.code, `${path}.code`, PROVINCE_CODE),
      name: normaliseName(shape.string(properties.name, `${path}.name`)),
      fullName: normaliseName(shape.string(properties.fullName, `${path}.fullName`)),
      nameEn: shape.string(properties.nameEn, `${path}.nameEn`),
    };
  });
  return unique(shape, provinces, 'features').sort((a, b) => compareCodes(a.code, b.code));
}

export function parseWards(text: string, file: string): WardTopology {
  const shape = new JsonShape(file);
  const root = shape.object(shape.parse(text), '');
  if (root.type !== 'Topology') shape.fail('type', 'expected a TopoJSON Topology');
  shape.array(root.arcs, 'arcs');
  const objects = shape.object(root.objects, 'objects');
  const collection = shape.object(objects[WARDS_OBJECT], `objects.${WARDS_OBJECT}`);
  const geometries = shape.array(collection.geometries, `objects.${WARDS_OBJECT}.geometries`);
  if (geometries.length === 0) shape.fail(`objects.${WARDS_OBJECT}`, 'no wards');
  const wards = geometries.map((value, i) => {
    const path = `objects.${WARDS_OBJECT}.geometries[${i}]`;
    const geometry = shape.object(value, path);
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') {
      shape.fail(`${path}.type`, `expected Polygon or MultiPolygon, got ${String(geometry.type)}`);
    }
    shape.array(geometry.arcs, `${path}.arcs`);
    const properties = shape.object(geometry.properties, `${path}.properties`);
    return {
      ...geometry,
      properties: {
        code: shape.string(properties.code, `${path}.properties.code`, COMMUNE_CODE),
        name: normaliseName(shape.string(properties.fullName, `${path}.properties.fullName`)),
        provinceCode: shape.string(
          properties.provinceCode,
          `${path}.properties.provinceCode`,
          PROVINCE_CODE,
        ),
      },
    };
  });
  unique(
    shape,
    wards.map((w) => w.properties),
    `objects.${WARDS_OBJECT}.geometries`,
  );
  return {
    ...(root as unknown as Topology),
    objects: { wards: { type: 'GeometryCollection', geometries: wards } },
  } as WardTopology;
}

export function parseMerges(text: string, file: string): CrosswalkMerges {
  const shape = new JsonShape(file);
  const data = shape.array(shape.object(shape.parse(text), '').data, 'data');
  if (data.length === 0) shape.fail('data', 'no provinces');
  const from = (value: unknown, path: string) =>
    shape.array(value, path).map((m, k) => {
      const merge = shape.object(m, `${path}[${k}]`);
      const type = shape.string(merge.type, `${path}[${k}].type`, /^(full|partial)$/);
      return {
        code: shape.string(merge.old_id, `${path}[${k}].old_id`, OLD_UNIT_CODE),
        name: normaliseName(shape.string(merge.name, `${path}[${k}].name`)),
        partial: type === 'partial',
      };
    });
  const provinces: MergeEntry[] = [];
  const communes: CrosswalkMerges['communes'] = [];
  for (const [i, value] of data.entries()) {
    const path = `data[${i}]`;
    const entry = shape.object(value, path);
    const code = shape.string(entry.level1_id, `${path}.level1_id`, PROVINCE_CODE);
    provinces.push({
      code,
      name: normaliseName(shape.string(entry.name, `${path}.name`)),
      from: from(entry.merges, `${path}.merges`),
    });
    for (const [j, c] of shape.array(entry.level2s, `${path}.level2s`).entries()) {
      const communePath = `${path}.level2s[${j}]`;
      const commune = shape.object(c, communePath);
      communes.push({
        code: shape.string(commune.level2_id, `${communePath}.level2_id`, COMMUNE_CODE),
        name: normaliseName(shape.string(commune.name, `${communePath}.name`)),
        provinceCode: code,
        from: from(commune.merges, `${communePath}.merges`),
      });
    }
  }
  unique(shape, provinces, 'data');
  unique(shape, communes, 'data[].level2s');
  return { provinces, communes };
}

export function parseSplits(text: string, file: string): CrosswalkSplits {
  const shape = new JsonShape(file);
  const data = shape.array(shape.object(shape.parse(text), '').data, 'data');
  if (data.length === 0) shape.fail('data', 'no provinces');
  const split = (value: unknown, path: string, idKey: string, pattern: RegExp): SplitEntry => {
    const entry = shape.object(value, path);
    return {
      code: shape.string(entry[idKey], `${path}.${idKey}`, pattern),
      name: normaliseName(shape.string(entry.name, `${path}.name`)),
      to: shape
        .array(entry.splits, `${path}.splits`)
        .map((s, k) =>
          shape.string(
            shape.object(s, `${path}.splits[${k}]`).new_id,
            `${path}.splits[${k}].new_id`,
            /^(\d{2}|\d{5})$/,
          ),
        ),
    };
  };
  const result: CrosswalkSplits = { provinces: [], districts: [], communes: [] };
  for (const [i, value] of data.entries()) {
    const path = `data[${i}]`;
    const entry = shape.object(value, path);
    result.provinces.push(split(entry, path, 'level1_id', PROVINCE_CODE));
    if (entry.level2s !== undefined) {
      for (const [j, d] of shape.array(entry.level2s, `${path}.level2s`).entries()) {
        result.districts.push(split(d, `${path}.level2s[${j}]`, 'level2_id', /^\d{3}$/));
      }
    }
    for (const [j, c] of shape.array(entry.level3s, `${path}.level3s`).entries()) {
      result.communes.push(split(c, `${path}.level3s[${j}]`, 'level3_id', COMMUNE_CODE));
    }
  }
  unique(shape, result.communes, 'data[].level3s');
  return result;
}

function unique<T extends { code: string }>(shape: JsonShape, items: T[], path: string): T[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.code)) shape.fail(path, `duplicate code ${item.code}`);
    seen.add(item.code);
  }
  return items;
}
