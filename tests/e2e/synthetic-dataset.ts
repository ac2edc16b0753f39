import type { Page } from '@playwright/test';
import { mapFeatures } from './fixtures.ts';

export const SYNTHETIC_DATASET_ID = 'synthetic-national-test';

/**
 * Puts a synthetic district dataset covering every district of the map into the atlas's
 * IndexedDB, as an import would, then reloads. There is no national dataset yet; the scenario
 * budgets are about ~700 districts, so tests and the benchmark make one. Figures are made up
 * (deterministic), and the dataset says so in its title.
 */
export async function seedSyntheticNationalDataset(page: Page): Promise<number> {
  const districts = (await mapFeatures(page, { role: 'district' })).map((f) => f.code);
  const count = await page.evaluate(
    async ([datasetId, codes]) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('vn-poverty-atlas');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const tx = db.transaction(['datasets', 'observations'], 'readwrite');
      tx.objectStore('datasets').put({
        id: datasetId,
        title: { vi: 'Dữ liệu giả lập toàn quốc (kiểm thử)', en: 'Synthetic national data (test)' },
        source: { title: 'synthetic', number: null, date: null, issuer: 'test', locator: '-' },
        standard: 'other',
        level: 'district',
        kind: 'survey',
        year: 2021,
        vintage: '2019-districts',
        licence: 'test',
        notes: [],
        indicators: ['rate_start', 'poor_start', 'households_start', 'households_end'],
        builtIn: false,
        warnings: [],
        storedAt: new Date().toISOString(),
      });
      const observations = tx.objectStore('observations');
      codes.forEach((code, i) => {
        const households = 5000 + ((i * 7919) % 60000);
        const rate = 1 + ((i * 37) % 590) / 10;
        // No named helper functions here: tsx (the benchmark) would wrap them in __name().
        for (const [indicator, value] of [
          ['households_start', households],
          ['households_end', Math.round(households * 1.01)],
          ['poor_start', Math.round((households * rate) / 100)],
          ['rate_start', rate],
        ] as const) {
          observations.put({ datasetId, unitCode: code, unitLevel: 'district', indicator, value });
        }
      });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      return codes.length;
    },
    [SYNTHETIC_DATASET_ID, districts] as const,
  );
  await page.reload();
  await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
  return count;
}
