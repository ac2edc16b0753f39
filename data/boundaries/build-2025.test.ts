import fc from 'fast-check';
import type { FeatureCollection } from 'geojson';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Boundary2025Manifest } from '../../src/lib/data/atlas-index.ts';
import { createCrosswalk, type CrosswalkFile } from '../../src/lib/domain/eras/crosswalk.ts';
import { SOURCES_DIR } from './sources.ts';
import { buildBoundaries2025, MANIFEST_2025, VN2025_FILES } from './build-2025.ts';
import { buildCrosswalk } from './crosswalk-2025.ts';
import { BoundaryBuildError } from './errors.ts';
import type { Communes2025Topology, Provinces2025Topology } from './topology-2025.ts';
import { writeSources2025Fixture } from './test-fixtures-2025.ts';

const cleanup: string[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function dirs(overrides?: Parameters<typeof writeSources2025Fixture>[0]) {
  const sourcesDir = await writeSources2025Fixture(overrides);
  const outDir = await mkdtemp(join(tmpdir(), 'atlas-out-2025-'));
  cleanup.push(sourcesDir, outDir);
  return { sourcesDir, outDir };
}

async function readJson<T>(dir: string, file: string): Promise<T> {
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as T;
}

describe('buildBoundaries2025', () => {
  it('writes the provinces, one commune file per province and the crosswalk', async () => {
    const { sourcesDir, outDir } = await dirs();
    const { manifest } = await buildBoundaries2025({ sourcesDir, outDir });
    expect(manifest.counts).toEqual({ provinces: 2, communes: 3 });
    expect(manifest.provinces.map((p) => [p.code, p.name, p.from, p.communes.count])).toEqual([
      ['08', 'Tỉnh Tuyên Quang', ['02', '08'], 2],
      ['22', 'Tỉnh Quảng Ninh', ['22'], 1],
    ]);
    expect(manifest.codeAliases).toEqual([
      { crosswalkCode: '06970', boundaryCode: '06978', name: 'Xã Ba Chẽ', provinceCode: '22' },
    ]);
    const files = [
      manifest.provincesFile,
      manifest.crosswalk,
      ...manifest.provinces.map((p) => p.communes),
    ];
    expect(manifest.totalGzipBytes).toBe(files.reduce((sum, f) => sum + f.gzipBytes, 0));
    expect(await readJson(outDir, MANIFEST_2025)).toEqual(manifest);

    const provinces = await readJson<Provinces2025Topology>(outDir, manifest.provincesFile.file);
    const provinceFeatures = feature(provinces, provinces.objects.provinces) as FeatureCollection;
    expect(provinceFeatures.features.map((f) => f.properties?.code)).toEqual(['08', '22']);
    expect(
      provinces.objects.provinceLabels.geometries.map(
        (g) => (g.properties as { name: string }).name,
      ),
    ).toEqual(['Tuyên Quang', 'Quảng Ninh']);

    const tuyenQuang = manifest.provinces[0]?.communes.file ?? '';
    const communes = await readJson<Communes2025Topology>(outDir, tuyenQuang);
    expect(
      communes.objects.communes.geometries.map((g) => (g.properties as { code: string }).code),
    ).toEqual(['00688', '02212']);
    expect(
      communes.objects.communeLabels.geometries.map((g) => (g.properties as { name: string }).name),
    ).toEqual(['Hà Giang 1', 'Minh Xuân']);
  });

  it('writes the crosswalk with the boundary code and looks Ba Chẽ up by either code', async () => {
    const { sourcesDir, outDir } = await dirs();
    const { manifest } = await buildBoundaries2025({ sourcesDir, outDir });
    const file = await readJson<CrosswalkFile>(outDir, manifest.crosswalk.file);
    expect(file.communes.map((c) => c[0])).toEqual(['00688', '02212', '06978']);
    const crosswalk = createCrosswalk(file);
    expect(crosswalk.oldUnitsOfCommune('06970').map((u) => [u.code, u.partial])).toEqual([
      ['06970', false],
      ['06973', false],
    ]);
    expect(crosswalk.newCommunesOfOldCommune('06970').map((c) => c.code)).toEqual(['06978']);
    expect(crosswalk.newCommunesOfOldCommune('00691').map((c) => c.code)).toEqual([
      '00688',
      '02212',
    ]);
    expect(crosswalk.oldDistrictsOfCommune('02212').map((d) => d.name)).toEqual([
      'Thành phố Hà Giang',
      'Thành phố Tuyên Quang',
    ]);
    expect(manifest.warnings).toEqual([
      'Xã Ba Chẽ (22) is 06970 in the crosswalk and 06978 in the wards file: treated as one unit',
    ]);
  });

  it('gives the same bytes twice and skips a rebuild when nothing changed', async () => {
    const { sourcesDir, outDir } = await dirs();
    const first = await buildBoundaries2025({ sourcesDir, outDir });
    const bytes = await readFile(join(outDir, first.manifest.provincesFile.file));
    const second = await buildBoundaries2025({ sourcesDir, outDir });
    expect(second.skipped).toBe(true);
    const other = await mkdtemp(join(tmpdir(), 'atlas-out-2025-'));
    cleanup.push(other);
    const forced = await buildBoundaries2025({ sourcesDir, outDir: other, force: true });
    expect(forced.skipped).toBe(false);
    expect(forced.manifest).toEqual(first.manifest);
    expect(await readFile(join(other, first.manifest.provincesFile.file))).toEqual(bytes);
  });

  it.each([
    ['wards', '{"type":"Topology",', 'invalid JSON'],
    ['merges', '{"data":[{"level1_id":"8"}]}', 'data[0].level1_id'],
    ['provinces', '{"type":"FeatureCollection","features":[]}', 'no provinces'],
  ] as const)('fails on a corrupt %s file, naming it', async (key, text, problem) => {
    const { sourcesDir, outDir } = await dirs({ [key]: text });
    const build = buildBoundaries2025({ sourcesDir, outDir, force: true });
    await expect(build).rejects.toThrow(BoundaryBuildError);
    await expect(build).rejects.toThrow(join(sourcesDir, VN2025_FILES[key]));
    await expect(build).rejects.toThrow(problem);
  });
});

describe('buildCrosswalk', () => {
  it('property: every old → new pair can be followed back from the new unit', () => {
    const assignment = fc.array(
      fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
      {
        minLength: 1,
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(assignment, (targets) => {
        const newCode = (i: number) => String(10_000 + i).padStart(5, '0');
        const oldCode = (i: number) => String(20_000 + i).padStart(5, '0');
        const used = [...new Set(targets.flat())].sort((a, b) => a - b);
        const communes = used.map((n) => ({
          code: newCode(n),
          name: `Xã Mới ${n}`,
          provinceCode: '08',
          from: targets.flatMap((to, o) =>
            to.includes(n)
              ? [{ code: oldCode(o), name: `Xã Cũ ${o}`, partial: to.length > 1 }]
              : [],
          ),
        }));
        const { file } = buildCrosswalk({
          merges: { provinces: [{ code: '08', name: 'Tỉnh Tuyên Quang', from: [] }], communes },
          splits: {
            provinces: [],
            districts: [],
            communes: targets.map((to, o) => ({
              code: oldCode(o),
              name: `Xã Cũ ${o}`,
              to: to.map(newCode),
            })),
          },
          wards: communes.map((c) => ({ code: c.code, name: c.name, provinceCode: '08' })),
          adminCommunes: targets.map((_, o) => ({
            code: oldCode(o),
            name: `Xã Cũ ${o}`,
            districtCode: '070',
            districtName: 'Thành phố Tuyên Quang',
            provinceCode: '08',
            provinceName: 'Tỉnh Tuyên Quang',
          })),
          adminDistricts: [{ code: '070', name: 'Thành phố Tuyên Quang', provinceCode: '08' }],
        });
        const crosswalk = createCrosswalk(file);
        return targets.every((_, o) =>
          crosswalk
            .newCommunesOfOldCommune(oldCode(o))
            .every((n) => crosswalk.oldUnitsOfCommune(n.code).some((u) => u.code === oldCode(o))),
        );
      }),
    );
  });
});

// The vendored third-party files of data/sources/, as every clone has them.
describe('real 2025 units', () => {
  it('builds 34 provinces and 3,321 communes within 1.5 MB gzip, with Ba Chẽ reconciled', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'atlas-real-2025-'));
    cleanup.push(outDir);
    const { manifest } = await buildBoundaries2025({
      sourcesDir: SOURCES_DIR,
      outDir,
      force: true,
    });
    expect(manifest.counts).toEqual({ provinces: 34, communes: 3321 });
    expect(manifest.totalGzipBytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    expect(manifest.provinces.find((p) => p.code === '08')?.from).toEqual(['02', '08']);
    expect(manifest.codeAliases).toContainEqual({
      crosswalkCode: '06970',
      boundaryCode: '06978',
      name: 'Xã Ba Chẽ',
      provinceCode: '22',
    });
    const file = JSON.parse(
      await readFile(join(outDir, manifest.crosswalk.file), 'utf8'),
    ) as CrosswalkFile;
    const crosswalk = createCrosswalk(file);
    expect(crosswalk.commune('06970')?.name).toBe('Xã Ba Chẽ');
    expect(crosswalk.oldUnitsOfCommune('06970').map((u) => u.name)).toContain('Thị trấn Ba Chẽ');
    expect(crosswalk.newCommunesOfOldDistrict('498').map((c) => c.name)).toEqual([
      'Đặc khu Hoàng Sa',
    ]);
    const check = (m: Boundary2025Manifest) => m.provinces.every((p) => p.communes.count > 0);
    expect(check(manifest)).toBe(true);
  }, 120_000);
});
