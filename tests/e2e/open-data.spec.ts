import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/node';
import type { Download, Page } from '@playwright/test';
import type { AtlasIndex, DataSource } from '../../src/lib/data/atlas-index.ts';
import type { DatasetBundle } from '../../src/lib/domain/dataset.ts';
import { INDICATORS } from '../../src/lib/domain/indicators.ts';
import { cspViolations, expect, openAtlas, test } from './fixtures.ts';

/** The built-in datasets exactly as the data build wrote them for this app. */
const BUILT_IN: DatasetBundle[] = (
  JSON.parse(
    readFileSync(new URL('../../public/generated/datasets.json', import.meta.url), 'utf8'),
  ) as { datasets: DatasetBundle[] }
).datasets;
const PLAN = BUILT_IN.find((d) => d.metadata.id === 'tuyen-quang-2020-plan')!;
/** The data/sources/ records the data build copied into its index. */
const SOURCES: DataSource[] =
  (
    JSON.parse(
      readFileSync(new URL('../../public/generated/atlas.json', import.meta.url), 'utf8'),
    ) as AtlasIndex
  ).sources ?? [];

async function openOpenData(page: Page) {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Dữ liệu mở' }).click();
  await expect(page.getByTestId('open-data-view')).toBeVisible();
}

function entryOf(page: Page, title: string) {
  return page
    .getByTestId('catalogue-entry')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

async function download(page: Page, title: string, format: string): Promise<Download> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    entryOf(page, title).locator(`button[data-format="${format}"]`).click(),
  ]);
  return file;
}

test('the catalogue lists every built-in dataset with its source, licence and warnings', async ({
  page,
}) => {
  await openOpenData(page);
  await expect(page).toHaveURL(/#\/open-data$/);
  await expect(page.getByTestId('catalogue-entry')).toHaveCount(BUILT_IN.length);
  for (const { metadata } of BUILT_IN) {
    const entry = entryOf(page, metadata.title.vi);
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(metadata.source.title);
    await expect(entry).toContainText(metadata.source.issuer);
    await expect(entry).toContainText(metadata.source.number ?? 'không rõ số');
    await expect(entry).toContainText(metadata.licence);
    if (metadata.warnings.length > 0) {
      await entry.locator('summary').click();
      await expect(entry.locator('.warnings li')).toHaveCount(metadata.warnings.length);
    }
  }
  // Every folder of data/sources/ is credited with its licence and the dist/ files it feeds.
  expect(SOURCES.length).toBeGreaterThanOrEqual(5);
  const listed = page.getByTestId('boundary-file');
  await expect(listed).toHaveCount(SOURCES.length);
  for (const source of SOURCES) {
    const entry = listed.filter({ hasText: `data/sources/${source.id}/` });
    await expect(entry).toHaveAttribute('data-licence', source.licence);
    await expect(entry).toContainText(source.attribution);
    for (const file of source.derived) await expect(entry).toContainText(file);
  }
  await expect(page.getByTestId('open-data-licences')).toContainText('Open Development Mekong');
  expect(await cspViolations(page)).toEqual([]);
});

test('the open-data view has its own address', async ({ page }) => {
  await page.goto('/#/open-data');
  await expect(page.getByTestId('open-data-view')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Bản đồ', exact: true }).click();
  await expect(page.getByTestId('open-data-view')).toHaveCount(0);
  await expect(page).not.toHaveURL(/#\/open-data/);
  await page.evaluate(() => (location.hash = '#/open-data'));
  await expect(page.getByTestId('open-data-view')).toBeVisible();
});

test('CSV downloads keep the BOM and the Vietnamese text; the dictionary names every column', async ({
  page,
}) => {
  await openOpenData(page);
  const csv = readFileSync((await (await download(page, PLAN.metadata.title.vi, 'csv')).path())!);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
  const header = lines[0]!.split(',');
  expect(header.slice(4)).toEqual(PLAN.metadata.indicators.map((id) => INDICATORS[id].label.vi));
  const units = new Set(PLAN.observations.map((o) => `${o.unitLevel}:${o.unitCode}`));
  expect(lines).toHaveLength(units.size + 1);
  expect(lines.join('\n')).toContain('Huyện Lâm Bình');

  const dictionary = readFileSync(
    (await (await download(page, PLAN.metadata.title.vi, 'dictionary-csv')).path())!,
    'utf8',
  );
  expect(dictionary.startsWith('\ufeffCột,Ý nghĩa,Đơn vị,Kiểu dữ liệu,Nguồn')).toBe(true);
  for (const column of header) expect(dictionary).toContain(`\r\n${column},`);

  const markdown = readFileSync(
    (await (await download(page, PLAN.metadata.title.vi, 'dictionary-md')).path())!,
    'utf8',
  );
  expect(markdown).toContain(`# Từ điển dữ liệu: ${PLAN.metadata.title.vi}`);
  expect(markdown).toContain(PLAN.metadata.licence);
});

test('XLSX and GeoJSON downloads parse, with the dictionary and source sheets', async ({
  page,
}) => {
  await openOpenData(page);
  const title = PLAN.metadata.title.vi;
  const xlsx = await download(page, title, 'xlsx');
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const sheets = await readXlsxFile((await xlsx.path())!);
  expect(sheets.map((s) => s.sheet)).toEqual(['Số liệu', 'Từ điển dữ liệu', 'Nguồn']);
  const [data, dictionary, source] = sheets.map((s) => s.data);
  const header = data![0]!.map(String);
  expect(header.slice(4)).toEqual(PLAN.metadata.indicators.map((id) => INDICATORS[id].label.vi));
  expect(data!.flat()).toContain('Huyện Lâm Bình');
  // The dictionary describes each column of the data sheet, then the GeoJSON geometry.
  expect(dictionary!.slice(1, header.length + 1).map((row) => row[0])).toEqual(header);
  expect(source!.flat()).toContain(PLAN.metadata.licence);

  const geojson = await download(page, title, 'geojson');
  const collection = JSON.parse(readFileSync((await geojson.path())!, 'utf8')) as {
    type: string;
    features: { geometry: { type: string }; properties: Record<string, unknown> }[];
  };
  expect(collection.type).toBe('FeatureCollection');
  const units = new Set(PLAN.observations.map((o) => o.unitCode));
  expect(collection.features).toHaveLength(units.size);
  for (const feature of collection.features) {
    expect(['Polygon', 'MultiPolygon']).toContain(feature.geometry.type);
  }
  expect(collection.features.map((f) => f.properties['Tên đơn vị'])).toContain('Huyện Lâm Bình');
  expect(await cspViolations(page)).toEqual([]);
});

test('the methodology explains both multidimensional standards, in both languages', async ({
  page,
}) => {
  await openOpenData(page);
  const methodology = page.getByTestId('methodology');
  for (const text of ['59/2015/QĐ-TTg', '07/2021/NĐ-CP', '700.000', '1.500.000', '2.000.000']) {
    await expect(methodology).toContainText(text);
  }
  await expect(methodology.getByRole('heading', { level: 4 })).toContainText([
    'Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016–2020',
    'Chuẩn nghèo đa chiều giai đoạn 2022–2025',
  ]);
  await expect(page.getByTestId('indicator-formulas')).toContainText(
    'Số hộ nghèo đầu năm / Tổng số hộ đầu năm × 100',
  );
  await page.getByRole('button', { name: 'English' }).click();
  await expect(methodology).toContainText('Multidimensional poverty standard 2022–2025');
  await expect(methodology).toContainText('1,500,000');
});
