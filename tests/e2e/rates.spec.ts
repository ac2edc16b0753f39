import { boundaryState, expect, mapSettled, test, TUYEN_QUANG_PLAN_LINK } from './fixtures.ts';

interface StateMap {
  atlasMap: {
    getLayer(id: string): unknown;
    queryRenderedFeatures(options: { layers: string[] }): { properties: { code: string } }[];
  };
}

// The comparison tests reload the atlas after storing a made-up result; allow for a loaded machine.
test.describe.configure({ timeout: 180_000 });

/** Opens the Tuyên Quang plan, waiting up to a minute for the first choropleth. */
async function openAtlas(page: import('@playwright/test').Page): Promise<void> {
  await page.goto(TUYEN_QUANG_PLAN_LINK);
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

/** The value the choropleth draws for a district (its feature-state). */
async function mappedValue(
  page: import('@playwright/test').Page,
  code: string,
  key = 'value',
): Promise<unknown> {
  return (await boundaryState(page, code))[key];
}

test('the smoothed and excess rates are offered, mapped and explained in the legend', async ({
  page,
}) => {
  await openAtlas(page);
  const select = page.getByTestId('indicator-select');
  const legend = page.getByTestId('legend');

  await select.selectOption('rate_start:smoothed');
  await expect(legend.locator('h2')).toContainText(
    'Tỷ lệ hộ nghèo đầu năm (làm trơn Bayes thực nghiệm)',
  );
  await expect(page.getByTestId('legend-explanation')).toContainText(
    'huyện càng ít hộ càng bị kéo nhiều',
  );
  // Lâm Bình's 36,03 % is pulled towards the seven districts' 11,80 %, and stays above it.
  await expect
    .poll(async () => Number(await mappedValue(page, '071')))
    .toBeLessThan((2750 / 7633) * 100);
  expect(Number(await mappedValue(page, '071'))).toBeGreaterThan((24814 / 210299) * 100);

  await select.selectOption('rate_start:excess');
  await expect(legend.locator('h2')).toContainText('Tỷ lệ hộ nghèo đầu năm so với tỉnh (×)');
  await expect(page.getByTestId('legend-explanation')).toContainText(
    'tỷ lệ của huyện chia cho tỷ lệ của tỉnh',
  );
  await expect(legend).toContainText('Khoảng đối xứng quanh 1 ×');
  // From counts: (2750 / 7633) / (24814 / 210299) = 3,05 × the province's rate.
  await expect
    .poll(async () => Number(await mappedValue(page, '071')))
    .toBeCloseTo(2750 / 7633 / (24814 / 210299), 6);
  await page.getByTestId('analysis-toggle').click();
  await expect(page.getByTestId('class-method')).toHaveValue('diverging');

  // Back to the stored rate: no explanation.
  await select.selectOption('rate_start');
  await expect(page.getByTestId('legend-explanation')).toHaveCount(0);
  await expect.poll(async () => mappedValue(page, '071')).toBe(36.03);

  // English.
  await page.getByRole('button', { name: 'English' }).click();
  await select.selectOption('rate_start:excess');
  await expect(page.getByTestId('legend-explanation')).toContainText(
    "the district's rate divided by its province's",
  );
});

test('proportional circles for poor households, toggled by keyboard, with reference circles', async ({
  page,
}) => {
  await openAtlas(page);
  const toggle = page.getByTestId('poor-symbols-toggle');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  const symbols = page.getByTestId('legend-symbols');
  await expect(symbols).toContainText('Vòng tròn: Số hộ nghèo đầu năm');
  // Chiêm Hóa's 5.511 poor households are the largest: reference circles 5.000, 1.000 and 200.
  await expect(symbols.locator('text')).toHaveText(['5.000', '1.000', '200']);

  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  const drawn = await page.evaluate(() => {
    const map = (window as unknown as StateMap).atlasMap;
    if (!map.getLayer('district-poor-symbols')) return [];
    return map
      .queryRenderedFeatures({ layers: ['district-poor-symbols'] })
      .map((f) => f.properties.code);
  });
  expect(drawn).toContain('073');
  expect(await mappedValue(page, '073', 'poorCount')).toBe(5511);

  await page.keyboard.press('Tab'); // away and back: the toggle stays a plain button
  await toggle.press('Space');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(symbols).toHaveCount(0);
  expect(
    await page.evaluate(
      () => !!(window as unknown as StateMap).atlasMap.getLayer('district-poor-symbols'),
    ),
  ).toBe(false);
});

const RESULT_ID = 'tuyen-quang-2020-result-test';

/**
 * No seed document reports what Tuyên Quang achieved in 2020, so the tests store a made-up
 * result (its title says so) for three of the plan's districts, as an import would, and reload.
 * Lâm Bình cuts 3,40 points of its planned 4,00 (85 %); Na Hang 4,40 (110 %); Chiêm Hóa is
 * missing from the plan's other four and so has no comparison.
 */
async function storeIsOpen(page: import('@playwright/test').Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const request = indexedDB.open('vn-poverty-atlas');
        request.onsuccess = () => {
          resolve(request.result.objectStoreNames.contains('datasets'));
          request.result.close();
        };
        request.onerror = () => resolve(false);
      }),
  );
}

async function seedTuyenQuangResult(page: import('@playwright/test').Page): Promise<void> {
  // On a loaded machine the app may give up opening IndexedDB (it then runs from memory and
  // creates no stores); a reload opens it again.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await storeIsOpen(page)) break;
    await page.reload();
    await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  }
  await page.evaluate(async (datasetId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vn-poverty-atlas');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction(['datasets', 'figures'], 'readwrite');
    tx.objectStore('datasets').put({
      id: datasetId,
      title: {
        vi: 'Tuyên Quang — kết quả 2020 (giả lập)',
        en: 'Tuyên Quang — 2020 result (made up)',
      },
      source: { title: 'synthetic', number: null, date: null, issuer: 'test', locator: '-' },
      standard: '2016-2020',
      level: 'district',
      kind: 'review',
      year: 2020,
      vintage: '2019-districts',
      licence: 'test',
      notes: [],
      indicators: ['rate_start', 'rate_reduction'],
      builtIn: false,
      warnings: [],
      storedAt: new Date().toISOString(),
    });
    const rows: [string, number, number][] = [
      ['071', 36.5, 3.4],
      ['072', 29.56, 4.4],
      ['074', 15.08, 2.65],
    ];
    for (const [unitCode, rateStart, reduction] of rows) {
      for (const [indicator, value] of [
        ['rate_start', rateStart],
        ['rate_reduction', reduction],
      ] as const) {
        tx.objectStore('figures').put({
          datasetId,
          unitCode,
          unitLevel: 'district',
          indicator,
          year: 2020,
          value,
        });
      }
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, RESULT_ID);
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
}

async function selectDistrict(page: import('@playwright/test').Page, query: string) {
  const search = page.getByRole('combobox', { name: /Tìm tỉnh, huyện|Find a province/ });
  await search.fill(query);
  await search.press('ArrowDown');
  await search.press('Enter');
}

test('the difference from another dataset, matched by district code, on a diverging palette', async ({
  page,
}) => {
  await openAtlas(page);
  await seedTuyenQuangResult(page);
  await page.getByTestId('analysis-toggle').click();
  await page.getByTestId('compare-difference').check();
  await page.getByTestId('compare-other').selectOption(RESULT_ID);

  const legend = page.getByTestId('legend');
  await expect(legend.locator('h2')).toContainText('Chênh lệch tỷ lệ hộ nghèo đầu năm');
  await expect(page.getByTestId('legend-explanation')).toContainText(
    'huyện thiếu ở một trong hai bộ là không có số liệu',
  );
  await expect(legend).toContainText('Khoảng đối xứng quanh 0');
  // Lâm Bình: 36,03 − 36,50; Chiêm Hóa is in one dataset only: no data, not zero.
  await expect.poll(async () => Number(await mappedValue(page, '071'))).toBeCloseTo(-0.47, 9);
  expect(await mappedValue(page, '073')).toBeNull();
  await expect(page.getByTestId('class-method')).toBeDisabled();

  await selectDistrict(page, 'lam binh');
  await expect(page.getByTestId('unit-comparison')).toContainText('-0,47\u00a0điểm');

  await page.getByTestId('compare-none').check();
  await expect.poll(async () => mappedValue(page, '071')).toBe(36.03);
  await expect(page.getByTestId('unit-comparison')).toHaveCount(0);
});

test('plan against result: achievement as a percentage of target, stated in words', async ({
  page,
}) => {
  await openAtlas(page);
  await seedTuyenQuangResult(page);
  await page.getByTestId('analysis-toggle').click();
  await page.getByTestId('compare-achievement').check();
  await expect(page.getByTestId('compare-plan')).toHaveValue('tuyen-quang-2020-plan');
  await page.getByTestId('compare-result').selectOption(RESULT_ID);
  await expect(page.getByTestId('compare-target')).toHaveValue('rate');

  const legend = page.getByTestId('legend');
  await expect(legend.locator('h2')).toContainText('Mức đạt chỉ tiêu giảm tỷ lệ hộ nghèo');
  await expect(legend).toContainText('Khoảng đối xứng quanh 100 %');
  await expect(page.getByTestId('legend-explanation')).toContainText('100 % là đạt đúng chỉ tiêu');
  await expect.poll(async () => Number(await mappedValue(page, '071'))).toBeCloseTo(85, 9);
  expect(Number(await mappedValue(page, '072'))).toBeCloseTo(110, 9);
  expect(await mappedValue(page, '073')).toBeNull();

  await selectDistrict(page, 'lam binh');
  await expect(page.getByTestId('unit-comparison')).toHaveText(
    'Huyện Lâm Bình đạt 85\u00a0% chỉ tiêu giảm 4,00\u00a0điểm % (đã giảm 3,40\u00a0điểm %).',
  );
  await selectDistrict(page, 'chiem hoa');
  await expect(page.getByTestId('unit-comparison')).toHaveText(
    'Huyện Chiêm Hóa: không có chỉ tiêu và kết quả để so.',
  );

  await page.getByRole('button', { name: 'English' }).click();
  await selectDistrict(page, 'na hang');
  await expect(page.getByTestId('unit-comparison')).toHaveText(
    'Huyện Na Hang achieved 110\u00a0% of the target to cut the rate by 4.00\u00a0pp (cut by 4.40\u00a0pp).',
  );
});
