import { describe, expect, it } from 'vitest';
import { BoundaryBuildError } from './errors.ts';
import { parseProvinceFile } from './province-file.ts';
import { provinceFileText, rect, standardFixture } from './test-fixtures.ts';

const FILE = '/shared/gis/01.json';
const hanoi = () =>
  JSON.parse(provinceFileText(standardFixture().gis[0]!)) as Record<string, unknown>;

function problemOf(value: unknown, file = FILE): string {
  try {
    parseProvinceFile(typeof value === 'string' ? value : JSON.stringify(value), file, 'gis');
  } catch (error) {
    expect(error).toBeInstanceOf(BoundaryBuildError);
    expect((error as BoundaryBuildError).file).toBe(file);
    return (error as Error).message;
  }
  throw new Error('expected a BoundaryBuildError');
}

describe('parseProvinceFile', () => {
  it('reads districts sorted by code, with their type and canonical name', () => {
    const province = parseProvinceFile(
      provinceFileText(standardFixture().gis[1]!),
      '/x/02.json',
      'gis',
    );
    expect(province.code).toBe('02');
    expect(province.name).toBe('Tỉnh Hà Giang');
    expect(province.districts.map((d) => [d.code, d.type, d.name])).toEqual([
      ['024', 'Thành phố', 'Thành phố Hà Giang'],
      ['026', 'Thị xã', 'Thị xã Đồng Văn'],
      ['027', 'Huyện', 'Huyện Đảo Xa'],
    ]);
  });

  it('normalises names to NFC', () => {
    const decomposed = 'Quận Ba Đình'.normalize('NFD');
    const json = hanoi();
    (json.level2s as { name: string }[])[1]!.name = decomposed;
    const province = parseProvinceFile(JSON.stringify(json), FILE, 'gis');
    expect(province.districts[0]!.name).toBe('Quận Ba Đình'.normalize('NFC'));
    expect(province.districts[0]!.name).not.toBe(decomposed);
  });

  it('rewinds clockwise exteriors and drops repeated points', () => {
    const json = hanoi();
    const ring = [...rect(105.1, 21.0, 105.2, 21.1, true)];
    ring.splice(1, 0, ring[0]!);
    (json.level2s as { coordinates: unknown }[])[0]!.coordinates = [ring];
    const district = parseProvinceFile(JSON.stringify(json), FILE, 'gis').districts[1]!;
    expect(district.geometry).toEqual({
      type: 'Polygon',
      coordinates: [rect(105.1, 21.0, 105.2, 21.1)],
    });
  });

  it('names the file and the problem for invalid JSON', () => {
    expect(problemOf('{"level1_id": ')).toMatch(/^\/shared\/gis\/01\.json: invalid JSON \(/);
  });

  it('names the JSON path of a missing or malformed field', () => {
    const noCode = hanoi();
    delete (noCode.level2s as Record<string, unknown>[])[0]!.level2_id;
    expect(problemOf(noCode)).toBe(
      `${FILE}: level2s[0].level2_id: expected a non-empty string, got undefined undefined`,
    );
    expect(problemOf({ ...hanoi(), level2s: 'none' })).toBe(
      `${FILE}: level2s: expected an array, got "none"`,
    );
    expect(problemOf([1, 2])).toBe(`${FILE}: expected an object, got an array of 2`);
  });

  it('rejects non-numeric, out-of-range and wrongly nested coordinates', () => {
    const withPosition = (position: unknown) => {
      const json = hanoi();
      (json.level2s as { coordinates: unknown[][] }[])[0]!.coordinates[0]![1] = position;
      return json;
    };
    expect(problemOf(withPosition(['105.1', 21]))).toBe(
      `${FILE}: level2s[0].coordinates[0][1]: expected [longitude, latitude] numbers, got ["105.1",21]`,
    );
    expect(problemOf(withPosition([105.1, null]))).toMatch(/coordinates\[0\]\[1\]: expected/);
    expect(problemOf(withPosition([11_700_000, 2_300_000]))).toBe(
      `${FILE}: level2s[0].coordinates[0][1]: [11700000, 2300000] is not a longitude/latitude position`,
    );
    const flat = hanoi();
    (flat.level2s as { coordinates: unknown }[])[0]!.coordinates = [105, 21];
    expect(problemOf(flat)).toBe(
      `${FILE}: level2s[0].coordinates[0]: expected an array, got number 105`,
    );
  });

  it('rejects unknown geometry types, unknown unit types and duplicate codes', () => {
    const line = hanoi();
    (line.level2s as { type: string }[])[0]!.type = 'LineString';
    expect(problemOf(line)).toBe(
      `${FILE}: level2s[0].type: expected "Polygon" or "MultiPolygon", got "LineString"`,
    );

    const ward = hanoi();
    (ward.level2s as { name: string }[])[0]!.name = 'Phường Phúc Xá';
    expect(problemOf(ward)).toBe(
      `${FILE}: level2s[0].name: "Phường Phúc Xá" does not start with a district unit type`,
    );

    const twice = hanoi();
    (twice.level2s as { level2_id: string }[])[1]!.level2_id = '002';
    expect(problemOf(twice)).toBe(`${FILE}: level2s[1].level2_id: duplicate code 002`);
  });

  it('rejects a district with no area and a file whose code does not match its name', () => {
    const flatRing = hanoi();
    (flatRing.level2s as { coordinates: unknown }[])[0]!.coordinates = [
      [
        [105, 21],
        [105.1, 21],
        [105, 21],
      ],
    ];
    expect(problemOf(flatRing)).toBe(`${FILE}: level2s[0].coordinates: no ring encloses any area`);
    expect(problemOf(hanoi(), '/shared/gis/02.json')).toBe(
      '/shared/gis/02.json: level1_id: "01" does not match the file name (expected 01.json)',
    );
  });
});
