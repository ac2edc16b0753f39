import type { Position } from 'geojson';
import { InflateLimitError, unzipWithin } from '../limits.ts';
import { emptyProperties, type PropertyValue, type RawFeature } from './boundary-geometry.ts';
import { createBoundaryProblem, fail, type BoundaryProblem } from './boundary-problems.ts';
import type { LayerRead } from './read-json-boundaries.ts';
import { decodeTcvn3, isTcvn3Name } from './tcvn3.ts';

/**
 * A zipped ESRI Shapefile: the .shp geometry (Polygon, PolygonZ, PolygonM), the .dbf attributes
 * in the encoding its .cpg names (TCVN3 included; UTF-8 when there is none and the bytes are
 * valid UTF-8), and
 * the .prj to refuse a projected file before its coordinates are even read.
 */
export interface ShapefileRead extends LayerRead {
  encoding: string;
  warnings: BoundaryProblem[];
}

const SHAPE_TYPES: Record<number, string> = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  5: 'Polygon',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  25: 'PolygonM',
  28: 'MultiPointM',
  31: 'MultiPatch',
};
const POLYGON_TYPES = new Set([5, 15, 25]);

export function readZippedShapefile(bytes: Uint8Array, layer: string | null): ShapefileRead {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipWithin(bytes, () => true);
  } catch (error) {
    if (error instanceof InflateLimitError) {
      return fail('zip-too-large', { limit: error.limit / 1024 / 1024 });
    }
    return fail('zip-unreadable', {
      detail: error instanceof Error ? error.message : String(error),
    });
  }
  // macOS adds resource forks under __MACOSX/ that also end in .shp.
  const names = Object.keys(files).filter((name) => !/(^|\/)(__MACOSX|\._)/.test(name));
  const layers = names
    .filter((name) => /\.shp$/i.test(name))
    .map((name) => name.slice(0, -4))
    .sort();
  if (layers.length === 0) return fail('shapefile-missing');
  const chosen = layer !== null && layers.includes(layer) ? layer : layers[0]!;
  const part = (extension: string) => {
    const wanted = `${chosen}.${extension}`.toLowerCase();
    const name = names.find((n) => n.toLowerCase() === wanted);
    return name === undefined ? undefined : files[name];
  };
  const shp = part('shp')!;
  const dbf = part('dbf');
  if (!dbf) return fail('shapefile-part-missing', { part: `${chosen}.dbf`, shp: `${chosen}.shp` });
  const warnings: BoundaryProblem[] = [];
  const prj = part('prj');
  if (prj) {
    const warning = checkProjection(new TextDecoder().decode(prj));
    if (warning) warnings.push(warning);
  } else warnings.push(createBoundaryProblem('warning', 'no-prj'));
  const cpg = part('cpg');
  const geometries = readShp(shp);
  const { records, encoding } = readDbf(dbf, cpg ? new TextDecoder().decode(cpg) : null);
  if (records.length !== geometries.length) {
    return fail('record-count-mismatch', { shp: geometries.length, dbf: records.length });
  }
  const features: RawFeature[] = geometries.map((geometry, i) => ({
    geometry,
    properties: records[i]!,
  }));
  return { layers, layer: chosen, features, encoding, warnings };
}

/** A projected .prj refuses the file; a geographic one on another datum is only a warning. */
function checkProjection(wkt: string) {
  const name = /^\s*(PROJCS|GEOGCS|GEOGCRS|PROJCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
  const crs = name ? name[2]! : wkt.slice(0, 60);
  if (/^\s*PROJ/i.test(wkt)) return fail('projected', { detail: `.prj: ${crs}` });
  if (!/WGS[ _]?(19)?84/i.test(wkt))
    return createBoundaryProblem('warning', 'datum-not-wgs84', {}, { crs });
  return null;
}

function readShp(
  bytes: Uint8Array,
): ({ type: string; coordinates: Position[][] | Position[][][] } | null)[] {
  const corrupt = (detail: string) => fail('shapefile-corrupt', { detail });
  if (bytes.length < 100) return corrupt('shorter than its 100-byte header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getInt32(0, false) !== 9994) return corrupt('not a .shp file');
  const fileType = view.getInt32(32, true);
  if (!POLYGON_TYPES.has(fileType) && fileType !== 0) {
    return fail('geometry-type', { type: SHAPE_TYPES[fileType] ?? `shape type ${fileType}` });
  }
  const end = Math.min(bytes.length, view.getInt32(24, false) * 2);
  const geometries: ({ type: string; coordinates: Position[][] | Position[][][] } | null)[] = [];
  let offset = 100;
  while (offset + 8 <= end) {
    const record = geometries.length + 1;
    const length = view.getInt32(offset + 4, false) * 2;
    const start = offset + 8;
    if (length < 4 || start + length > bytes.length) {
      return corrupt(`record ${record} runs past the end of the file`);
    }
    const type = view.getInt32(start, true);
    if (type === 0) geometries.push(null);
    else if (!POLYGON_TYPES.has(type)) {
      return fail(
        'geometry-type',
        { type: SHAPE_TYPES[type] ?? `shape type ${type}` },
        { feature: record },
      );
    } else {
      if (length < 44) return corrupt(`record ${record} is too short`);
      const parts = view.getInt32(start + 36, true);
      const points = view.getInt32(start + 40, true);
      const pointsAt = start + 44 + parts * 4;
      if (parts < 0 || points < 0 || pointsAt + points * 16 > start + length) {
        return corrupt(`record ${record} has more points than bytes`);
      }
      const rings: Position[][] = [];
      for (let p = 0; p < parts; p += 1) {
        const from = view.getInt32(start + 44 + p * 4, true);
        const to = p + 1 < parts ? view.getInt32(start + 48 + p * 4, true) : points;
        if (from < 0 || to > points || from > to)
          return corrupt(`record ${record} has a bad part index`);
        const ring: Position[] = [];
        for (let i = from; i < to; i += 1) {
          const at = pointsAt + i * 16;
          ring.push([view.getFloat64(at, true), view.getFloat64(at + 8, true)]);
        }
        rings.push(ring);
      }
      geometries.push(polygonsFromRings(rings));
    }
    offset = start + length;
  }
  return geometries;
}

/** Twice the signed area: negative for the clockwise outer rings of a Shapefile. */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return sum;
}

function contains(ring: Position[], [x, y]: Position): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Shapefile parts are rings: clockwise outer rings and counter-clockwise holes, each hole inside
 * its outer ring. GeoJSON (RFC 7946) winds them the other way, so both are reversed.
 */
function polygonsFromRings(rings: Position[][]): {
  type: string;
  coordinates: Position[][] | Position[][][];
} {
  const outers: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ringArea(ring) <= 0) outers.push([[...ring].reverse()]);
    else holes.push([...ring].reverse());
  }
  for (const hole of holes) {
    const owner = hole[0] && outers.find((polygon) => contains(polygon[0]!, hole[0]!));
    // A hole outside every outer ring was wound the wrong way round: it is an outer ring.
    if (owner) owner.push(hole);
    else outers.push([[...hole].reverse()]);
  }
  return outers.length === 1
    ? { type: 'Polygon', coordinates: outers[0]! }
    : { type: 'MultiPolygon', coordinates: outers };
}

/** .cpg names as written by ArcGIS, QGIS and MapInfo → 'tcvn3', a label TextDecoder knows, or null. */
function encodingLabel(cpg: string): string | null {
  if (isTcvn3Name(cpg)) return 'tcvn3';
  const name = cpg
    .trim()
    .toUpperCase()
    .replace(/^ANSI\s*/, '');
  if (/^(UTF-?8|65001)$/.test(name)) return 'utf-8';
  if (/^(CP|WINDOWS-?)?1258$/.test(name)) return 'windows-1258';
  if (/^(CP|WINDOWS-?)?1252$/.test(name) || /^(ISO-?8859-?1|LATIN-?1)$/.test(name)) {
    return 'windows-1252';
  }
  try {
    return new TextDecoder(name.toLowerCase()).encoding;
  } catch {
    return null;
  }
}

function readDbf(
  bytes: Uint8Array,
  cpg: string | null,
): { records: Record<string, PropertyValue>[]; encoding: string } {
  const corrupt = (detail: string) => fail('dbf-corrupt', { detail });
  if (bytes.length < 33) return corrupt('shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength > bytes.length || recordLength === 0) return corrupt('bad header lengths');
  const label = cpg === null ? 'utf-8' : encodingLabel(cpg);
  if (label === null) return fail('encoding-unsupported', { encoding: cpg!.trim() });
  const decoder = label === 'tcvn3' ? null : new TextDecoder(label, { fatal: true });
  const decode = (from: number, to: number) => {
    try {
      const part = bytes.subarray(from, to);
      return decoder ? decoder.decode(part) : decodeTcvn3(part);
    } catch {
      return cpg === null
        ? fail('encoding-undeclared')
        : fail('encoding-unsupported', { encoding: cpg.trim() });
    }
  };
  const fields: { name: string; type: string; offset: number; length: number }[] = [];
  let fieldOffset = 1;
  for (let at = 32; at + 32 <= headerLength && bytes[at] !== 0x0d; at += 32) {
    const nameEnd = bytes.subarray(at, at + 11).indexOf(0);
    const name = decode(at, nameEnd < 0 ? at + 11 : at + nameEnd).trim();
    const length = bytes[at + 16]!;
    fields.push({ name, type: String.fromCharCode(bytes[at + 11]!), offset: fieldOffset, length });
    fieldOffset += length;
  }
  if (fieldOffset > recordLength) return corrupt('fields longer than a record');
  if (headerLength + count * recordLength > bytes.length) {
    return corrupt(`${count} records do not fit in the file`);
  }
  const records: Record<string, PropertyValue>[] = [];
  for (let r = 0; r < count; r += 1) {
    const at = headerLength + r * recordLength;
    const record = emptyProperties();
    for (const field of fields) {
      // Windows-1258 writes tones as combining marks; names are compared and shown composed.
      const text = decode(at + field.offset, at + field.offset + field.length)
        .normalize('NFC')
        .trim();
      record[field.name] = fieldValue(field.type, text);
    }
    records.push(record);
  }
  return { records, encoding: label };
}

function fieldValue(type: string, text: string): PropertyValue {
  if (text === '' || /^\*+$/.test(text)) return null;
  if (type === 'N' || type === 'F') {
    const value = Number(text);
    // Codes such as "070" keep their leading zero as text.
    return Number.isFinite(value) && !/^0\d/.test(text) ? value : text;
  }
  if (type === 'L') return /^[TtYy]$/.test(text) ? true : /^[FfNn]$/.test(text) ? false : null;
  return text;
}
