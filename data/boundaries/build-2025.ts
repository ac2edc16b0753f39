/**
 * The post-2025 boundary set: reads the 2025 provinces, wards and crosswalk vendored in
 * `data/sources/` and writes into the git-ignored `generated/2025/`: the 34 provinces, one commune
 * file per province and the compact crosswalk, plus a manifest that the atlas index carries.
 * Deterministic; skipped when the inputs and the build code are unchanged.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type {
  Boundary2025Manifest,
  GeneratedFile,
  Source2025,
} from '../../src/lib/data/atlas-index.ts';
import { parseAdminUnits } from './admin-units.ts';
import { ADMIN_UNITS_FILE, readBuildCode } from './build-boundaries.ts';
import { BoundaryBuildError } from './errors.ts';
import { buildCrosswalk, parseAdminCommunes } from './crosswalk-2025.ts';
import { computeInputHash, sha256 } from './manifest.ts';
import { creditsOf, readSourceFile, readSourceRecords } from './sources.ts';
import type { SimplificationSettings } from './topology.ts';
import { buildCommunes2025Topology, buildProvinces2025Topology } from './topology-2025.ts';
import {
  parseMerges,
  parseProvinces2025,
  parseSplits,
  parseWards,
  type WardProperties,
} from './vn2025-inputs.ts';

export const VN2025_FILES = {
  provinces: 'vn-provinces-database-2025/provinces-34.geojson.br',
  wards: 'vn-provinces-database-2025/wards-3321-simplified.topojson.br',
  merges: 'dvhcvn-crosswalk-2025/crosswalk-merges.json.br',
  splits: 'dvhcvn-crosswalk-2025/crosswalk-splits.json.br',
} as const;
/** The sources credited with the 2025 set, in the order the app lists them. */
const SOURCE_IDS_2025: Source2025['id'][] = ['vn-provinces-database-2025', 'dvhcvn-crosswalk-2025'];
/** Folder of the 2025 outputs inside the generated folder; paths in the manifest are relative to that. */
export const OUT_2025 = '2025';
export const MANIFEST_2025 = `${OUT_2025}/manifest.json`;
const MANIFEST_2025_SCHEMA = 1;

/**
 * The wards are already simplified to 8 % of their vertices; province outlines for the national
 * view are thinned further (about 1.5 ha, under a pixel at zoom 8) to keep the first map light.
 */
export const PROVINCES_2025_SIMPLIFICATION: SimplificationSettings = {
  minWeight: 1.5e-6,
  quantization: 1e5,
  minRingVertices: 6,
};
/** Per-province grid: 2·10⁴ steps across a province (≤ ~10 m), finer than the source's ~17 m grid. */
export const COMMUNE_QUANTIZATION = 2e4;

export interface Build2025Options {
  /** The vendored third-party sources: `data/sources/` (`SOURCES_DIR`), or a test fixture. */
  sourcesDir: string;
  outDir: string;
  force?: boolean;
  log?: (line: string) => void;
}

export async function buildBoundaries2025(
  options: Build2025Options,
): Promise<{ skipped: boolean; manifest: Boundary2025Manifest }> {
  const log = options.log ?? (() => {});
  const names = [ADMIN_UNITS_FILE, ...Object.values(VN2025_FILES)];
  const files = new Map(
    await Promise.all(
      names.map(async (name) => {
        const path = join(options.sourcesDir, name);
        return [name, { path, bytes: await readSourceFile(path) }] as const;
      }),
    ),
  );
  const records = await readSourceRecords(options.sourcesDir);
  const sources = SOURCE_IDS_2025.flatMap((id) => creditsOf<Source2025['id']>(records, id));
  const inputHash = computeInputHash(
    [
      ...names.map((name) => ({ name, bytes: files.get(name)?.bytes ?? Buffer.alloc(0) })),
      { name: 'sources', bytes: Buffer.from(JSON.stringify(sources)) },
    ],
    await readBuildCode(),
  );
  if (!options.force) {
    const current = await readCurrent(options.outDir, inputHash);
    if (current) {
      log(`boundaries 2025: inputs unchanged (${inputHash.slice(0, 12)}), skipped`);
      return { skipped: true, manifest: current };
    }
  }

  const text = (name: string) => {
    const file = files.get(name);
    if (!file) throw new Error(`${name} was not read`);
    return [file.bytes.toString('utf8'), file.path] as const;
  };
  const provinces = parseProvinces2025(...text(VN2025_FILES.provinces));
  const wards = parseWards(...text(VN2025_FILES.wards));
  const merges = parseMerges(...text(VN2025_FILES.merges));
  const splits = parseSplits(...text(VN2025_FILES.splits));
  const adminProvinces = parseAdminUnits(...text(ADMIN_UNITS_FILE));
  const adminCommunes = parseAdminCommunes(...text(ADMIN_UNITS_FILE));
  // parseWards has checked every ward's properties.
  const wardProperties = wards.objects.wards.geometries.map((g) => g.properties as WardProperties);

  const warnings: string[] = [];
  const provinceCodes = new Set(provinces.map((p) => p.code));
  for (const ward of wardProperties) {
    if (!provinceCodes.has(ward.provinceCode)) {
      throw new BoundaryBuildError(
        files.get(VN2025_FILES.wards)?.path ?? VN2025_FILES.wards,
        `ward ${ward.code} names province ${ward.provinceCode}, which ${VN2025_FILES.provinces} lacks`,
      );
    }
  }
  const crosswalk = buildCrosswalk({
    merges,
    splits,
    wards: wardProperties,
    adminCommunes,
    adminDistricts: adminProvinces.flatMap((p) =>
      p.districts.map((d) => ({ code: d.code, name: d.name, provinceCode: p.code })),
    ),
  });
  warnings.push(...crosswalk.warnings);

  const outputs = new Map<string, string>();
  const described = (file: string, content: string): GeneratedFile => {
    outputs.set(file, content);
    return {
      file,
      contentHash: sha256(content),
      bytes: Buffer.byteLength(content),
      gzipBytes: gzipSync(content, { level: 9 }).length,
    };
  };
  const provincesFile = described(
    `${OUT_2025}/provinces.topojson`,
    JSON.stringify(buildProvinces2025Topology(wards, provinces, PROVINCES_2025_SIMPLIFICATION)),
  );
  const fromOf = new Map(merges.provinces.map((p) => [p.code, p.from.map((f) => f.code).sort()]));
  const manifestProvinces = provinces.map((p) => {
    const topology = buildCommunes2025Topology(wards, p.code, COMMUNE_QUANTIZATION);
    const count = topology.objects.communes.geometries.length;
    if (count === 0) warnings.push(`province ${p.code} ${p.fullName} has no communes`);
    if (!fromOf.has(p.code))
      warnings.push(`province ${p.code} ${p.fullName} is not in the crosswalk`);
    return {
      code: p.code,
      name: p.fullName,
      nameEn: p.nameEn,
      from: fromOf.get(p.code) ?? [],
      communes: {
        ...described(`${OUT_2025}/communes-${p.code}.topojson`, JSON.stringify(topology)),
        count,
      },
    };
  });
  const crosswalkFile = described(`${OUT_2025}/crosswalk.json`, JSON.stringify(crosswalk.file));
  const all = [provincesFile, crosswalkFile, ...manifestProvinces.map((p) => p.communes)];
  const manifest: Boundary2025Manifest = {
    schema: MANIFEST_2025_SCHEMA,
    vintage: '2025-communes',
    inputHash,
    provincesFile,
    crosswalk: crosswalkFile,
    counts: {
      provinces: manifestProvinces.length,
      communes: manifestProvinces.reduce((sum, p) => sum + p.communes.count, 0),
    },
    provinces: manifestProvinces,
    codeAliases: crosswalk.aliases,
    totalGzipBytes: all.reduce((sum, f) => sum + f.gzipBytes, 0),
    warnings,
    sources,
  };
  await writeAll(options.outDir, outputs, `${JSON.stringify(manifest, null, 2)}\n`);
  log(
    `boundaries 2025: ${manifest.counts.provinces} provinces, ${manifest.counts.communes} communes, ` +
      `${(manifest.totalGzipBytes / 1024).toFixed(1)} KB gzip in all (provinces ${(provincesFile.gzipBytes / 1024).toFixed(1)} KB)`,
  );
  return { skipped: false, manifest };
}

async function readCurrent(
  outDir: string,
  inputHash: string,
): Promise<Boundary2025Manifest | null> {
  try {
    const manifest = JSON.parse(
      await readFile(join(outDir, MANIFEST_2025), 'utf8'),
    ) as Boundary2025Manifest;
    if (manifest.schema !== MANIFEST_2025_SCHEMA || manifest.inputHash !== inputHash) return null;
    const files = [
      manifest.provincesFile,
      manifest.crosswalk,
      ...manifest.provinces.map((p) => p.communes),
    ];
    for (const file of files) {
      if (sha256(await readFile(join(outDir, file.file))) !== file.contentHash) return null;
    }
    return manifest;
  } catch {
    return null;
  }
}

/** Writes the whole set into a fresh folder and swaps it in, so no half-written set is served. */
async function writeAll(
  outDir: string,
  outputs: ReadonlyMap<string, string>,
  manifest: string,
): Promise<void> {
  const target = join(outDir, OUT_2025);
  const temporary = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  try {
    for (const [file, content] of outputs) {
      await writeFile(join(temporary, file.slice(OUT_2025.length + 1)), content);
    }
    await writeFile(join(temporary, 'manifest.json'), manifest);
    await rename(target, old).catch(() => undefined);
    await rename(temporary, target);
  } finally {
    await rm(temporary, { recursive: true, force: true });
    await rm(old, { recursive: true, force: true });
  }
}
