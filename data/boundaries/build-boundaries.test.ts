import { area, booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { feature } from 'topojson-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BoundaryBuildError,
  buildBoundaries,
  GIS_DIR,
  MANIFEST_FILE,
  TOPOLOGY_FILE,
  type BoundaryManifest,
  type BoundaryTopology,
  type DistrictObject,
  type ProvinceObject,
} from './build-boundaries.ts';
import { sha256 } from './manifest.ts';
import { readSourceFile } from './sources.ts';
import { circle, standardFixture, writeSourceFile, writeSourcesFixture } from './test-fixtures.ts';

let sourcesDir: string;
let outDir: string;
const cleanup: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
}

beforeEach(async () => {
  sourcesDir = await writeSourcesFixture();
  cleanup.push(sourcesDir);
  outDir = await tempDir('atlas-out-');
});

afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function readOutputs(dir = outDir) {
  const text = await readFile(join(dir, TOPOLOGY_FILE), 'utf8');
  const manifestText = await readFile(join(dir, MANIFEST_FILE), 'utf8');
  return {
    text,
    manifestText,
    topology: JSON.parse(text) as BoundaryTopology,
    manifest: JSON.parse(manifestText) as BoundaryManifest,
  };
}

function featuresOf<G extends Polygon | MultiPolygon | Point, P>(
  topology: BoundaryTopology,
  key: keyof BoundaryTopology['objects'],
): Feature<G, P>[] {
  const collection = feature(topology, topology.objects[key]) as FeatureCollection<G, P>;
  return collection.features;
}

/** Absolute arc indexes a district or province is made of. */
function arcsOf(object: DistrictObject | ProvinceObject): Set<number> {
  const rings = object.type === 'Polygon' ? object.arcs : object.arcs.flat();
  return new Set(rings.flat().map((i) => (i < 0 ? ~i : i)));
}

function shared(a: Set<number>, b: Set<number>): number[] {
  return [...a].filter((i) => b.has(i));
}

describe('buildBoundaries on a synthetic sources folder', () => {
  it('writes one district per boundary, sorted by code, with parsed properties', async () => {
    const result = await buildBoundaries({ sourcesDir, outDir });
    const { topology } = await readOutputs();

    expect(result.skipped).toBe(false);
    expect(Object.keys(topology.objects)).toEqual([
      'districts',
      'provinces',
      'districtLabels',
      'provinceLabels',
    ]);
    const districts = topology.objects.districts.geometries;
    expect(districts.map((d) => d.properties.code)).toEqual([
      '001',
      '002',
      '024',
      '026',
      '027',
      '193',
    ]);
    expect(districts.find((d) => d.properties.code === '026')?.properties).toStrictEqual({
      code: '026',
      name: 'Thị xã Đồng Văn',
      type: 'Thị xã',
      provinceCode: '02',
      provinceName: 'Tỉnh Hà Giang',
    });
    expect(districts.map((d) => d.properties.type)).toEqual([
      'Quận',
      'Quận',
      'Thành phố',
      'Thị xã',
      'Huyện',
      'Thành phố',
    ]);
    expect(topology.objects.provinces.geometries.map((p) => p.properties)).toStrictEqual([
      { code: '01', name: 'Thành phố Hà Nội', type: 'Thành phố Trung ương' },
      { code: '02', name: 'Tỉnh Hà Giang', type: 'Tỉnh' },
      { code: '22', name: 'Tỉnh Quảng Ninh', type: 'Tỉnh' },
    ]);
  });

  it('merges each province from its districts, whatever their winding', async () => {
    await buildBoundaries({ sourcesDir, outDir });
    const { topology } = await readOutputs();
    const districts = featuresOf<Polygon | MultiPolygon, { code: string; provinceCode: string }>(
      topology,
      'districts',
    );
    const provinces = featuresOf<MultiPolygon, { code: string }>(topology, 'provinces');

    for (const province of provinces) {
      const members = districts.filter(
        (d) => d.properties.provinceCode === province.properties.code,
      );
      const sum = members.reduce((total, d) => total + area(d), 0);
      expect(area(province)).toBeCloseTo(sum, 0);
    }
    // Hà Nội's two squares (one wound clockwise) become one 0.2° × 0.1° rectangle.
    const hanoi = provinces.find((p) => p.properties.code === '01') as Feature<MultiPolygon>;
    expect(hanoi.geometry.coordinates).toHaveLength(1);
    expect(hanoi.geometry.coordinates[0]).toHaveLength(1);
    expect(area(hanoi) / 1e6).toBeCloseTo(2 * 10.4 * 11.1, -1);
    // Hà Giang keeps its islet as a second polygon.
    const haGiang = provinces.find((p) => p.properties.code === '02') as Feature<MultiPolygon>;
    expect(haGiang.geometry.coordinates).toHaveLength(2);
  });

  it('turns shared borders into shared arcs, and leaves interior borders out of provinces', async () => {
    await buildBoundaries({ sourcesDir, outDir });
    const { topology } = await readOutputs();
    const district = (code: string) =>
      arcsOf(topology.objects.districts.geometries.find((d) => d.properties.code === code)!);
    const province = (code: string) =>
      arcsOf(topology.objects.provinces.geometries.find((p) => p.properties.code === code)!);

    const inner = shared(district('001'), district('002'));
    expect(inner.length).toBeGreaterThan(0);
    expect(shared(district('001'), district('024')).length).toBeGreaterThan(0);
    expect(shared(district('002'), district('193')).length).toBeGreaterThan(0);
    expect(shared(province('01'), province('02')).length).toBeGreaterThan(0);
    expect(shared(province('01'), province('22')).length).toBeGreaterThan(0);
    for (const arc of inner) expect(province('01').has(arc)).toBe(false);
  });

  it('places labels inside their units with names without the unit type', async () => {
    await buildBoundaries({ sourcesDir, outDir });
    const { topology } = await readOutputs();
    const districts = featuresOf<Polygon | MultiPolygon, { code: string }>(topology, 'districts');
    const labels = featuresOf<Point, { code: string; name: string }>(topology, 'districtLabels');

    expect(Object.fromEntries(labels.map((l) => [l.properties.code, l.properties.name]))).toEqual({
      '001': 'Ba Đình',
      '002': 'Hoàn Kiếm',
      '024': 'TP Hà Giang',
      '026': 'TX Đồng Văn',
      '027': 'Đảo Xa',
      '193': 'TP Hạ Long',
    });
    for (const label of labels) {
      const unit = districts.find((d) => d.properties.code === label.properties.code)!;
      expect(booleanPointInPolygon(label, unit)).toBe(true);
    }
    const provinceLabels = topology.objects.provinceLabels.geometries.map((g) => g.properties);
    expect(provinceLabels).toEqual([
      { code: '01', name: 'Hà Nội' },
      { code: '02', name: 'Hà Giang' },
      { code: '22', name: 'Quảng Ninh' },
    ]);
  });

  it('keeps a tiny offshore islet as a real polygon through simplification and quantization', async () => {
    const { manifest } = await buildBoundaries({ sourcesDir, outDir });
    const { topology } = await readOutputs();
    const islet = featuresOf<Polygon | MultiPolygon, { code: string }>(topology, 'districts').find(
      (d) => d.properties.code === '027',
    )!;
    const ring =
      islet.geometry.type === 'Polygon'
        ? islet.geometry.coordinates[0]!
        : islet.geometry.coordinates[0]![0]!;
    const original = area({ type: 'Polygon', coordinates: [circle(106.0, 20.0, 0.003, 64)] });

    expect(new Set(ring.map(([x, y]) => `${x},${y}`)).size).toBeGreaterThanOrEqual(6);
    expect(area(islet) / original).toBeGreaterThan(0.6);
    expect(manifest.simplification.protectedRings).toBeGreaterThanOrEqual(1);
    expect(manifest.simplification.pointsAfter).toBeLessThan(manifest.simplification.pointsBefore);
    expect(manifest.simplification.droppedRings).toBe(0);
  });

  it('records sources, counts, code mismatches and hashes in the manifest', async () => {
    const log: string[] = [];
    const { manifest } = await buildBoundaries({ sourcesDir, outDir, log: (l) => log.push(l) });
    const { text, manifestText } = await readOutputs();

    expect(JSON.parse(manifestText)).toStrictEqual(manifest);
    expect(manifest.counts).toEqual({ provinces: 3, districts: 6 });
    expect(manifest.provinces).toEqual([
      { code: '01', name: 'Thành phố Hà Nội', source: 'gis', districts: 2 },
      { code: '02', name: 'Tỉnh Hà Giang', source: 'gis', districts: 3 },
      { code: '04', name: 'Tỉnh Cao Bằng', source: 'missing', districts: 0 },
      { code: '22', name: 'Tỉnh Quảng Ninh', source: 'gis-extra', districts: 1 },
    ]);
    expect(manifest.warnings).toEqual(['04 Tỉnh Cao Bằng: no boundary file in gis/ or gis-extra/']);
    expect(manifest.notInCodeList).toEqual(['027']);
    expect(manifest.missingFromBoundaries).toEqual(['003', '040']);
    expect(manifest.sources.map((s) => s.id)).toEqual([
      'dvhcvn-gis-2019',
      'odm-districts-2009',
      'dvhcvn-codes-2025',
    ]);
    expect(manifest.contentHash).toBe(sha256(text));
    expect(manifest.bytes).toBe(Buffer.byteLength(text));
    expect(manifest.gzipBytes).toBe(gzipSync(text, { level: 9 }).length);
    expect(gunzipSync(gzipSync(text)).toString()).toBe(text);
    expect(log[0]).toBe('boundaries: read 3/4 provinces');
    expect(log.at(-1)).toMatch(
      /^boundaries: wrote boundaries-2019\.topojson: 3 provinces, 6 districts/,
    );
  });

  it('gives byte-identical outputs for the same inputs', async () => {
    const otherOut = await tempDir('atlas-out-');
    const first = await buildBoundaries({ sourcesDir, outDir });
    const second = await buildBoundaries({ sourcesDir, outDir: otherOut });
    const a = await readOutputs(outDir);
    const b = await readOutputs(otherOut);

    expect(b.text).toBe(a.text);
    expect(b.manifestText).toBe(a.manifestText);
    expect(second.manifest.contentHash).toBe(first.manifest.contentHash);
    expect(second.manifest.inputHash).toBe(first.manifest.inputHash);
  });

  it('skips an unchanged build and rebuilds when an input changes or when forced', async () => {
    const first = await buildBoundaries({ sourcesDir, outDir });
    const log: string[] = [];
    const second = await buildBoundaries({ sourcesDir, outDir, log: (l) => log.push(l) });
    expect(second).toEqual({ skipped: true, manifest: first.manifest });
    expect(log).toEqual([
      `boundaries: inputs unchanged (${first.manifest.inputHash.slice(0, 12)}), skipped`,
    ]);

    expect((await buildBoundaries({ sourcesDir, outDir, force: true })).skipped).toBe(false);

    const fixture = standardFixture();
    fixture.gis[0]!.districts[1]!.name = 'Quận Ba Đình Mới';
    const changedSources = await writeSourcesFixture(fixture);
    cleanup.push(changedSources);
    const changed = await buildBoundaries({ sourcesDir: changedSources, outDir });
    expect(changed.skipped).toBe(false);
    expect(changed.manifest.inputHash).not.toBe(first.manifest.inputHash);
    expect(changed.manifest.contentHash).not.toBe(first.manifest.contentHash);
    expect((await readOutputs()).text).toContain('Quận Ba Đình Mới');
  });

  it('rebuilds when the topojson no longer matches the manifest', async () => {
    await buildBoundaries({ sourcesDir, outDir });
    await writeFile(join(outDir, TOPOLOGY_FILE), '{}');
    const result = await buildBoundaries({ sourcesDir, outDir });
    expect(result.skipped).toBe(false);
    expect(sha256(await readFile(join(outDir, TOPOLOGY_FILE)))).toBe(result.manifest.contentHash);
  });

  it('warns, not fails, when a province has no boundary anywhere', async () => {
    const fixture = standardFixture();
    fixture.gisExtra = [];
    const dir = await writeSourcesFixture(fixture);
    cleanup.push(dir);
    const { manifest } = await buildBoundaries({ sourcesDir: dir, outDir });

    expect(manifest.provinces.find((p) => p.code === '22')).toEqual({
      code: '22',
      name: 'Tỉnh Quảng Ninh',
      source: 'missing',
      districts: 0,
    });
    expect(manifest.warnings).toContain(
      '22 Tỉnh Quảng Ninh: no boundary file in gis/ or gis-extra/',
    );
    expect(manifest.missingFromBoundaries).toContain('193');
    expect(manifest.sources.map((s) => s.id)).not.toContain('odm-districts-2009');
  });

  it('fails on a corrupt file with an error naming it, and writes nothing', async () => {
    const corrupt = join(sourcesDir, GIS_DIR, '02.json.br');
    await writeSourceFile(sourcesDir, `${GIS_DIR}/02.json.br`, '{"level1_id": "02", "name": ');
    const error = await buildBoundaries({ sourcesDir, outDir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BoundaryBuildError);
    expect((error as BoundaryBuildError).file).toBe(corrupt);
    expect((error as Error).message).toMatch(/^.*gis\/02\.json\.br: invalid JSON/);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('fails on a structural error naming the file and the problem', async () => {
    const file = join(sourcesDir, GIS_DIR, '01.json.br');
    const province = JSON.parse((await readSourceFile(file)).toString('utf8')) as {
      level2s: { coordinates: unknown[][][] }[];
    };
    province.level2s[1]!.coordinates[0]![2] = ['105.1', 21];
    await writeSourceFile(sourcesDir, `${GIS_DIR}/01.json.br`, JSON.stringify(province));
    const error = await buildBoundaries({ sourcesDir, outDir }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BoundaryBuildError);
    expect((error as BoundaryBuildError).file).toBe(file);
    expect((error as Error).message).toBe(
      `${file}: level2s[1].coordinates[0][2]: expected [longitude, latitude] numbers, got ["105.1",21]`,
    );
  });

  it('leaves earlier outputs untouched when a later build fails', async () => {
    await buildBoundaries({ sourcesDir, outDir });
    const before = await readOutputs();
    await writeSourceFile(
      sourcesDir,
      `${GIS_DIR}/01.json.br`,
      '{"level1_id":"01","name":"x","level2s":[{}]}',
    );

    await expect(buildBoundaries({ sourcesDir, outDir })).rejects.toThrow(BoundaryBuildError);
    expect(await readOutputs()).toEqual(before);
    expect((await readdir(outDir)).sort()).toEqual([TOPOLOGY_FILE, MANIFEST_FILE].sort());
  });

  it('names a missing sources folder in its error', async () => {
    const missing = join(outDir, 'no-such-sources');
    // The inputs are read together: whichever is found missing first is named.
    await expect(buildBoundaries({ sourcesDir: missing, outDir })).rejects.toThrow(
      new RegExp(`^${missing}(/[\\w./-]+)?: cannot (read|list)`),
    );
  });
});
