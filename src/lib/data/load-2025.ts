import { bbox } from '@turf/turf';
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

/** A bounding box: [west, south, east, north]. */
export type Bounds = [number, number, number, number];

/** Each 2025 province's bounding box, by code: all the map needs of the provinces' shapes. */
export function provinceBoundsFromText(text: string, file: string): [string, Bounds][] {
  return provinces2025FromText(text, file)
    .features.filter((f) => f.properties.role === 'province')
    .map((f) => [f.properties.code, bbox(f) as Bounds]);
}

/**
 * `provinceBoundsFromText` in a worker of its own, ended after: parsing the 431 KB topology and
 * its shapes took one main-thread task of 60–150 ms; the page now receives 34 boxes.
 */
export function provinceBoundsInWorker(text: string, file: string): Promise<Map<string, Bounds>> {
  const worker = new Worker(new URL('../workers/provinces-2025.worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise<Map<string, Bounds>>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<ProvinceBoundsResponse>) => {
      const message = event.data;
      if (message.type === 'bounds') resolve(new Map(message.bounds));
      else reject(new Load2025Error(message.message));
    };
    worker.onerror = (event) => reject(new Load2025Error(`${file}: ${event.message}`));
    worker.postMessage({ text, file } satisfies ProvinceBoundsRequest);
  }).finally(() => worker.terminate());
}

export interface ProvinceBoundsRequest {
  text: string;
  file: string;
}
export type ProvinceBoundsResponse =
  { type: 'bounds'; bounds: [string, Bounds][] } | { type: 'error'; message: string };

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
