import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type {
  BoundaryTopology,
  DistrictProperties,
  SimplificationSettings,
  SimplificationStats,
} from './topology.ts';
import type {
  BoundaryManifest,
  DataSource,
  ManifestSource,
  RenamedUnit,
} from '../../src/lib/data/atlas-index.ts';
import { creditsOf } from './sources.ts';
import type { AdminProvince, ProvinceSource } from './types.ts';

export const MANIFEST_SCHEMA = 1;
export const TOPOLOGY_FILE = 'boundaries-2019.topojson';
export const MANIFEST_FILE = 'manifest.json';

// The manifest is the app's contract too: its types live with the app's atlas index.
export type {
  BoundaryManifest,
  ManifestProvince,
  ManifestSource,
  RenamedUnit,
  SimplificationSummary,
} from '../../src/lib/data/atlas-index.ts';

export interface ManifestInput {
  inputHash: string;
  topology: BoundaryTopology;
  topologyText: string;
  codeList: readonly AdminProvince[];
  /** Source of each province that has a boundary file, by code. */
  provinceSources: ReadonlyMap<string, Exclude<ProvinceSource, 'missing'>>;
  /** Every district that went into the topology, to report any that simplification lost. */
  districts: readonly DistrictProperties[];
  warnings: readonly string[];
  notInCodeList: readonly string[];
  missingFromBoundaries: readonly string[];
  renamed: readonly RenamedUnit[];
  repairs: readonly string[];
  settings: SimplificationSettings;
  stats: SimplificationStats;
  /** The `data/sources/` records, whose credits the manifest carries to the app. */
  sources: ReadonlyMap<string, DataSource>;
}

/** The manifest of a build; it holds no time or path, so equal inputs give equal bytes. */
export function createManifest(input: ManifestInput): BoundaryManifest {
  const { topology, topologyText: text } = input;
  const drawnPerProvince = new Map<string, number>();
  const drawn = new Set<string>();
  for (const { properties } of topology.objects.districts.geometries) {
    drawnPerProvince.set(
      properties.provinceCode,
      (drawnPerProvince.get(properties.provinceCode) ?? 0) + 1,
    );
    drawn.add(properties.code);
  }
  const lost = input.districts
    .filter((d) => !drawn.has(d.code))
    .map((d) => `${d.code} ${d.name}: no area left after simplification`);
  const used = new Set(input.provinceSources.values());
  return {
    schema: MANIFEST_SCHEMA,
    vintage: '2019-districts',
    inputHash: input.inputHash,
    contentHash: sha256(text),
    file: TOPOLOGY_FILE,
    bytes: Buffer.byteLength(text),
    gzipBytes: gzipSync(text, { level: 9 }).length,
    counts: {
      provinces: topology.objects.provinces.geometries.length,
      districts: topology.objects.districts.geometries.length,
    },
    provinces: input.codeList.map((p) => ({
      code: p.code,
      name: p.name,
      source: input.provinceSources.get(p.code) ?? 'missing',
      districts: drawnPerProvince.get(p.code) ?? 0,
    })),
    warnings: [...input.warnings, ...lost],
    notInCodeList: [...input.notInCodeList],
    missingFromBoundaries: [...input.missingFromBoundaries],
    renamed: [...input.renamed],
    repairs: [...input.repairs],
    sources: [
      ...(used.has('gis') ? creditsOf<ManifestSource['id']>(input.sources, 'dvhcvn-gis-2019') : []),
      ...(used.has('gis-extra')
        ? creditsOf<ManifestSource['id']>(input.sources, 'odm-districts-2009')
        : []),
      ...creditsOf<ManifestSource['id']>(input.sources, 'dvhcvn-codes-2025'),
    ],
    simplification: {
      method: 'Visvalingam (topojson-simplify presimplify + simplify), then quantize',
      minWeight: input.settings.minWeight,
      weightUnit: 'square degrees (planar)',
      quantization: input.settings.quantization,
      minRingVertices: input.settings.minRingVertices,
      ...input.stats,
    },
  };
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface HashedFile {
  /** Stable name of the file in the hash (relative path), so moving the sources folder is no change. */
  name: string;
  bytes: Uint8Array;
}

/**
 * sha256 over the inputs in name order, then over the build's own code: each part is framed by
 * its name and length so that no two different sets of files can hash alike.
 */
export function computeInputHash(
  inputs: readonly HashedFile[],
  code: readonly HashedFile[],
): string {
  const hash = createHash('sha256');
  const byName = (a: HashedFile, b: HashedFile) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  for (const [kind, files] of [
    ['input', inputs],
    ['code', code],
  ] as const) {
    for (const file of [...files].sort(byName)) {
      hash.update(`${kind}\0${file.name}\0${file.bytes.length}\0`);
      hash.update(file.bytes);
    }
  }
  return hash.digest('hex');
}
