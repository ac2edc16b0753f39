/**
 * Small synthetic sources folders for the boundary build's tests, in the layout of
 * `data/sources/` (compressed province files, the dvhcvn code list, the real source records).
 * Never the real third-party geometry.
 */
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_UNITS_FILE, GIS_DIR, GIS_EXTRA_DIR } from './build-boundaries.ts';
import { encodeSourceFile, SOURCE_RECORD_FILE, SOURCES_DIR } from './sources.ts';

export type Ring = [number, number][];

export interface FixtureDistrict {
  code: string;
  name: string;
  polygons: Ring[][];
}

export interface FixtureProvince {
  code: string;
  name: string;
  /** Type in the code list, e.g. "Tỉnh". */
  type: string;
  districts: FixtureDistrict[];
}

export interface FixtureSources {
  gis: FixtureProvince[];
  gisExtra: FixtureProvince[];
  /** Provinces of the code list; defaults to those of gis and gisExtra. */
  codeList: FixtureProvince[];
}

/** Axis-aligned rectangle, counter-clockwise unless asked otherwise. */
export function rect(x0: number, y0: number, x1: number, y1: number, clockwise = false): Ring {
  const ring: Ring = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ];
  return clockwise ? ring.reverse() : ring;
}

/** A closed ring of n points: an islet, like the source's symbols for the Trường Sa islands. */
export function circle(cx: number, cy: number, radius: number, n: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < n; i++) {
    const angle = (2 * Math.PI * i) / n;
    ring.push([cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
  }
  ring.push([...(ring[0] as [number, number])]);
  return ring;
}

/**
 * Two provinces of two adjacent squares each (one wound clockwise, as the source sometimes
 * is) sharing a border, an islet district far offshore, Quảng Ninh only in gis-extra, and
 * Cao Bằng in the code list with no boundary at all.
 *
 *   21.2 ┌─024─┬─026─┐
 *   21.1 ├─001─┼─002─┼─193─┐        027: islet at (106, 20)
 *   21.0 └─────┴─────┴─────┘
 *      105.0 105.1 105.2 105.3
 */
export function standardFixture(): FixtureSources {
  const hanoi: FixtureProvince = {
    code: '01',
    name: 'Thành phố Hà Nội',
    type: 'Thành phố Trung ương',
    // Out of code order on purpose: the output must be sorted.
    districts: [
      { code: '002', name: 'Quận Hoàn Kiếm', polygons: [[rect(105.1, 21.0, 105.2, 21.1, true)]] },
      { code: '001', name: 'Quận Ba Đình', polygons: [[rect(105.0, 21.0, 105.1, 21.1)]] },
    ],
  };
  const haGiang: FixtureProvince = {
    code: '02',
    name: 'Tỉnh Hà Giang',
    type: 'Tỉnh',
    districts: [
      { code: '024', name: 'Thành phố Hà Giang', polygons: [[rect(105.0, 21.1, 105.1, 21.2)]] },
      // The source spells a few prefixes with a capital: "Thị Xã".
      { code: '026', name: 'Thị Xã Đồng Văn', polygons: [[rect(105.1, 21.1, 105.2, 21.2)]] },
      { code: '027', name: 'Huyện Đảo Xa', polygons: [[circle(106.0, 20.0, 0.003, 64)]] },
    ],
  };
  const quangNinh: FixtureProvince = {
    code: '22',
    name: 'Tỉnh Quảng Ninh',
    type: 'Tỉnh',
    districts: [
      { code: '193', name: 'Thành phố Hạ Long', polygons: [[rect(105.2, 21.0, 105.3, 21.1)]] },
    ],
  };
  const caoBang: FixtureProvince = {
    code: '04',
    name: 'Tỉnh Cao Bằng',
    type: 'Tỉnh',
    districts: [{ code: '040', name: 'Thành phố Cao Bằng', polygons: [] }],
  };
  return {
    gis: [hanoi, haGiang],
    gisExtra: [quangNinh],
    codeList: [
      // 003 is listed but has no boundary; 027 has a boundary but is not listed.
      {
        ...hanoi,
        districts: [...hanoi.districts, { code: '003', name: 'Quận Tây Hồ', polygons: [] }],
      },
      { ...haGiang, districts: haGiang.districts.filter((d) => d.code !== '027') },
      caoBang,
      quangNinh,
    ],
  };
}

/** The JSON text of one province file in the layout of vn-2019-districts/gis. */
export function provinceFileText(province: FixtureProvince): string {
  const geometry = (polygons: Ring[][]) =>
    polygons.length === 1
      ? { type: 'Polygon', coordinates: polygons[0] }
      : { type: 'MultiPolygon', coordinates: polygons };
  return JSON.stringify({
    level1_id: province.code,
    name: province.name,
    level2s: province.districts.map((d) => ({
      level2_id: d.code,
      name: d.name,
      ...geometry(d.polygons),
      bbox: [0, 0, 0, 0],
    })),
    // The outline is exactly the districts, so the build finds no uncovered land.
    type: 'MultiPolygon',
    coordinates: province.districts.flatMap((d) => d.polygons),
    bbox: [0, 0, 0, 0],
  });
}

export function codeListText(provinces: readonly FixtureProvince[]): string {
  return JSON.stringify({
    data: provinces.map((p) => ({
      level1_id: p.code,
      name: p.name,
      type: p.type,
      level2s: p.districts.map((d) => ({
        level2_id: d.code,
        name: d.name,
        type: d.name.split(' ')[0],
        level3s: [],
      })),
    })),
  });
}

/** Writes `text` as the stored (compressed, where the name says so) source file `name`. */
export async function writeSourceFile(root: string, name: string, text: string): Promise<void> {
  await mkdir(join(root, name, '..'), { recursive: true });
  await writeFile(join(root, name), encodeSourceFile(name, text));
}

/** Copies every real `source.json` into `root`, so fixtures carry the credits the build reads. */
export async function copySourceRecords(root: string): Promise<void> {
  for (const entry of await readdir(SOURCES_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    await mkdir(join(root, entry.name), { recursive: true });
    await copyFile(
      join(SOURCES_DIR, entry.name, SOURCE_RECORD_FILE),
      join(root, entry.name, SOURCE_RECORD_FILE),
    );
  }
}

/** Writes a sources folder under a new temporary directory and returns its path. */
export async function writeSourcesFixture(fixture = standardFixture()): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'atlas-sources-'));
  await copySourceRecords(root);
  for (const province of fixture.gis) {
    await writeSourceFile(root, `${GIS_DIR}/${province.code}.json.br`, provinceFileText(province));
  }
  for (const province of fixture.gisExtra) {
    await writeSourceFile(
      root,
      `${GIS_EXTRA_DIR}/${province.code}.json.br`,
      provinceFileText(province),
    );
  }
  // Present in the real folder and not a province: must be ignored.
  await writeSourceFile(root, `${GIS_DIR}/level1s_bbox.json.br`, '{"01":[105,21,105.2,21.1]}');
  await writeSourceFile(root, ADMIN_UNITS_FILE, codeListText(fixture.codeList));
  return root;
}
