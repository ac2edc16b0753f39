import { area } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildBoundaries,
  TOPOLOGY_FILE,
  type BoundaryTopology,
  type DistrictProperties,
} from './build-boundaries.ts';
import { SOURCES_DIR as sourcesDir } from './sources.ts';

const outDirs: string[] = [];

afterAll(async () => {
  await Promise.all(outDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

// The vendored third-party boundaries of data/sources/, as every clone has them.
describe('real boundaries from data/sources', () => {
  it('builds all provinces, the Tuyên Quang districts and both archipelagos within budget', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'atlas-real-'));
    outDirs.push(outDir);
    const { manifest } = await buildBoundaries({ sourcesDir, outDir, force: true });
    const topology = JSON.parse(
      await readFile(join(outDir, TOPOLOGY_FILE), 'utf8'),
    ) as BoundaryTopology;
    const districts = (
      feature(topology, topology.objects.districts) as FeatureCollection<
        Polygon | MultiPolygon,
        DistrictProperties
      >
    ).features;
    const byCode = new Map(districts.map((d) => [d.properties.code, d]));

    expect(manifest.counts.provinces).toBe(63);
    expect(topology.objects.provinces.geometries).toHaveLength(63);
    expect(manifest.provinces.filter((p) => p.source === 'missing')).toEqual([]);
    expect(manifest.counts.districts).toBeGreaterThanOrEqual(700);
    expect(
      districts.filter((d) => d.properties.provinceCode === '08').map((d) => d.properties.code),
    ).toEqual(['070', '071', '072', '073', '074', '075', '076']);

    for (const [code, provinceCode, name] of [
      ['498', '48', 'Huyện Hoàng Sa'],
      ['576', '56', 'Huyện Trường Sa'],
    ] as const) {
      const archipelago = byCode.get(code) as Feature<Polygon | MultiPolygon, DistrictProperties>;
      expect(archipelago.properties).toMatchObject({ name, provinceCode });
      expect(area(archipelago)).toBeGreaterThan(1e6);
      expect(
        topology.objects.districtLabels.geometries.some((l) => l.properties.code === code),
      ).toBe(true);
    }
    expect(manifest.simplification.droppedRings).toBe(0);
    expect(manifest.gzipBytes).toBeLessThanOrEqual(500 * 1024);
  }, 120_000);
});
