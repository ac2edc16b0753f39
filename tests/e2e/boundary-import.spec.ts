import type { Page } from '@playwright/test';
import { createZippedShapefile, square, VN2000_PRJ, WGS84_PRJ } from '../fixtures/shapefile.ts';
import { expect, mapSettled, openAtlas, test } from './fixtures.ts';

/**
 * Boundary files made here, never copied from a boundary source: squares near Tuyên Quang, two
 * of them carrying district codes or names the default dataset (Tuyên Quang 2020 plan) has
 * figures for, and one that matches nothing.
 */
const SQUARES = [square(105.1, 22.3, 0.3), square(105.5, 22.2, 0.3), square(106.2, 21.2, 0.3)];

const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    ['071', 'Huyện Lâm Bình'],
    ['072', 'Huyện Na Hang'],
    ['', 'Vùng thử nghiệm'],
  ].map(([code, name], i) => ({
    type: 'Feature',
    properties: { ma_huyen: code, ten: name, dien_tich: 100 + i },
    geometry: { type: 'Polygon', coordinates: [SQUARES[i]] },
  })),
});

interface UserBoundaryMap {
  atlasMap: {
    getLayer(id: string): unknown;
    getFeatureState(feature: { source: string; id: number }): { value?: unknown };
    querySourceFeatures(source: string): unknown[];
  };
}

/**
 * These tests read back what IndexedDB stored; on a machine so loaded that opening the database
 * outlasts the store's wait, the atlas runs from memory and says so — fail on that, by name.
 */
async function expectIndexedDb(page: Page) {
  await expect(page.getByTestId('storage-banner')).toHaveCount(0);
}

async function openBoundaryImport(page: Page) {
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  await expect(page.getByTestId('data-view')).toBeVisible();
  await page.getByTestId('import-boundaries').click();
  return page.getByTestId('boundary-wizard');
}

/** Which features of the shown set have a value to colour them (null: outline only). */
async function shownValues(page: Page, features: number) {
  await mapSettled(page);
  return page.evaluate((count) => {
    const map = (window as unknown as UserBoundaryMap).atlasMap;
    if (!map.getLayer('user-boundary-fill') || !map.getLayer('user-boundary-outline')) return null;
    return Array.from({ length: count }, (_, id) => {
      const value = map.getFeatureState({ source: 'user-boundaries', id }).value;
      return typeof value === 'number' ? 'coloured' : 'outline';
    });
  }, features);
}

test('a planner imports GeoJSON boundaries, sees them matched, on the map and in the Data view', async ({
  page,
}) => {
  // Two loads of the atlas under software WebGL.
  test.setTimeout(120_000);
  await openAtlas(page);
  await expectIndexedDb(page);
  const wizard = await openBoundaryImport(page);
  await wizard.getByTestId('boundary-file').setInputFiles({
    name: 'huyen-thu.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(GEOJSON, 'utf8'),
  });
  await expect(wizard).toContainText('GeoJSON · 3 vùng');
  await expect(wizard.getByTestId('boundary-property-code')).toHaveValue('ma_huyen');
  await expect(wizard.getByTestId('boundary-property-name')).toHaveValue('ten');
  await expect(wizard.getByTestId('boundary-match-summary')).toContainText(
    '2 theo mã, 0 theo tên, 0 trùng tên, 1 không ghép được',
  );
  // The person corrects a guess: without the code, the names still match.
  await wizard.getByTestId('boundary-property-code').selectOption('');
  await expect(wizard.getByTestId('boundary-match-summary')).toContainText('0 theo mã, 2 theo tên');
  await wizard.getByTestId('boundary-set-name').fill('Huyện thử (GeoJSON)');
  await wizard.getByRole('button', { name: 'Lưu bộ ranh giới' }).click();

  await expect(page.locator('#map')).toBeVisible();
  await expect(page.getByTestId('user-boundary-picker')).toHaveValue(/^boundaries-/);
  await expect(page.getByTestId('user-boundary-credit')).toContainText(
    'Ranh giới đã nhập: Huyện thử (GeoJSON) (huyen-thu.geojson)',
  );
  expect(await shownValues(page, 3)).toEqual(['coloured', 'coloured', 'outline']);

  // Hidden and shown again from the picker.
  await page.getByTestId('user-boundary-picker').selectOption('');
  await expect(page.getByTestId('user-boundary-credit')).toHaveCount(0);
  expect(
    await page.evaluate(() =>
      (window as unknown as UserBoundaryMap).atlasMap.getLayer('user-boundary-fill'),
    ),
  ).toBeFalsy();

  // Stored: listed after a reload, shown from the Data view, then deleted.
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  const row = page.getByTestId('boundary-set-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Tệp huyen-thu.geojson · 3 vùng · 2 vùng ghép được với huyện');
  await row.getByRole('button', { name: 'Xem trên bản đồ' }).click();
  expect(await shownValues(page, 3)).toEqual(['coloured', 'coloured', 'outline']);
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  page.once('dialog', (dialog) => void dialog.accept());
  await page
    .getByTestId('boundary-set-row')
    .getByRole('button', { name: 'Xoá bộ ranh giới' })
    .click();
  await expect(page.getByTestId('boundary-set-row')).toHaveCount(0);
});

test('a planner imports a zipped Shapefile matched by name and sees it on the map', async ({
  page,
}) => {
  const zip = createZippedShapefile({
    name: 'huyen_tq',
    shapes: SQUARES.slice(0, 2).map((ring) => [[ring]]),
    fields: ['TEN_HUYEN', 'TINH'],
    records: [
      ['Lâm Bình', 'Tuyên Quang'],
      ['H. Na Hang', 'Tuyên Quang'],
    ],
    prj: WGS84_PRJ,
    cpg: 'UTF-8',
  });
  await openAtlas(page);
  const wizard = await openBoundaryImport(page);
  await wizard.getByTestId('boundary-file').setInputFiles({
    name: 'huyen-tq.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(zip),
  });
  await expect(wizard).toContainText('Shapefile · 2 vùng, bảng mã utf-8');
  await expect(wizard.getByTestId('boundary-property-name')).toHaveValue('TEN_HUYEN');
  await expect(wizard.getByTestId('boundary-property-province')).toHaveValue('TINH');
  await expect(wizard.getByTestId('boundary-match-summary')).toContainText('0 theo mã, 2 theo tên');
  await expect(wizard.getByRole('cell', { name: 'Huyện Na Hang' })).toBeVisible();
  await expect(wizard.getByTestId('boundary-set-name')).toHaveValue('huyen-tq');
  await wizard.getByRole('button', { name: 'Lưu bộ ranh giới' }).click();

  await expect(page.getByTestId('user-boundary-credit')).toContainText('huyen-tq (huyen-tq.zip)');
  expect(await shownValues(page, 2)).toEqual(['coloured', 'coloured']);
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  await expect(page.getByTestId('boundary-set-row')).toContainText('Tệp huyen-tq.zip · 2 vùng');
});

test('a projected or broken boundary file shows its errors and leaves the stored data unchanged', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openAtlas(page);
  await expectIndexedDb(page);
  // One set stored first, so "unchanged" is more than "still empty".
  let wizard = await openBoundaryImport(page);
  await wizard.getByTestId('boundary-file').setInputFiles({
    name: 'huyen-thu.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(GEOJSON, 'utf8'),
  });
  await wizard.getByRole('button', { name: 'Lưu bộ ranh giới' }).click();
  await expect(page.getByTestId('user-boundary-picker')).toHaveValue(/^boundaries-/);

  wizard = await openBoundaryImport(page);
  const projected = createZippedShapefile({
    shapes: [[[square(512_000, 2_420_000, 5_000)]]],
    fields: ['TEN'],
    records: [['Lâm Bình']],
    prj: VN2000_PRJ,
    cpg: 'UTF-8',
  });
  await wizard.getByTestId('boundary-file').setInputFiles({
    name: 'vn2000.zip',
    mimeType: 'application/zip',
    buffer: Buffer.from(projected),
  });
  const errors = wizard.getByTestId('boundary-errors');
  await expect(errors).toContainText(
    'Không nhập được tệp vn2000.zip: 1 lỗi. Dữ liệu đã lưu không thay đổi.',
  );
  await expect(errors).toContainText(
    'tọa độ trông như đã chiếu (VN-2000?); hãy xuất lại theo WGS84',
  );
  await expect(wizard.getByRole('button', { name: 'Lưu bộ ranh giới' })).toHaveCount(0);

  const broken = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { ten: 'A' },
        geometry: { type: 'Polygon', coordinates: [SQUARES[0]] },
      },
      {
        type: 'Feature',
        properties: { ten: 'B' },
        geometry: { type: 'Point', coordinates: [105.3, 22.4] },
      },
      {
        type: 'Feature',
        properties: { ten: 'C' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [512000, 2420000],
              [513000, 2420000],
              [513000, 2421000],
            ],
          ],
        },
      },
    ],
  });
  await wizard.getByTestId('boundary-file').setInputFiles({
    name: 'loi.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(broken, 'utf8'),
  });
  await expect(errors).toContainText('vùng 2: là Point; chỉ nhận Polygon và MultiPolygon');
  await expect(errors).toContainText('vùng 3: tọa độ trông như đã chiếu (VN-2000?)');

  await wizard.getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByTestId('boundary-set-row')).toHaveCount(1);
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  await expect(page.getByTestId('boundary-set-row')).toHaveCount(1);
  await expect(page.getByTestId('boundary-set-row')).toContainText('huyen-thu.geojson');
});
