import {
  boundaryState,
  closeTo,
  colourAt,
  cspViolations,
  hexToRgb,
  hideLabels,
  labelPointOf,
  drawnDistrictsWithData,
  expect,
  inView,
  mapSettled,
  openAtlas,
  pixelOf,
  sovereigntyLabels,
  test,
} from './fixtures.ts';

const TUYEN_QUANG_DISTRICTS = ['070', '071', '072', '073', '074', '075', '076'];

test('opens on the Tuyên Quang 2020 plan with its seven districts drawn', async ({ page }) => {
  await openAtlas(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bản đồ giảm nghèo Việt Nam');
  await expect(page.getByTestId('dataset-info')).toContainText('Kế hoạch giảm nghèo năm 2020');
  // The note that the district columns were inferred travels with the dataset.
  await expect(page.getByTestId('dataset-info').locator('.caveat')).toBeVisible();
  await expect(page.getByTestId('dataset-info').locator('.caveat')).toContainText('được suy ra');
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo đầu năm');
  await expect(page.getByTestId('legend')).toContainText('Không có số liệu');
  await expect(page.getByTestId('credits')).toContainText('GPL-3.0');

  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  expect(await drawnDistrictsWithData(page)).toEqual(TUYEN_QUANG_DISTRICTS);
  expect(await cspViolations(page)).toEqual([]);
});

test('districts are painted: a value in its class colour, no data in grey', async ({ page }) => {
  await openAtlas(page);
  await hideLabels(page, { marks: true });
  await mapSettled(page);
  // At national zoom: Kon Plông (Kon Tum) has no figures in this dataset.
  const noData = await colourAt(page, await labelPointOf(page, '613'));
  expect(closeTo(noData, hexToRgb('#d9d9d9')), `no-data grey, got ${noData}`).toBe(true);

  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  // Lâm Bình, 36,03 %: the 30–40 % class of the policy breaks (YlOrRd, 6 classes).
  const lamBinh = await colourAt(page, await labelPointOf(page, '071'));
  expect(closeTo(lamBinh, hexToRgb('#f03b20')), `30–40 % class colour, got ${lamBinh}`).toBe(true);
  // Thành phố Tuyên Quang, 1,01 %: the lowest class.
  const city = await colourAt(page, await labelPointOf(page, '070'));
  expect(closeTo(city, hexToRgb('#ffffb2')), `below-5 % class colour, got ${city}`).toBe(true);
});

test('hovering a district shows its name, province and rate in Vietnamese format', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  const labelPoint = await labelPointOf(page, '071');
  const { x, y } = await pixelOf(page, labelPoint);
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + x, box.y + y);
  const tooltip = page.getByTestId('hover-tooltip');
  await expect(tooltip).toContainText('Huyện Lâm Bình');
  await expect(tooltip).toContainText('Tỉnh Tuyên Quang');
  await expect(tooltip).toContainText('36,03\u00a0%');

  await page.mouse.click(box.x + x, box.y + y);
  const panel = page.getByTestId('unit-panel');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Huyện Lâm Bình');
  await expect(panel).toContainText('7.633'); // households at the start of the year
  await expect(panel).toContainText('32,03\u00a0%');
  await expect(panel).toContainText('Ủy ban nhân dân tỉnh Tuyên Quang');
});

test('the table shows the same figures and sorts by a column', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Bảng số liệu' }).click();
  const table = page.getByTestId('data-table');
  await expect(table.locator('tbody tr')).toHaveCount(7);
  await expect(table.locator('tfoot')).toContainText('210.299');
  await expect(table.locator('tfoot')).toContainText('11,80\u00a0%');

  // A figure column sorts highest first: where is it worst?
  await table.getByRole('button', { name: 'Tỷ lệ hộ nghèo đầu năm' }).click();
  await expect(table.locator('th[aria-sort="descending"]')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('Huyện Lâm Bình');
  await expect(table.locator('tbody tr').first()).toContainText('36,03\u00a0%');
  await expect(table.locator('tbody tr').last()).toContainText('Thành phố Tuyên Quang');
  await table.getByRole('button', { name: 'Tỷ lệ hộ nghèo đầu năm' }).click();
  await expect(table.locator('th[aria-sort="ascending"]')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('Thành phố Tuyên Quang');
});

test('changing the indicator recolours the map and the legend', async ({ page }) => {
  await openAtlas(page);
  await page.getByTestId('indicator-select').selectOption('poor_start');
  await expect(page.getByTestId('legend')).toContainText('Số hộ nghèo đầu năm');
  // The legend and the map's state are written by separate effects: wait for the state too.
  await expect.poll(async () => (await boundaryState(page, '071')).value).toBe(2750);
});

test('Hoàng Sa, Trường Sa and Biển Đông are on the national map', async ({ page }) => {
  await openAtlas(page);
  await mapSettled(page);
  expect(await inView(page, [112.0, 16.45])).toBe(true);
  expect(await inView(page, [114.2, 10.0])).toBe(true);
  const labels = await sovereigntyLabels(page);
  expect(labels).toEqual(
    expect.arrayContaining([
      'Quần đảo Hoàng Sa\n(Việt Nam)',
      'Quần đảo Trường Sa\n(Việt Nam)',
      'Biển Đông',
    ]),
  );
  // The archipelago districts themselves are in the map's tiles at the national view.
  const codes = await page.evaluate(() => {
    const w = window as unknown as {
      atlasMap: {
        querySourceFeatures(
          source: string,
          options: { sourceLayer: string; filter: unknown[] },
        ): { properties: { code: string } }[];
      };
    };
    return w.atlasMap
      .querySourceFeatures('boundaries', {
        sourceLayer: 'units',
        filter: ['==', ['get', 'role'], 'district'],
      })
      .map((f) => f.properties.code);
  });
  expect(codes).toEqual(expect.arrayContaining(['498', '576']));
});

test('the national boundaries are handed to the map once', async ({ page }) => {
  // Count every load of the boundary source, from the moment the map exists.
  await page.addInitScript(() => {
    const w = window as unknown as { boundaryLoads: number };
    w.boundaryLoads = 0;
    let map: unknown;
    Object.defineProperty(window, 'atlasMap', {
      configurable: true,
      get: () => map,
      set(value: {
        on(type: string, listener: (e: { sourceId: string; tile?: unknown }) => void): void;
      }) {
        map = value;
        // A tile's loading carries the tile; handing over the data does not.
        value.on('sourcedataloading', (event) => {
          if (event.sourceId === 'boundaries' && !event.tile) w.boundaryLoads += 1;
        });
      },
    });
  });
  await openAtlas(page);
  await mapSettled(page);
  expect(
    await page.evaluate(() => (window as unknown as { boundaryLoads: number }).boundaryLoads),
  ).toBe(1);
});

test('a second visit reads IndexedDB and fetches no data file', async ({ page, requests }) => {
  await openAtlas(page);
  expect(requests.some((url) => url.includes('boundaries-2019.topojson'))).toBe(true);
  requests.length = 0;
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const dataRequests = requests.filter((url) => /\/generated\/(?!atlas\.json)/.test(url));
  expect(dataRequests).toEqual([]);
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo đầu năm');
});

test('a new data build is picked up on the next visit', async ({ page, requests }) => {
  await openAtlas(page);
  // The server now announces other boundary content than what IndexedDB holds.
  await page.route('**/generated/atlas.json', async (route) => {
    const response = await route.fetch();
    const index = await response.json();
    index.boundaries.contentHash = 'f'.repeat(64);
    await route.fulfill({ response, json: index });
  });
  requests.length = 0;
  await page.reload();
  await expect
    .poll(() => requests.filter((url) => url.includes('boundaries-2019.topojson')))
    .toEqual([expect.stringContaining(`?v=${'f'.repeat(12)}`)]);
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo đầu năm');
});

test('after one visit the atlas works with no network at all', async ({ page, context }) => {
  await openAtlas(page);
  // The service worker has precached the app shell once it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo đầu năm');
  await expect(page.getByTestId('dataset-info')).toContainText('Tuyên Quang');
});

test('no request ever leaves the app origin', async ({ page, requests, baseURL }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  const origin = new URL(baseURL!).origin;
  const foreign = requests.filter(
    (url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
  );
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);
});

test('without IndexedDB the atlas still works and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
  });
  await openAtlas(page);
  await expect(page.getByTestId('storage-banner')).toContainText('IndexedDB không khả dụng');
  await expect(page.getByTestId('legend')).toContainText('Tỷ lệ hộ nghèo đầu năm');
});

test('English is one click away and numbers follow the language', async ({ page }) => {
  // The English messages are their own file, fetched only by someone who asks for them.
  const englishRequests: string[] = [];
  page.on('request', (request) => {
    if (/\/messages-en-[\w-]+\.js$/.test(request.url())) englishRequests.push(request.url());
  });
  await openAtlas(page);
  expect(englishRequests).toEqual([]);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Vietnam Poverty Reduction Atlas',
  );
  expect(englishRequests).toHaveLength(1);
  await page.getByRole('button', { name: 'Table' }).click();
  await expect(page.getByTestId('data-table').locator('tfoot')).toContainText('210,299');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Vietnam Poverty Reduction Atlas',
  );
});

test('default names follow the language; a typed name stays as typed', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Vietnam Poverty Reduction Atlas',
  );
  // Created (and stored) from the Vietnamese messages, shown in English while English is on.
  await page.getByTestId('analysis-toggle').click();
  await expect(page.getByTestId('rule-name')).toHaveValue('Poverty rate ≥ 20 %');
  await page.getByTestId('scenario-toggle').click();
  await expect(page.getByTestId('scenario-name')).toHaveValue('New scenario');
  await page.getByTestId('meeting-toggle').click();
  const deckName = page.getByTestId('deck-name');
  await expect(deckName).toHaveValue('Presentation');
  await expect(page.getByTestId('deck-select').locator('option')).toHaveText([
    /^1\. Presentation \(/,
  ]);
  await page.getByTestId('deck-new').click();
  await expect(page.getByTestId('deck-select').locator('option').nth(1)).toHaveText(
    /^2\. Presentation 2 \(/,
  );
  await deckName.fill('Họp giao ban');
  await deckName.press('Tab');
  // A copy's mark (stored in Vietnamese) follows the language; the typed name stays as typed.
  await page.getByTestId('deck-duplicate').click();
  await expect(deckName).toHaveValue('Họp giao ban (copy)');

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(deckName).toHaveValue('Họp giao ban (bản sao)');
  await expect(page.getByTestId('deck-select').locator('option')).toHaveText([
    /^1\. Trình chiếu \(/,
    /^2\. Họp giao ban \(/,
    /^3\. Họp giao ban \(bản sao\) \(/,
  ]);
});
