import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import {
  chooseCsv,
  drawnValues,
  expect,
  labelPointOf,
  mapSettled,
  openAtlas,
  openImportWizard,
  pixelOf,
  test,
} from './fixtures.ts';
import { describeAndSave } from './describe-dataset.ts';

/**
 * A commune table of the 2025 units: read as 2025 at commune level, provinces coloured from the
 * communes' sums, the opened province's communes by their own values. The communes are read from
 * the generated crosswalk at test time (nothing of the shared data is copied into the repo).
 */

type Commune = [code: string, name: string, provinceCode: string];

async function communesOf(page: Page, provinceCode: string): Promise<Commune[]> {
  const index = (await (await page.request.get('/generated/atlas.json')).json()) as {
    boundaries2025: { crosswalk: { file: string } };
  };
  const crosswalk = (await (
    await page.request.get(`/generated/${index.boundaries2025.crosswalk.file}`)
  ).json()) as { communes: Commune[] };
  return crosswalk.communes.filter((c) => c[2] === provinceCode);
}

test('a commune table of the 2025 units is imported and drawn on its province and communes', async ({
  page,
}) => {
  // The 2025 provinces, the crosswalk and a province's communes are three more downloads.
  test.setTimeout(180_000);
  await openAtlas(page);
  const [a, b, c] = await communesOf(page, '22');
  expect(c).toBeDefined();
  const bare = (name: string) => name.replace(/^(Xã|Phường|Đặc khu) /, '');
  // By code; by code with the name; by name alone (without its prefix) within the province.
  const csv = [
    'Tỉnh;Mã xã;Tên xã;Số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)',
    `Quảng Ninh;${a![0]};${a![1]};1.000;20;2,00`,
    `Quảng Ninh;${b![0]};${b![1]};3.000;300;10,00`,
    `Quảng Ninh;;${bare(c![1])};500;50;10,00`,
  ].join('\n');

  await openImportWizard(page);
  await chooseCsv(page, 'xa-quang-ninh-2025.csv', csv);
  const wizard = page.getByTestId('import-wizard');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  const era = wizard.getByTestId('import-era');
  await expect(era.getByRole('status')).toContainText('Dùng đơn vị Từ 1/7/2025: 34 tỉnh');
  await expect(era.getByTestId('import-level')).toHaveText('Cấp: Xã/phường');
  const matches = wizard.locator('table.matches');
  for (const commune of [a!, b!, c!]) await expect(matches).toContainText(commune[1]);
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByTestId('validation-report')).toContainText('Không có lỗi');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await describeAndSave(wizard, { title: 'Ba xã Quảng Ninh — thử nghiệm 2025' });

  const eras = page.getByTestId('era-switch');
  await expect(eras.getByRole('radio', { name: '2025 · 34 tỉnh, cấp xã' })).toBeChecked();
  await expect(page.locator('#map')).toHaveAttribute('data-era-ready', 'true', { timeout: 60_000 });
  await mapSettled(page);
  // The province's rate is recomputed from the summed counts: 370 / 4,500, not a mean.
  await expect
    .poll(async () => (await drawnValues(page, 'province-2025-choropleth')).get('22'))
    .toBeCloseTo((370 / 4500) * 100, 6);

  // Opening the province colours its communes by their own values; the rest have none.
  await page.getByTestId('era-province').selectOption('22');
  await expect
    .poll(
      async () => {
        const values = await drawnValues(page, 'commune-2025-choropleth');
        return [a![0], b![0], c![0]].map((code) => values.get(code));
      },
      { timeout: 60_000 },
    )
    .toEqual([2, 10, 10]);
  await mapSettled(page);
  // Classed among the communes, not on the province classes: the legend lists the three.
  const communeLegend = page.getByTestId('legend-communes');
  await expect(communeLegend).toBeVisible();
  const counts = await communeLegend
    .locator('.count')
    .evaluateAll((cells) => cells.map((c) => Number(c.textContent)));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
  const values = await drawnValues(page, 'commune-2025-choropleth');
  const others = [...values].filter(([code]) => ![a![0], b![0], c![0]].includes(code));
  expect(others.length).toBeGreaterThan(0);
  expect(others.every(([, value]) => value === null)).toBe(true);

  // Hovering a commune names it with its value in the Vietnamese format.
  const point = await labelPointOf(page, b![0], {
    source: 'boundaries-2025',
    role: 'commune-label',
  });
  const { x, y } = await pixelOf(page, point);
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.move(box.x + x, box.y + y);
  const tooltip = page.getByTestId('hover-tooltip');
  await expect(tooltip).toContainText(b![1]);
  await expect(tooltip).toContainText(/Tỷ lệ hộ nghèo đầu năm: 10,00\s%/);
  await page.mouse.move(box.x + 5, box.y + box.height - 5);

  // The table lists the communes with their province.
  await page.getByRole('button', { name: 'Bảng số liệu' }).click();
  const table = page.getByTestId('data-table');
  const row = table.getByRole('row').filter({ hasText: a![1] });
  await expect(row).toContainText('Tỉnh Quảng Ninh');
  await expect(row).toContainText('1.000');
  await expect(table.getByRole('row')).toHaveCount(4);

  // The CSV export names each commune with its province too.
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  const row2 = page
    .getByTestId('dataset-row')
    .filter({ hasText: 'Ba xã Quảng Ninh — thử nghiệm 2025' });
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    row2.getByRole('button', { name: 'CSV', exact: true }).click(),
  ]);
  const text = await readFile((await file.path())!, 'utf8');
  const lines = text.replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toMatch(/^Mã,Cấp,Tên đơn vị,Tỉnh,/);
  expect(lines).toContainEqual(expect.stringMatching(`^${a![0]},Xã,${a![1]},Tỉnh Quảng Ninh,`));

  // The GeoJSON export draws the communes with their own shapes.
  const [geojson] = await Promise.all([
    page.waitForEvent('download'),
    row2.getByRole('button', { name: 'GEOJSON', exact: true }).click(),
  ]);
  const collection = JSON.parse(await readFile((await geojson.path())!, 'utf8')) as {
    features: { id: string; geometry: { type: string } }[];
  };
  const shaped = collection.features.map((f) => f.id).sort();
  expect(shaped).toEqual([a![0], b![0], c![0]].sort());
  for (const f of collection.features) expect(f.geometry.type).toMatch(/Polygon/);
});
