import fc from 'fast-check';
import readExcelFile from 'read-excel-file/universal';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../domain/dataset.ts';
import { createCrosswalk, type CrosswalkFile } from '../domain/eras/crosswalk.ts';
import { exportTable } from '../domain/export-table.ts';
import { createProvince2025Names, xlsxBlob } from './dataset-files.ts';

/** Two real 2025 communes of Quảng Ninh (wards-file codes; Ba Chẽ is 06970 in the crosswalk). */
const CROSSWALK: CrosswalkFile = {
  schema: 1,
  provinces: [['22', 'Tỉnh Quảng Ninh', ['22']]],
  oldProvinces: [],
  oldDistricts: [],
  communes: [
    ['06652', 'Phường Hà Tu', '22', [], []],
    ['06978', 'Xã Ba Chẽ', '22', [], []],
  ],
  oldCommunes: [],
  aliases: [['06970', '06978']],
};

const obs = (unitCode: string, unitLevel: Observation['unitLevel'], value: number) =>
  ({ datasetId: 'd', unitCode, unitLevel, indicator: 'rate_start', year: 2020, value }) as const;

describe('names of a 2025 commune dataset for export', () => {
  const names = createProvince2025Names(
    new Map([['22', { name: 'Tỉnh Quảng Ninh' }]]),
    createCrosswalk(CROSSWALK),
  );

  it('names each commune with its province, provinces first', () => {
    const table = exportTable(
      [obs('06978', 'commune', 5.5), obs('06652', 'commune', 2), obs('22', 'province', 3)],
      ['rate_start'],
      names,
      'vi',
    );
    expect(table.rows).toEqual([
      ['22', 'Tỉnh', 'Tỉnh Quảng Ninh', 'Tỉnh Quảng Ninh', 3],
      ['06652', 'Xã', 'Phường Hà Tu', 'Tỉnh Quảng Ninh', 2],
      ['06978', 'Xã', 'Xã Ba Chẽ', 'Tỉnh Quảng Ninh', 5.5],
    ]);
  });

  it('keeps an unknown code as its own name, with no province', () => {
    expect(names.name('99999', 'commune')).toBe('99999');
    expect(names.provinceName('99999', 'commune')).toBe('');
  });
});

describe('XLSX export', () => {
  /** Names an object lookup finds on Object.prototype, the texts that broke the workbook. */
  const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);
  /** Any other text a cell keeps as it is (the reader trims, and reads a blank cell as empty). */
  const text = fc
    .string({ minLength: 1, unit: 'grapheme' })
    .filter((s) => s.trim() === s && s !== '' && [...s].every((c) => c >= ' '));

  it('writes any text back as it was, Object.prototype names and repeated texts included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(fc.oneof(fc.constantFrom(...PROTOTYPE_NAMES), text), {
            minLength: 2,
            maxLength: 2,
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (rows) => {
          const header = ['Mã', 'Tên'];
          const blob = await xlsxBlob({ header, rows });
          const [sheet] = await readExcelFile(blob);
          expect(sheet!.data).toEqual([header, ...rows]);
        },
      ),
      { numRuns: 40 },
    );
  });
});
