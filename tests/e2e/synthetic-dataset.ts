import type { Page } from '@playwright/test';
import { mapFeatures } from './fixtures.ts';

export const SYNTHETIC_DATASET_ID = 'synthetic-national-test';
export const SYNTHETIC_COMMUNE_DATASET_ID = 'synthetic-communes-test';
export const SYNTHETIC_PROVINCE_DATASET_ID = 'synthetic-provinces-test';

/**
 * Puts a synthetic dataset covering every unit of one level into the atlas's IndexedDB, as an
 * import would, then reloads: every 2019 district (the scenario budgets are about ~700 districts),
 * every 2019 province (a province table with household counts, which a scenario can project) or
 * every 2025 commune (3,321, the commune map's budget). Figures are made up (deterministic),
 * and the dataset says so in its title. `years`: a multi-year dataset instead (the year control's
 * benchmark), with every figure for each year and each unit's rate moved from year to year; by
 * default one year, 2021.
 */
export async function seedSyntheticNationalDataset(
  page: Page,
  level: 'district' | 'province' | 'commune' = 'district',
  { years = [2021] }: { years?: number[] } = {},
): Promise<number> {
  const codes = (
    await mapFeatures(page, {
      source: level === 'commune' ? 'boundaries-2025' : 'boundaries',
      role: level,
    })
  ).map((f) => f.code);
  const count = await page.evaluate(
    async ([datasetId, unitLevel, vintage, units, datasetYears, title]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('vn-poverty-atlas');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['datasets', 'figures'], 'readwrite');
      tx.objectStore('datasets').put({
        id: datasetId,
        title,
        source: { title: 'synthetic', number: null, date: null, issuer: 'test', locator: '-' },
        standard: 'other',
        level: unitLevel,
        kind: 'survey',
        year: datasetYears[datasetYears.length - 1],
        ...(datasetYears.length > 1 ? { years: datasetYears } : {}),
        vintage,
        licence: 'test',
        notes: [],
        indicators: ['rate_start', 'poor_start', 'households_start', 'households_end'],
        builtIn: false,
        warnings: [],
        storedAt: new Date().toISOString(),
      });
      const figures = tx.objectStore('figures');
      units.forEach((code, i) => {
        const households = 5000 + ((i * 7919) % 60000);
        // No named helper functions here: tsx (the benchmark) would wrap them in __name().
        datasetYears.forEach((year, y) => {
          // The first year's rates are those of the one-year dataset; each later year moves them.
          const rate = 1 + ((i * 37 + y * 113) % 590) / 10;
          for (const [indicator, value] of [
            ['households_start', households],
            ['households_end', Math.round(households * 1.01)],
            ['poor_start', Math.round((households * rate) / 100)],
            ['rate_start', rate],
          ] as const) {
            figures.put({ datasetId, unitCode: code, unitLevel, indicator, year, value });
          }
        });
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return units.length;
    },
    [
      {
        district: SYNTHETIC_DATASET_ID,
        province: SYNTHETIC_PROVINCE_DATASET_ID,
        commune: SYNTHETIC_COMMUNE_DATASET_ID,
      }[level],
      level,
      level === 'commune' ? '2025-communes' : '2019-districts',
      codes,
      years,
      level === 'province'
        ? { vi: 'Dữ liệu giả lập cấp tỉnh (kiểm thử)', en: 'Synthetic province data (test)' }
        : { vi: 'Dữ liệu giả lập toàn quốc (kiểm thử)', en: 'Synthetic national data (test)' },
    ] as const,
  );
  await page.reload();
  await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
  return count;
}
