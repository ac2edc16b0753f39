import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { CrosswalkFile } from '../domain/eras/crosswalk.ts';
import type { GeneratedFile } from './atlas-index.ts';

/**
 * The 2025 units are fetched only when someone asks for them: the 34 provinces when the map
 * switches era, a province's communes when it is opened, the crosswalk for a unit's lineage.
 * Each URL carries the content hash, so the HTTP cache never serves a stale build.
 */

export type Feature2025Role = 'province' | 'province-label' | 'commune' | 'commune-label';
export interface Feature2025Properties {
  role: Feature2025Role;
  code: string;
  name: string;
}
export type Features2025 = FeatureCollection<Polygon | MultiPolygon | Point, Feature2025Properties>;

export class Load2025Error extends Error {}

export async function fetchGenerated(
  baseUrl: string,
  file: GeneratedFile,
  fetchFn: typeof fetch = fetch.bind(globalThis),
): Promise<string> {
  const url = `${baseUrl}${file.file}?v=${file.contentHash.slice(0, 12)}`;
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    throw new Load2025Error(`${file.file}: ${error instanceof Error ? error.message : error}`);
  }
  if (!response.ok) throw new Load2025Error(`${file.file}: HTTP ${response.status}`);
  return response.text();
}

function parseTopology(text: string, file: string, objects: readonly string[]): Topology {
  let parsed: Topology;
  try {
    parsed = JSON.parse(text) as Topology;
  } catch (error) {
    throw new Load2025Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (parsed?.type !== 'Topology' || objects.some((o) => !parsed.objects?.[o])) {
    throw new Load2025Error(`${file}: not a topology with ${objects.join(' and ')}`);
  }
  return parsed;
}

/** Units and their label points as one collection, told apart by `role` (one map source). */
function features(
  topology: Topology,
  [units, labels]: [string, string],
  [unitRole, labelRole]: [Feature2025Role, Feature2025Role],
): Features2025 {
  const withRole = (key: string, role: Feature2025Role) =>
    (
      feature(topology, topology.objects[key] as GeometryCollection) as FeatureCollection<
        Polygon | MultiPolygon | Point,
        { code: string; name: string }
      >
    ).features.map((f): Feature<Polygon | MultiPolygon | Point, Feature2025Properties> => ({
      ...f,
      properties: { role, code: f.properties.code, name: f.properties.name },
    }));
  return {
    type: 'FeatureCollection',
    features: [...withRole(units, unitRole), ...withRole(labels, labelRole)],
  };
}

export function provinces2025FromText(text: string, file: string): Features2025 {
  const topology = parseTopology(text, file, ['provinces', 'provinceLabels']);
  return features(topology, ['provinces', 'provinceLabels'], ['province', 'province-label']);
}

export function communes2025FromText(text: string, file: string): Features2025 {
  const topology = parseTopology(text, file, ['communes', 'communeLabels']);
  return features(topology, ['communes', 'communeLabels'], ['commune', 'commune-label']);
}

export function crosswalkFromText(text: string, file: string): CrosswalkFile {
  let parsed: CrosswalkFile;
  try {
    parsed = JSON.parse(text) as CrosswalkFile;
  } catch (error) {
    throw new Load2025Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const lists = ['provinces', 'oldProvinces', 'oldDistricts', 'communes', 'oldCommunes', 'aliases'];
  if (
    parsed?.schema !== 1 ||
    lists.some((key) => !Array.isArray(parsed[key as keyof CrosswalkFile]))
  ) {
    throw new Load2025Error(`${file}: not a crosswalk file (schema 1)`);
  }
  return parsed;
}
