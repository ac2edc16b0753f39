import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Position } from 'geojson';
import { normalisePolygonal } from './geometry.ts';
import { describe, JsonShape } from './json-shape.ts';
import { normaliseName, parseDistrictName } from './names.ts';
import {
  compareCodes,
  type DistrictBoundary,
  type PolygonalGeometry,
  type ProvinceBoundary,
} from './types.ts';

/**
 * Validates one province file of `vn-2019-districts` (`{level1_id, name, type, coordinates,
 * level2s: [{level2_id, name, type, coordinates}]}`); throws a BoundaryBuildError naming the
 * file and the JSON path of the first problem. Rings are cleaned and rewound on the way.
 */
export function parseProvinceFile(
  text: string,
  file: string,
  source: ProvinceBoundary['source'],
): ProvinceBoundary {
  const shape: JsonShape = new JsonShape(file);
  const root = shape.object(shape.parse(text), '');
  const code = shape.string(root.level1_id, 'level1_id', /^\d{2}$/);
  const expectedFile = `${code}.json`;
  // Stored compressed (01.json.br): the name before the compression suffix is what counts.
  const stored = basename(file).replace(/\.(br|gz)$/, '');
  if (/^\d{2}\.json$/.test(stored) && stored !== expectedFile) {
    shape.fail('level1_id', `"${code}" does not match the file name (expected ${expectedFile})`);
  }
  const name = normaliseName(shape.string(root.name, 'name'));
  const outline = parsePolygonal(shape, root, '');
  const level2s = shape.array(root.level2s, 'level2s');
  if (level2s.length === 0) shape.fail('level2s', 'no districts');

  const seen = new Set<string>();
  const districts = level2s.map((value, i): DistrictBoundary => {
    const path = `level2s[${i}]`;
    const entry = shape.object(value, path);
    const districtCode = shape.string(entry.level2_id, `${path}.level2_id`, /^\d{3}$/);
    if (seen.has(districtCode)) shape.fail(`${path}.level2_id`, `duplicate code ${districtCode}`);
    seen.add(districtCode);
    const rawName = shape.string(entry.name, `${path}.name`);
    const parsed = parseDistrictName(rawName);
    if (!parsed) {
      shape.fail(`${path}.name`, `${describe(rawName)} does not start with a district unit type`);
    }
    return {
      code: districtCode,
      name: parsed.name,
      type: parsed.type,
      geometry: parsePolygonal(shape, entry, path),
    };
  });
  districts.sort((a, b) => compareCodes(a.code, b.code));
  return { code, name, file, source, outline, districts };
}

export async function readProvinceFile(
  file: string,
  source: ProvinceBoundary['source'],
): Promise<ProvinceBoundary> {
  return parseProvinceFile(await readFile(file, 'utf8'), file, source);
}

/** `{type, coordinates}` of an entry as a cleaned Polygon or MultiPolygon. */
function parsePolygonal(
  shape: JsonShape,
  entry: Record<string, unknown>,
  path: string,
): PolygonalGeometry {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  const type = entry.type;
  let geometry: PolygonalGeometry;
  if (type === 'Polygon') {
    geometry = { type, coordinates: parsePolygon(shape, entry.coordinates, at('coordinates')) };
  } else if (type === 'MultiPolygon') {
    const polygons = shape.array(entry.coordinates, at('coordinates'));
    geometry = {
      type,
      coordinates: polygons.map((p, i) => parsePolygon(shape, p, `${at('coordinates')}[${i}]`)),
    };
  } else {
    return shape.fail(at('type'), `expected "Polygon" or "MultiPolygon", got ${describe(type)}`);
  }
  const normalised = normalisePolygonal(geometry);
  if (!normalised.geometry) shape.fail(at('coordinates'), 'no ring encloses any area');
  return normalised.geometry;
}

function parsePolygon(shape: JsonShape, value: unknown, path: string): Position[][] {
  return shape.array(value, path).map((ring, i) => {
    const ringPath = `${path}[${i}]`;
    return shape
      .array(ring, ringPath)
      .map((position, j) => parsePosition(shape, position, `${ringPath}[${j}]`));
  });
}

function parsePosition(shape: JsonShape, value: unknown, path: string): Position {
  const [x, y] = Array.isArray(value) ? (value as unknown[]) : [];
  if (
    typeof x !== 'number' ||
    typeof y !== 'number' ||
    !Number.isFinite(x) ||
    !Number.isFinite(y)
  ) {
    const shown = JSON.stringify(value)?.slice(0, 60) ?? describe(value);
    return shape.fail(path, `expected [longitude, latitude] numbers, got ${shown}`);
  }
  if (Math.abs(x) > 180 || Math.abs(y) > 90) {
    return shape.fail(path, `[${x}, ${y}] is not a longitude/latitude position`);
  }
  return [x, y];
}
