/**
 * Boundary build: reads the third-party 2019 district boundaries and the code list from
 * `data/sources/` and writes one simplified TopoJSON (districts, provinces merged from them, and
 * label points) plus a manifest into a git-ignored folder. Nothing derived is ever committed.
 */
import { readdir, readFile, rename, rm, mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAdminUnits } from './admin-units.ts';
import { BoundaryBuildError } from './errors.ts';
import {
  computeInputHash,
  createManifest,
  MANIFEST_FILE,
  MANIFEST_SCHEMA,
  sha256,
  TOPOLOGY_FILE,
  type BoundaryManifest,
  type HashedFile,
} from './manifest.ts';
import { parseProvinceFile } from './province-file.ts';
import { repairProvinces } from './repairs.ts';
import type { DataSource } from '../../src/lib/data/atlas-index.ts';
import { readSourceFile, readSourceRecords } from './sources.ts';
import { buildBoundaryTopology, type SimplificationSettings } from './topology.ts';
import { assembleUnits, checkDistrictCodes, selectProvinceFiles } from './units.ts';

export { BoundaryBuildError } from './errors.ts';
export type {
  BoundaryManifest,
  ManifestProvince,
  ManifestSource,
  RenamedUnit,
  SimplificationSummary,
} from './manifest.ts';
export type {
  BoundaryTopology,
  DistrictObject,
  DistrictProperties,
  LabelObject,
  LabelProperties,
  ProvinceObject,
  ProvinceProperties,
} from './topology.ts';
export { MANIFEST_FILE, TOPOLOGY_FILE } from './manifest.ts';

export interface BoundaryBuildOptions {
  /** The vendored third-party sources: `data/sources/` (`SOURCES_DIR`), or a test fixture. */
  sourcesDir: string;
  outDir: string;
  /** Rebuild even when the inputs and the build code are unchanged. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface BoundaryBuildResult {
  skipped: boolean;
  manifest: BoundaryManifest;
}

/**
 * 3e-6 square degrees (~3.7 ha) drops a vertex only when its triangle is under ~0.5 px high at
 * zoom 9 over a 2 px base: outlines match the source to zoom 11 and stay within a few pixels at
 * zoom 13 (the source is itself generalised), for ~220 KB gzipped instead of ~270 KB at 1e-6.
 * 1e5 quantization steps put the grid at ~17 m, under 0.1 px at zoom 9.
 */
export const SIMPLIFICATION: SimplificationSettings = {
  minWeight: 3e-6,
  quantization: 1e5,
  minRingVertices: 6,
};

export const GIS_DIR = 'dvhcvn-gis-2019/gis';
export const GIS_EXTRA_DIR = 'odm-districts-2009';
export const ADMIN_UNITS_FILE = 'dvhcvn-codes-2025/dvhcvn-2025-03-01.json.br';
/** Province files are named by their two-digit code; anything else there (level1s_bbox.json) is not one. */
const PROVINCE_FILE = /^\d{2}\.json\.br$/;
/** Libraries whose behaviour shapes the output: a new version must trigger a rebuild. */
const OUTPUT_DEPENDENCIES = [
  'topojson-server',
  'topojson-client',
  'topojson-simplify',
  'polylabel',
  '@turf/turf',
];

export async function buildBoundaries(options: BoundaryBuildOptions): Promise<BoundaryBuildResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const inputs = await readInputs(options.sourcesDir);
  const inputHash = computeInputHash(
    [
      ...[inputs.adminUnits, ...inputs.gis.values(), ...inputs.gisExtra.values()].map((f) => ({
        name: f.name,
        bytes: f.bytes,
      })),
      // The credits go into the manifest, so a changed source.json is a changed input.
      { name: 'sources', bytes: Buffer.from(JSON.stringify([...inputs.sources])) },
    ],
    await readBuildCode(),
  );

  if (!options.force) {
    const current = await readCurrentManifest(options.outDir, inputHash);
    if (current) {
      log(`boundaries: inputs unchanged (${inputHash.slice(0, 12)}), skipped`);
      return { skipped: true, manifest: current };
    }
  }

  const adminProvinces = parseAdminUnits(decode(inputs.adminUnits), inputs.adminUnits.path);
  const selection = selectProvinceFiles(adminProvinces, inputs.gis, inputs.gisExtra);
  const parsed = selection.chosen.map(({ file, source }) =>
    parseProvinceFile(decode(file), file.path, source),
  );
  log(`boundaries: read ${parsed.length}/${adminProvinces.length} provinces`);

  const checks = checkDistrictCodes(parsed, adminProvinces);
  const repaired = repairProvinces(parsed);
  const assembled = assembleUnits(repaired.provinces, adminProvinces);
  const { topology, stats } = buildBoundaryTopology(
    assembled.districts,
    assembled.provinces,
    SIMPLIFICATION,
  );
  const text = JSON.stringify(topology);
  const manifest = createManifest({
    inputHash,
    topology,
    topologyText: text,
    codeList: adminProvinces,
    provinceSources: new Map(parsed.map((p) => [p.code, p.source])),
    districts: assembled.districts.map((d) => d.properties),
    warnings: [...selection.warnings, ...checks.warnings, ...repaired.warnings],
    notInCodeList: checks.notInCodeList,
    missingFromBoundaries: checks.missingFromBoundaries,
    renamed: assembled.renamed,
    repairs: repaired.repairs,
    settings: SIMPLIFICATION,
    stats,
    sources: inputs.sources,
  });

  await writeOutputs(options.outDir, text, `${JSON.stringify(manifest, null, 2)}\n`);
  for (const warning of manifest.warnings) log(`boundaries: warning: ${warning}`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(
    `boundaries: wrote ${TOPOLOGY_FILE}: ${manifest.counts.provinces} provinces, ` +
      `${manifest.counts.districts} districts, ${kb(manifest.bytes)} (${kb(manifest.gzipBytes)} gzip) in ${seconds} s`,
  );
  return { skipped: false, manifest };
}

interface InputFile {
  /** Where it was read from, for error messages. */
  path: string;
  /** Path relative to the sources folder, for the input hash. */
  name: string;
  bytes: Buffer;
}

interface Inputs {
  adminUnits: InputFile;
  gis: Map<string, InputFile>;
  gisExtra: Map<string, InputFile>;
  sources: Map<string, DataSource>;
}

async function readInputs(sourcesDir: string): Promise<Inputs> {
  const read = async (name: string): Promise<InputFile> => {
    const path = join(sourcesDir, name);
    return { path, name, bytes: await readSourceFile(path) };
  };
  const readProvinceDir = async (
    dir: string,
    required: boolean,
  ): Promise<Map<string, InputFile>> => {
    let names: string[];
    try {
      names = await readdir(join(sourcesDir, dir));
    } catch (error) {
      if (!required && (error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw new BoundaryBuildError(
        join(sourcesDir, dir),
        `cannot list (${(error as Error).message})`,
      );
    }
    const files = names.filter((n) => PROVINCE_FILE.test(n)).sort();
    // The file name is the province code: 08.json.br → "08".
    return new Map(
      await Promise.all(
        files.map(async (n) => [n.slice(0, 2), await read(`${dir}/${n}`)] as const),
      ),
    );
  };
  const [adminUnits, gis, gisExtra, sources] = await Promise.all([
    read(ADMIN_UNITS_FILE),
    readProvinceDir(GIS_DIR, true),
    readProvinceDir(GIS_EXTRA_DIR, false),
    readSourceRecords(sourcesDir),
  ]);
  return { adminUnits, gis, gisExtra, sources };
}

/** This folder's build code (tests excluded) and the versions of the libraries that shape the output. */
export async function readBuildCode(): Promise<HashedFile[]> {
  const dir = fileURLToPath(new URL('.', import.meta.url));
  const names = (await readdir(dir)).filter(
    (n) => n.endsWith('.ts') && !n.endsWith('.test.ts') && !n.startsWith('test-'),
  );
  const files = await Promise.all(
    names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })),
  );
  const require = createRequire(import.meta.url);
  const versions = OUTPUT_DEPENDENCIES.map((name) => {
    try {
      return `${name}@${(require(`${name}/package.json`) as { version: string }).version}`;
    } catch {
      return `${name}@unknown`;
    }
  });
  return [...files, { name: 'dependencies', bytes: Buffer.from(versions.join('\n')) }];
}

async function readCurrentManifest(
  outDir: string,
  inputHash: string,
): Promise<BoundaryManifest | null> {
  try {
    const manifest = JSON.parse(
      await readFile(join(outDir, MANIFEST_FILE), 'utf8'),
    ) as BoundaryManifest;
    if (manifest.schema !== MANIFEST_SCHEMA || manifest.inputHash !== inputHash) return null;
    const topology = await readFile(join(outDir, manifest.file));
    return sha256(topology) === manifest.contentHash ? manifest : null;
  } catch {
    return null;
  }
}

function decode(file: InputFile): string {
  return file.bytes.toString('utf8');
}

/** Both files go to temporary names first and are renamed only once both are complete. */
async function writeOutputs(outDir: string, topology: string, manifest: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const suffix = `.tmp-${process.pid}`;
  const topologyPath = join(outDir, TOPOLOGY_FILE);
  const manifestPath = join(outDir, MANIFEST_FILE);
  try {
    await writeFile(topologyPath + suffix, topology);
    await writeFile(manifestPath + suffix, manifest);
    // The manifest goes last: a stale manifest never vouches for a new topology (contentHash).
    await rename(topologyPath + suffix, topologyPath);
    await rename(manifestPath + suffix, manifestPath);
  } finally {
    await Promise.all([
      rm(topologyPath + suffix, { force: true }),
      rm(manifestPath + suffix, { force: true }),
    ]);
  }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
