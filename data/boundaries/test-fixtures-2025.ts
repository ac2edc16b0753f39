/**
 * A small synthetic sources folder with the 2025 inputs in the layout of `data/sources/`, with the real Ba Chẽ
 * code mismatch (06970 in the crosswalk, 06978 in the wards file). Never the real files.
 */
import type { FeatureCollection } from 'geojson';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import { ADMIN_UNITS_FILE } from './build-boundaries.ts';
import { VN2025_FILES } from './build-2025.ts';
import { copySourceRecords, rect, writeSourceFile, type Ring } from './test-fixtures.ts';

interface FixtureWard {
  code: string;
  fullName: string;
  provinceCode: string;
  ring: Ring;
}

export const FIXTURE_WARDS: FixtureWard[] = [
  // Out of code order on purpose: outputs must be sorted.
  {
    code: '02212',
    fullName: 'Phường Minh Xuân',
    provinceCode: '08',
    ring: rect(105.1, 22, 105.2, 22.1),
  },
  {
    code: '00688',
    fullName: 'Phường Hà Giang 1',
    provinceCode: '08',
    ring: rect(105, 22, 105.1, 22.1),
  },
  { code: '06978', fullName: 'Xã Ba Chẽ', provinceCode: '22', ring: rect(107, 21, 107.1, 21.1) },
];

export function wardsText(wards = FIXTURE_WARDS): string {
  return JSON.stringify(
    topology(
      {
        wards_3321_full: {
          type: 'FeatureCollection',
          features: wards.map((w) => ({
            type: 'Feature',
            id: w.code,
            properties: {
              code: w.code,
              name: w.fullName.split(' ').slice(1).join(' '),
              fullName: w.fullName,
              provinceCode: w.provinceCode,
            },
            geometry: { type: 'Polygon', coordinates: [w.ring] },
          })),
        } as FeatureCollection,
      },
      1e5,
    ),
  );
}

export function provincesText(): string {
  const feature = (code: string, name: string, fullName: string, nameEn: string, ring: Ring) => ({
    type: 'Feature',
    id: code,
    properties: { code, name, nameEn, fullName, areaKm2: 1 },
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
  });
  return JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature('22', 'Quảng Ninh', 'Tỉnh Quảng Ninh', 'Quang Ninh', rect(107, 21, 107.1, 21.1)),
      feature('08', 'Tuyên Quang', 'Tỉnh Tuyên Quang', 'Tuyen Quang', rect(105, 22, 105.2, 22.1)),
    ],
  });
}

export function mergesText(): string {
  const m = (old_id: string, name: string, type: 'full' | 'partial') => ({ old_id, name, type });
  return JSON.stringify({
    data: [
      {
        level1_id: '08',
        name: 'Tỉnh Tuyên Quang',
        merges: [m('02', 'Tỉnh Hà Giang', 'full'), m('08', 'Tỉnh Tuyên Quang', 'full')],
        level2s: [
          {
            level2_id: '00688',
            name: 'Phường Hà Giang 1',
            merges: [
              m('00688', 'Phường Quang Trung', 'full'),
              m('00691', 'Xã Phương Độ', 'partial'),
            ],
          },
          {
            level2_id: '02212',
            name: 'Phường Minh Xuân',
            merges: [
              m('02212', 'Phường Phan Thiết', 'full'),
              m('00691', 'Xã Phương Độ', 'partial'),
            ],
          },
        ],
      },
      {
        level1_id: '22',
        name: 'Tỉnh Quảng Ninh',
        merges: [m('22', 'Tỉnh Quảng Ninh', 'full')],
        level2s: [
          {
            level2_id: '06970',
            name: 'Xã Ba Chẽ',
            merges: [m('06970', 'Thị trấn Ba Chẽ', 'full'), m('06973', 'Xã Thanh Sơn', 'full')],
          },
        ],
      },
    ],
    stats: {},
  });
}

export function splitsText(): string {
  const s = (id: string, name: string, to: [string, string][]) => ({
    level3_id: id,
    name,
    splits: to.map(([new_id, n]) => ({ new_id, name: n })),
  });
  return JSON.stringify({
    data: [
      {
        level1_id: '02',
        name: 'Tỉnh Hà Giang',
        splits: [{ new_id: '08', name: 'Tuyên Quang' }],
        level3s: [
          s('00688', 'Phường Quang Trung', [['00688', 'Phường Hà Giang 1']]),
          s('00691', 'Xã Phương Độ', [
            ['00688', 'Phường Hà Giang 1'],
            ['02212', 'Phường Minh Xuân'],
          ]),
        ],
      },
      {
        level1_id: '08',
        name: 'Tỉnh Tuyên Quang',
        splits: [{ new_id: '08', name: 'Tuyên Quang' }],
        level3s: [s('02212', 'Phường Phan Thiết', [['02212', 'Phường Minh Xuân']])],
      },
      {
        level1_id: '22',
        name: 'Tỉnh Quảng Ninh',
        splits: [{ new_id: '22', name: 'Quảng Ninh' }],
        level3s: [
          s('06970', 'Thị trấn Ba Chẽ', [['06970', 'Xã Ba Chẽ']]),
          s('06973', 'Xã Thanh Sơn', [['06970', 'Xã Ba Chẽ']]),
        ],
      },
    ],
    stats: {},
  });
}

export function adminUnitsText(): string {
  const c = (level3_id: string, name: string) => ({ level3_id, name, type: name.split(' ')[0] });
  const d = (level2_id: string, name: string, level3s: ReturnType<typeof c>[]) => ({
    level2_id,
    name,
    type: 'Huyện',
    level3s,
  });
  return JSON.stringify({
    data: [
      {
        level1_id: '02',
        name: 'Tỉnh Hà Giang',
        type: 'Tỉnh',
        level2s: [
          d('024', 'Thành phố Hà Giang', [
            c('00688', 'Phường Quang Trung'),
            c('00691', 'Xã Phương Độ'),
          ]),
        ],
      },
      {
        level1_id: '08',
        name: 'Tỉnh Tuyên Quang',
        type: 'Tỉnh',
        level2s: [d('070', 'Thành phố Tuyên Quang', [c('02212', 'Phường Phan Thiết')])],
      },
      {
        level1_id: '22',
        name: 'Tỉnh Quảng Ninh',
        type: 'Tỉnh',
        level2s: [
          d('202', 'Huyện Ba Chẽ', [c('06970', 'Thị trấn Ba Chẽ'), c('06973', 'Xã Thanh Sơn')]),
        ],
      },
    ],
  });
}

/** Writes the 2025 inputs and the code list under a new temporary directory. */
export async function writeSources2025Fixture(
  overrides: Partial<Record<keyof typeof VN2025_FILES, string>> = {},
): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'atlas-sources-2025-'));
  await copySourceRecords(root);
  await writeSourceFile(root, ADMIN_UNITS_FILE, adminUnitsText());
  const texts: Record<keyof typeof VN2025_FILES, string> = {
    provinces: provincesText(),
    wards: wardsText(),
    merges: mergesText(),
    splits: splitsText(),
    ...overrides,
  };
  for (const [key, name] of Object.entries(VN2025_FILES)) {
    await writeSourceFile(root, name, texts[key as keyof typeof VN2025_FILES]);
  }
  return root;
}
