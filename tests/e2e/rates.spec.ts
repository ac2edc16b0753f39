import { expect, mapSettled, openAtlas, test } from './fixtures.ts';

interface StateMap {
  atlasMap: {
    getLayer(id: string): unknown;
    getFeatureState(feature: { source: string; id: string }): Record<string, unknown>;
    queryRenderedFeatures(options: { layers: string[] }): { properties: { code: string } }[];
  };
}

/** The value the choropleth draws for a district (its feature-state). */
async function mappedValue(
  page: import('@playwright/test').Page,
  code: string,
  key = 'value',
): Promise<unknown> {
  return page.evaluate(
    ([id, name]) =>
      (window as unknown as StateMap).atlasMap.getFeatureState({ source: 'boundaries', id: id! })[
        name!
      ],
    [code, key],
  );
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
