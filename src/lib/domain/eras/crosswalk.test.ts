import { describe, expect, it } from 'vitest';
import { createCrosswalk, type CrosswalkFile } from './crosswalk.ts';

/**
 * A hand-made slice of the crosswalk around Ba Chẽ (Quảng Ninh), Hà Giang + Tuyên Quang and
 * Hoàng Sa: the codes are the real ones, the lists shortened.
 */
const file: CrosswalkFile = {
  schema: 1,
  provinces: [
    ['08', 'Tỉnh Tuyên Quang', ['02', '08']],
    ['22', 'Tỉnh Quảng Ninh', ['22']],
    ['48', 'Thành phố Đà Nẵng', ['48', '49']],
  ],
  oldProvinces: [
    ['02', 'Tỉnh Hà Giang', '08'],
    ['08', 'Tỉnh Tuyên Quang', '08'],
    ['22', 'Tỉnh Quảng Ninh', '22'],
    ['48', 'Thành phố Đà Nẵng', '48'],
    ['49', 'Tỉnh Quảng Nam', '48'],
  ],
  oldDistricts: [
    ['202', 'Huyện Ba Chẽ', '22', []],
    ['203', 'Huyện Vân Đồn', '22', []],
    ['498', 'Huyện Hoàng Sa', '48', ['20333']],
  ],
  communes: [
    ['06978', 'Xã Ba Chẽ', '22', ['06970', '06973'], ['06886']],
    ['06979', 'Xã Hải Lạng', '22', [], ['06886']],
    ['20333', 'Đặc khu Hoàng Sa', '48', ['498'], []],
  ],
  oldCommunes: [
    ['06886', 'Xã Hải Lạng', '203', ['06978', '06979']],
    ['06970', 'Thị trấn Ba Chẽ', '202', ['06978']],
    ['06973', 'Xã Thanh Sơn', '202', ['06978']],
  ],
  aliases: [['06970', '06978']],
};
const crosswalk = createCrosswalk(file);

describe('createCrosswalk', () => {
  it('finds Xã Ba Chẽ by the wards file code and by the crosswalk source code', () => {
    expect(crosswalk.resolveCommuneCode('06978')).toBe('06978');
    expect(crosswalk.resolveCommuneCode('06970')).toBe('06978');
    expect(crosswalk.commune('06970')).toEqual({
      code: '06978',
      name: 'Xã Ba Chẽ',
      provinceCode: '22',
    });
    expect(crosswalk.oldUnitsOfCommune('06970')).toEqual(crosswalk.oldUnitsOfCommune('06978'));
    expect(crosswalk.resolveCommuneCode('99999')).toBeNull();
  });

  it('lists the old communes of a new one with their district and whether whole or in part', () => {
    expect(crosswalk.oldUnitsOfCommune('06978')).toEqual([
      {
        code: '06886',
        name: 'Xã Hải Lạng',
        partial: true,
        district: { code: '203', name: 'Huyện Vân Đồn' },
        province: { code: '22', name: 'Tỉnh Quảng Ninh' },
      },
      {
        code: '06970',
        name: 'Thị trấn Ba Chẽ',
        partial: false,
        district: { code: '202', name: 'Huyện Ba Chẽ' },
        province: { code: '22', name: 'Tỉnh Quảng Ninh' },
      },
      {
        code: '06973',
        name: 'Xã Thanh Sơn',
        partial: false,
        district: { code: '202', name: 'Huyện Ba Chẽ' },
        province: { code: '22', name: 'Tỉnh Quảng Ninh' },
      },
    ]);
    expect(crosswalk.oldDistrictsOfCommune('06978').map((d) => d.code)).toEqual(['202', '203']);
  });

  it('reads old code 06970 (Thị trấn Ba Chẽ) as an old commune going to the new Xã Ba Chẽ', () => {
    // The same digits are an old commune in one era and the crosswalk's spelling of a new one in
    // the other; the look-up's direction says which is meant.
    expect(crosswalk.newCommunesOfOldCommune('06970')).toEqual([
      { code: '06978', name: 'Xã Ba Chẽ', provinceCode: '22' },
    ]);
  });

  it('follows a split old commune to every new commune and a district to all of them', () => {
    expect(crosswalk.newCommunesOfOldCommune('06886').map((c) => c.code)).toEqual([
      '06978',
      '06979',
    ]);
    expect(crosswalk.newCommunesOfOldDistrict('202').map((c) => c.code)).toEqual(['06978']);
    expect(crosswalk.newCommunesOfOldDistrict('203').map((c) => c.code)).toEqual([
      '06978',
      '06979',
    ]);
  });

  it('takes an island district with no communes straight to its special zone', () => {
    expect(crosswalk.newCommunesOfOldDistrict('498')).toEqual([
      { code: '20333', name: 'Đặc khu Hoàng Sa', provinceCode: '48' },
    ]);
    expect(crosswalk.oldUnitsOfCommune('20333')).toEqual([
      {
        code: '498',
        name: 'Huyện Hoàng Sa',
        partial: false,
        district: null,
        province: { code: '48', name: 'Thành phố Đà Nẵng' },
      },
    ]);
    expect(crosswalk.oldDistrictsOfCommune('20333')).toEqual([
      { code: '498', name: 'Huyện Hoàng Sa' },
    ]);
  });

  it('maps provinces both ways', () => {
    expect(crosswalk.oldProvincesOf('08')).toEqual([
      { code: '02', name: 'Tỉnh Hà Giang' },
      { code: '08', name: 'Tỉnh Tuyên Quang' },
    ]);
    expect(crosswalk.newProvinceOf('49')).toEqual({ code: '48', name: 'Thành phố Đà Nẵng' });
    expect(crosswalk.newProvinceOf('99')).toBeNull();
    expect(crosswalk.oldDistrict('202')).toEqual({
      code: '202',
      name: 'Huyện Ba Chẽ',
      provinceCode: '22',
    });
    expect(crosswalk.oldDistrict('999')).toBeNull();
    expect(crosswalk.oldProvincesOf('99')).toEqual([]);
  });
});
