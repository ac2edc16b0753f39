import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { createHash } from 'node:crypto';
import { topology } from 'topojson-server';
import type { DatasetBundle } from '../domain/dataset.ts';
import type { AtlasIndex, BoundaryManifest, TileSetFile } from './atlas-index.ts';
import type {
  BoundaryTopology,
  DistrictProperties,
  ProvinceProperties,
} from './boundary-topology.ts';
import { writeTileBundle } from './tile-bundle.ts';

/**
 * A data build and the origin serving it, for tests of the loader: one province of two square
 * districts with label points, a one-tile bundle, a plan dataset, and a fake `fetch`.
 */

// ---- Fixture: one province of two square districts, with label points -------------------------------------------

export function rectangle(x: number, y: number, width: number, height: number): Polygon {
  const ring = [
    [x, y],
    [x + width, y],
    [x + width, y + height],
    [x, y + height],
    [x, y],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

export const point = (x: number, y: number): Point => ({ type: 'Point', coordinates: [x, y] });

export function collection<G extends Polygon | Point, P>(
  features: [G, P][],
): FeatureCollection<G, P> {
  return {
    type: 'FeatureCollection',
    features: features.map(([geometry, properties]): Feature<G, P> => ({
      type: 'Feature',
      geometry,
      properties,
    })),
  };
}

export const province: ProvinceProperties = { code: '08', name: 'Tuyên Quang', type: 'Tỉnh' };
export const district = (code: string, name: string, type: string): DistrictProperties => ({
  code,
  name,
  type,
  provinceCode: '08',
  provinceName: 'Tuyên Quang',
});

/** Builds the topology; `shift` moves the districts so a "new build" differs in content. */
export function buildTopology(shift = 0): BoundaryTopology {
  return topology({
    districts: collection([
      [rectangle(105 + shift, 22, 0.5, 0.5), district('070', 'Thành phố Tuyên Quang', 'Thành phố')],
      [rectangle(105.5 + shift, 22, 0.5, 0.5), district('071', 'Huyện Lâm Bình', 'Huyện')],
    ]),
    provinces: collection([[rectangle(105 + shift, 22, 1, 0.5), province]]),
    districtLabels: collection<Point, { code: string; name: string }>([
      [point(105.25, 22.25), { code: '070', name: 'TP Tuyên Quang' }],
      [point(105.75, 22.25), { code: '071', name: 'Lâm Bình' }],
    ]),
    provinceLabels: collection<Point, { code: string; name: string }>([
      [point(105.5, 22.25), { code: '08', name: 'Tuyên Quang' }],
    ]),
  }) as unknown as BoundaryTopology;
}

export function planBundle(id: string, builtIn: boolean): DatasetBundle {
  return {
    metadata: {
      id,
      title: { vi: `Bộ số liệu ${id}`, en: `Dataset ${id}` },
      source: {
        title: 'Kế hoạch thực hiện Chương trình giảm nghèo năm 2020',
        number: null,
        date: null,
        issuer: 'Ủy ban nhân dân tỉnh Tuyên Quang',
        locator: 'Biểu phụ lục',
      },
      standard: '2016-2020',
      level: 'district',
      kind: 'plan',
      year: 2020,
      vintage: '2019-districts',
      licence: 'public',
      notes: [],
      indicators: ['rate_start'],
      builtIn,
      warnings: [],
    },
    observations: [
      {
        datasetId: id,
        unitCode: '070',
        unitLevel: 'district',
        indicator: 'rate_start',
        year: 2020,
        value: 1.01,
      },
      {
        datasetId: id,
        unitCode: '071',
        unitLevel: 'district',
        indicator: 'rate_start',
        year: 2020,
        value: 36.03,
      },
    ],
  };
}

export const BOUNDARY_FILE = 'boundaries-2019.topojson';
export const TILE_FILE = 'tiles-2019.atlt';
export const hash = (c: string) => c.repeat(64);

/** A one-tile bundle; `shift` changes its bytes, as a new build would. */
export function tileBundle(shift = 0): { bytes: Uint8Array; file: TileSetFile } {
  const bytes = writeTileBundle(
    { schema: 1, set: '2019', minzoom: 0, maxzoom: 7, bounds: [104, 21, 106, 23] },
    new Map([['0/0/0', new Uint8Array([1, 2, 3, shift])]]),
  );
  const contentHash = createHash('sha256').update(bytes).digest('hex');
  return {
    bytes,
    file: {
      file: TILE_FILE,
      contentHash,
      bytes: bytes.byteLength,
      gzipBytes: 0,
      inputHash: hash('0'),
    },
  };
}

export function makeIndex(
  topologyText: string,
  boundaryHash: string,
  datasetsHash: string,
  tiles: TileSetFile,
): AtlasIndex {
  const boundaries: BoundaryManifest = {
    schema: 1,
    vintage: '2019-districts',
    inputHash: hash('0'),
    contentHash: boundaryHash,
    file: BOUNDARY_FILE,
    bytes: new TextEncoder().encode(topologyText).byteLength,
    gzipBytes: 0,
    counts: { provinces: 1, districts: 2 },
    provinces: [{ code: '08', name: 'Tuyên Quang', source: 'gis', districts: 2 }],
    warnings: [],
    notInCodeList: [],
    missingFromBoundaries: [],
    renamed: [],
    repairs: [],
    sources: [],
    simplification: {
      method: 'none',
      minWeight: 0,
      weightUnit: 'square degrees',
      quantization: 0,
      minRingVertices: 0,
      pointsBefore: 0,
      pointsAfter: 0,
      arcs: 0,
      protectedRings: 0,
      droppedRings: 0,
    },
  };
  return {
    schema: 1,
    boundaries,
    tiles: { '2019': tiles },
    datasets: { file: 'datasets.json', contentHash: datasetsHash, bytes: 0 },
  };
}

// ---- A fake origin ---------------------------------------------------------------------------

export const BASE = '/atlas/';

export interface Site {
  /** Path (without query) → body; a missing path is a 404. */
  files: Map<string, string | Uint8Array>;
  /** Every URL requested, in order, with its cache mode. */
  requests: { url: string; cache: RequestCache | undefined }[];
  fetch: typeof fetch;
}

/** Serves `files`; bodies arrive as a stream of three chunks so progress can be seen. */
export function site(files: Record<string, string | Uint8Array>): Site {
  const map = new Map(Object.entries(files));
  const requests: Site['requests'] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requests.push({ url, cache: init?.cache });
    const body = map.get(url.split('?')[0]!);
    if (body === undefined) return new Response('not found', { status: 404 });
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const third = Math.ceil(bytes.byteLength / 3);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.byteLength; i += third)
          controller.enqueue(bytes.slice(i, i + third));
        controller.close();
      },
    });
    return new Response(stream, { status: 200 });
  };
  return { files: map, requests, fetch: fakeFetch as typeof fetch };
}

export interface Build {
  topology: BoundaryTopology;
  topologyText: string;
  tiles: Uint8Array;
  bundles: DatasetBundle[];
  index: AtlasIndex;
}

export function build({
  shift = 0,
  boundaryHash = hash('b'),
  datasetsHash = hash('d'),
  bundles = [planBundle('tuyen-quang-2020-plan', true)],
} = {}): Build {
  const topology = buildTopology(shift);
  const topologyText = JSON.stringify(topology);
  const tiles = tileBundle(shift);
  return {
    topology,
    topologyText,
    tiles: tiles.bytes,
    bundles,
    index: makeIndex(topologyText, boundaryHash, datasetsHash, tiles.file),
  };
}

export function serve(b: Build): Site {
  return site({
    [`${BASE}atlas.json`]: JSON.stringify(b.index),
    [`${BASE}${BOUNDARY_FILE}`]: b.topologyText,
    [`${BASE}${TILE_FILE}`]: b.tiles,
    [`${BASE}datasets.json`]: JSON.stringify({ schema: 1, datasets: b.bundles }),
  });
}
