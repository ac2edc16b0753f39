import type { Page } from '@playwright/test';
import { mapFeatures } from './fixtures.ts';

export const SYNTHETIC_DATASET_ID = 'synthetic-national-test';
export const SYNTHETIC_COMMUNE_DATASET_ID = 'synthetic-communes-test';

/**
 * Puts a synthetic dataset covering every unit of one level into the atlas's IndexedDB, as an
 * import would, then reloads: every 2019 district (the scenario budgets are about ~700 districts)
 * or every 2025 commune (3,321, the commune map's budget). Figures are made up (deterministic),
 * and the dataset says so in its title.
 */
export async function seedSyntheticNationalDataset(
  page: Page,
  level: 'district' | 'commune' = 'district',
): Promise<number> {
  const codes = (
    await mapFeatures(page, {
      source: level === 'district' ? 'boundaries' : 'boundaries-2025',
      role: level,
    })
  ).map((f) => f.code);
  const count = await page.evaluate(
    async ([datasetId, unitLevel, vintage, units]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('vn-poverty-atlas');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['datasets', 'figures'], 'readwrite');
      tx.objectStore('datasets').put({
        id: datasetId,
        title: { vi: 'Dữ liệu giả lập toàn quốc (kiểm thử)', en: 'Synthetic national data (test)' },
        source: { title: 'synthetic', number: null, date: null, issuer: 'test', locator: '-' },
        standard: 'other',
        level: unitLevel,
        kind: 'survey',
        year: 2021,
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
        const rate = 1 + ((i * 37) % 590) / 10;
        // No named helper functions here: tsx (the benchmark) would wrap them in __name().
        for (const [indicator, value] of [
          ['households_start', households],
          ['households_end', Math.round(households * 1.01)],
          ['poor_start', Math.round((households * rate) / 100)],
          ['rate_start', rate],
        ] as const) {
          figures.put({ datasetId, unitCode: code, unitLevel, indicator, year: 2021, value });
        }
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return units.length;
    },
    [
      level === 'district' ? SYNTHETIC_DATASET_ID : SYNTHETIC_COMMUNE_DATASET_ID,
      level,
      level === 'district' ? '2019-districts' : '2025-communes',
      codes,
    ] as const,
  );
  await page.reload();
  await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
  return count;
}
