import {
  BUILT_IN_DATASETS,
  expect,
  inView,
  labelPointOf,
  mapSettled,
  openAtlas,
  OPENING_VIEW,
  test,
} from './fixtures.ts';

interface PriorityMap {
  atlasMap: {
    getLayer(id: string): unknown;
    queryRenderedFeatures(options: { layers: string[] }): { properties: { code: string } }[];
  };
}

/** Codes of the units the priority outline draws in the current view. */
async function outlinedUnits(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (window as unknown as PriorityMap).atlasMap;
    if (!map.getLayer('priority-outline')) return [];
    const codes = map
      .queryRenderedFeatures({ layers: ['priority-outline'] })
      .map((f) => f.properties.code);
    return [...new Set(codes)].sort();
  });
}

test('the legend explains the breaks, shows a histogram and keeps the choice per indicator', async ({
  page,
}) => {
  await openAtlas(page);
  const legend = page.getByTestId('legend');
  await expect(legend).toContainText('Ngưỡng cố định theo chính sách');
  await expect(page.getByTestId('legend-histogram')).toBeVisible();

  await page.getByTestId('analysis-toggle').click();
  await page.getByTestId('class-method').selectOption('quantile');
  await page.getByTestId('class-count').fill('3');
  await page.getByTestId('class-count').press('Enter');
  await expect(legend).toContainText('Phân vị: mỗi lớp có số đơn vị gần bằng nhau');
  // Seven rates in three quantile classes (breaks at the 3rd and 6th value), Vietnamese format.
  await expect(legend.locator('li .count')).toHaveText(['2', '3', '2', '698']);
  await expect(legend).toContainText('9,31 – < 29,56');

  // Another indicator keeps its own default; coming back restores the quantiles.
  await page.getByTestId('indicator-select').selectOption('poor_start');
  await expect(legend).toContainText('Khoảng đều');
  await page.getByTestId('indicator-select').selectOption('rate_start');
  await expect(legend).toContainText('Phân vị');

  // Kept in IndexedDB across visits.
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('legend')).toContainText('Phân vị');
});

test('a priority rule outlines its districts and lists them with reasons; rules are saved', async ({
  page,
}) => {
  await openAtlas(page);
  // The outline layer is not added until priority areas are switched on (first-paint budget).
  expect(
    await page.evaluate(
      () => !!(window as unknown as PriorityMap).atlasMap.getLayer('priority-outline'),
    ),
  ).toBe(false);

  await page.getByTestId('analysis-toggle').click();
  await page.getByTestId('priority-show').check();
  // The default rule: tỷ lệ hộ nghèo đầu năm ≥ 20 %.
  await expect(page.getByTestId('priority-count')).toHaveText('2');

  // AND the poor districts named by the Tuyên Quang plan.
  await page.getByTestId('rule-combine').selectOption('and');
  await page.getByTestId('add-list').click();
  await expect(page.getByTestId('priority-count')).toHaveText('2');
  const reasons = page.getByTestId('priority-reasons');
  await expect(reasons.first()).toHaveText('36,03\u00a0% ≥ 20,00\u00a0%; huyện nghèo');
  await expect(page.getByTestId('priority-list')).toContainText('Huyện Lâm Bình');
  await expect(page.getByTestId('legend-priority')).toBeVisible();

  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  expect(await outlinedUnits(page)).toEqual(['071', '072']);

  // Lower the threshold: Chiêm Hóa and Hàm Yên (≥ 15 %) are not poor districts, so AND keeps two.
  await page.getByTestId('threshold-value').fill('15');
  await page.getByTestId('threshold-value').press('Enter');
  await expect(page.getByTestId('priority-count')).toHaveText('2');
  await page.getByTestId('rule-combine').selectOption('or');
  await expect(page.getByTestId('priority-count')).toHaveText('4');
  await mapSettled(page);
  expect(await outlinedUnits(page)).toEqual(['071', '072', '073', '074']);

  // CSV export.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  const csv = await readFile(file, 'utf8');
  expect(csv).toContain('1,071,Huyện Lâm Bình,Tỉnh Tuyên Quang,36.03');

  // Saved rules come back after a reload.
  await page.getByTestId('rule-name').fill('Ưu tiên 15 %');
  await page.getByTestId('save-rule').click();
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.getByTestId('analysis-toggle').click();
  await expect(page.getByTestId('saved-rules')).toContainText('Ưu tiên 15 %');
  await page.getByTestId('saved-rules').getByRole('button', { name: 'Dùng' }).click();
  await expect(page.getByTestId('priority-count')).toHaveText('4');
});

test("on the national province table the default rule tests the table's own rate and selects provinces; a rate it lacks is named", async ({
  page,
}) => {
  await openAtlas(page, { firstScreen: true });
  await page.getByTestId('analysis-toggle').click();
  // The default rule (tỷ lệ hộ nghèo ≥ 20 %) on the GSO table's annual rate, not on the
  // start-of-year rate the table does not have (the select was blank).
  const indicator = page.getByTestId('rule-condition').first().getByTestId('rule-indicator');
  await expect(indicator).toHaveValue(OPENING_VIEW.indicatorId);
  await expect(indicator.locator('option:checked')).toHaveText('Tỷ lệ hộ nghèo cả năm');

  // It selects the table's own units, the provinces at or above 20 %, highest first.
  const figures = BUILT_IN_DATASETS.find((d) => d.metadata.id === OPENING_VIEW.datasetId)!
    .observations.filter((o) => o.indicator === OPENING_VIEW.indicatorId && o.value >= 20)
    .sort((a, b) => b.value - a.value);
  expect(figures.length).toBeGreaterThan(0);
  await page.getByTestId('priority-show').check();
  await expect(page.getByTestId('priority-count')).toHaveText(String(figures.length));
  const first = page.getByTestId('priority-list').getByRole('listitem').first();
  await expect(first).toContainText('Tỉnh Điện Biên');
  await expect(first.getByTestId('priority-reasons')).toContainText(
    `${figures[0]!.value.toFixed(2).replace('.', ',')}\u00a0% ≥ 20,00\u00a0%`,
  );
  // The map outlines those provinces, and the legend says so.
  await expect.poll(() => outlinedUnits(page)).toEqual(figures.map((o) => o.unitCode).sort());
  await expect(page.getByTestId('legend-priority')).toContainText(String(figures.length));

  // A rule someone chose keeps its indicator on a table without it, and says it is missing.
  await page.getByTestId('dataset-select').selectOption('tuyen-quang-2020-plan');
  await expect(indicator).toHaveValue('rate_start');
  await indicator.selectOption('rate_end');
  await page.getByTestId('dataset-select').selectOption(OPENING_VIEW.datasetId);
  await expect(indicator).toHaveValue('rate_end');
  await expect(indicator.locator('option:checked')).toHaveText(
    'Tỷ lệ hộ nghèo cuối năm — không có trong bộ số liệu này',
  );
});

test('the search box finds "lam binh" without diacritics, by keyboard, and flies there', async ({
  page,
}) => {
  await openAtlas(page);
  const search = page.getByRole('combobox', { name: 'Tìm tỉnh, huyện' });
  await search.fill('lam binh');
  const options = page.getByRole('listbox').getByRole('option');
  await expect(options.first()).toContainText('Huyện Lâm Bình');
  await expect(options.first()).toContainText('Tỉnh Tuyên Quang');
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await expect(search).toHaveAttribute('aria-activedescendant', 'unit-search-071');

  // Escape closes the list; arrow down opens it again; Enter chooses.
  await search.press('Escape');
  await expect(page.getByRole('listbox')).toHaveCount(0);
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect(search).toHaveValue('Huyện Lâm Bình');
  await mapSettled(page);
  expect(await inView(page, await labelPointOf(page, '071'))).toBe(true);
  // Zoomed in: Hà Nội is out of view.
  expect(await inView(page, [105.85, 21.03])).toBe(false);

  // Provinces too, by keyboard only.
  await search.fill('KIEN GIANG');
  await expect(options.first()).toContainText('Tỉnh Kiên Giang');
  await search.press('Enter');
  await mapSettled(page);
  expect(await inView(page, await labelPointOf(page, '909'))).toBe(true);
});

test("a district's profile: its rank, its list, and every dataset's figures with the province's series", async ({
  page,
}) => {
  await openAtlas(page);
  const search = page.getByRole('combobox', { name: 'Tìm tỉnh, huyện' });
  await search.fill('lam binh');
  await search.press('Enter');
  const profile = page.getByTestId('unit-panel').getByTestId('unit-profile');
  // Lâm Bình has the highest rate of Tuyên Quang's seven districts in the 2020 plan.
  await expect(profile.getByTestId('profile-rank')).toContainText(
    '1/7 trong tỉnh, 1/7 trên bản đồ',
  );
  await expect(profile.getByTestId('profile-lists')).toContainText('huyện nghèo');
  await expect(profile.getByTestId('profile-dataset').first()).toContainText('Kế hoạch (chỉ tiêu)');

  // Rạch Giá: its own 2022 review, Kiên Giang's rates of 2010, 2015 and 2016 as a series, and
  // GSO's 2023 survey estimate for Kiên Giang, which is another measure: not joined to the series.
  await search.fill('rach gia');
  await search.press('Enter');
  // GSO's 2006–2016 history adds one group of figures per year (eight), all survey estimates.
  await expect(profile.getByTestId('profile-dataset')).toHaveCount(13);
  await expect(
    profile.getByTestId('profile-dataset').filter({ hasText: 'Ước tính khảo sát' }),
  ).toHaveCount(9);
  // Two series: the reviews' end-of-year rate, and the surveys' annual rate (2006–2016, 2023).
  const series = profile.getByTestId('profile-series');
  await expect(series).toHaveCount(2);
  await expect(series.first()).toContainText('Tỉnh Kiên Giang');
  // The reviews' series breaks where the standard changes (the 2016 review is multidimensional).
  await expect(series.first().locator('svg').first()).toHaveAttribute(
    'aria-label',
    /^[^|]*2010: .+; 2015: .+ \| chuẩn đa chiều 2016–2020: 2016: .+$/,
  );
});
