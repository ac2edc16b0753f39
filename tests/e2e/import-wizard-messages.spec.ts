import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chooseCsv, expect, openAtlas, openImportWizard, test } from './fixtures.ts';
import { SYNTHETIC_DATASET_ID, seedSyntheticNationalDataset } from './synthetic-dataset.ts';

// #18 wizard: what a new user met in the import wizards (tester's run), each seen as a person sees it.

const ANNEX = readFileSync(
  new URL('../fixtures/tuyen-quang-2020-annex.csv', import.meta.url),
  'utf8',
);
/** Two columns with one header, both guessed as the same indicator. */
const DUPLICATED = [
  'Mã huyện;Tên huyện;Số hộ nghèo;Số hộ nghèo',
  '071;Huyện Lâm Bình;1.200;1.250',
  '072;Huyện Na Hang;1.500;1.480',
].join('\n');

/** Tuyên Quang's districts with codes: five columns, all of them read. */
const GOOD_TQ = [
  'Mã huyện;Tên huyện;Số hộ;Số hộ nghèo;Tỷ lệ hộ nghèo (%)',
  '070;Thành phố Tuyên Quang;36.540;368;1,01',
  '071;Huyện Lâm Bình;7.633;2.750;36,03',
].join('\n');

async function toValidation(page: Page) {
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByRole('heading', { level: 2 })).toContainText('Bước 2/5');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByTestId('match-summary')).toBeVisible();
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  return wizard.getByTestId('validation-report');
}

test('the validation report names the file and both duplicated columns by letter, in both languages', async ({
  page,
}) => {
  await openAtlas(page);
  await openImportWizard(page);
  await chooseCsv(page, 'ho-ngheo-trung-cot.csv', DUPLICATED);
  const report = await toValidation(page);
  await expect(report.getByTestId('report-file')).toHaveText(
    'Báo cáo kiểm tra tệp ho-ngheo-trung-cot.csv',
  );
  await expect(report).toContainText('Số hộ nghèo (C) và Số hộ nghèo (D)');
  await expect(report).toContainText('Có 1 lỗi: chưa thể lưu.');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(report.getByTestId('report-file')).toHaveText(
    'Validation report for ho-ngheo-trung-cot.csv',
  );
  await expect(report).toContainText('1 error: cannot save yet.');
  await expect(report).toContainText('1 error, 0 warnings');
  await expect(report).not.toContainText('1 errors');
});

test('a table with units as columns shows each unit’s column letter, not row 1', async ({
  page,
}) => {
  await openAtlas(page);
  await openImportWizard(page);
  await chooseCsv(page, 'tuyen-quang-2020-annex.csv', ANNEX);
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByRole('heading', { level: 2 })).toContainText('Bước 2/5');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  const table = wizard.locator('table.matches');
  await expect(table.getByRole('columnheader').first()).toHaveText('Cột');
  // The letter of each unit's column in the file's first line, as a spreadsheet names it.
  const header = ANNEX.split('\n')[0]!.split(';');
  const letterOf = (name: string) => String.fromCharCode(65 + header.indexOf(name));
  for (const name of ['Huyện Sơn Dương', 'TP Tuyên Quang', 'Huyện Lâm Bình']) {
    const row = table.getByRole('row').filter({ hasText: name });
    await expect(row.getByTestId('match-where')).toHaveText(letterOf(name));
  }
  const letters = await table.getByTestId('match-where').allTextContents();
  expect(new Set(letters).size).toBe(letters.length);
});

test('the same file chosen again after a refusal is read again', async ({ page }) => {
  await openAtlas(page);
  await openImportWizard(page);
  const path = join(mkdtempSync(join(tmpdir(), 'atlas-wizard-')), 'ho-ngheo.csv');
  writeFileSync(path, '');
  const input = page.getByTestId('import-file');
  await input.setInputFiles(path);
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByRole('alert')).toContainText('ho-ngheo.csv');
  // The person fixes the file and chooses it again, from the same place.
  writeFileSync(path, DUPLICATED);
  await input.setInputFiles(path);
  await expect(wizard.getByRole('heading', { level: 2 })).toContainText('Bước 2/5');
});

test('the boundary import says what a table or a refused file is, naming the file', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  await page.getByTestId('import-boundaries').click();
  const wizard = page.getByTestId('boundary-wizard');
  const input = wizard.getByTestId('boundary-file');
  await input.setInputFiles({
    name: 'ho-ngheo.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(DUPLICATED, 'utf8'),
  });
  const errors = wizard.getByTestId('boundary-errors');
  await expect(errors).toContainText('Không nhập được tệp ho-ngheo.geojson: 1 lỗi.');
  await expect(errors).toContainText('không phải tệp ranh giới');
  await expect(errors).toContainText('“Nhập dữ liệu”');
  await expect(errors).not.toContainText('Unexpected token');

  const square = [
    [105.2, 22.2],
    [105.3, 22.2],
    [105.3, 22.3],
    [105.2, 22.3],
    [105.2, 22.2],
  ];
  const bowTie = [
    [105.4, 22.2],
    [105.5, 22.3],
    [105.5, 22.2],
    [105.4, 22.3],
    [105.4, 22.2],
  ];
  const features = [square, bowTie].map((ring, i) => ({
    type: 'Feature',
    properties: { ten: `Vùng ${i + 1}` },
    geometry: { type: 'Polygon', coordinates: [ring] },
  }));
  await input.setInputFiles({
    name: 'no.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features }), 'utf8'),
  });
  await expect(errors).toContainText('Không nhập được tệp no.geojson: 1 lỗi.');
  await expect(wizard).toContainText('GeoJSON · bị từ chối');
  await expect(wizard).not.toContainText('0 vùng');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(errors).toContainText('The file no.geojson cannot be imported: 1 error.');
});

test('a dataset without an issuer has no stray separators', async ({ page }) => {
  await openAtlas(page);
  await seedSyntheticNationalDataset(page);
  await page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vn-poverty-atlas');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('datasets', 'readwrite').objectStore('datasets');
    const record = await new Promise<{ source: { issuer: string } }>((resolve) => {
      store.get(id).onsuccess = (e) => resolve((e.target as IDBRequest).result);
    });
    record.source.issuer = '';
    await new Promise((resolve) => (store.put(record).onsuccess = resolve));
    db.close();
  }, SYNTHETIC_DATASET_ID);
  await page.reload();
  await page.locator('#map[data-ready="true"]').waitFor({ timeout: 60_000 });
  await page.getByTestId('dataset-select').selectOption(SYNTHETIC_DATASET_ID);
  const source = page.getByTestId('dataset-info').locator('p.source');
  await expect(source).toContainText('Ước tính khảo sát');
  expect((await source.textContent())!.trim()).not.toMatch(/^·|·$/);

  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  const row = page.getByTestId('dataset-row').filter({ hasText: 'Dữ liệu giả lập toàn quốc' });
  const meta = (await row.locator('.meta').innerText()).split('\n')[0]!.trim();
  expect(meta).toMatch(/\)$/);
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the preview says it scrolls and step 3 stays inside the wizard', async ({ page }) => {
    await openAtlas(page);
    await page.getByTestId('menu-toggle').click();
    await openImportWizard(page);
    await chooseCsv(page, 'good-tq.csv', GOOD_TQ);
    const wizard = page.getByTestId('import-wizard');
    await expect(wizard.getByRole('heading', { level: 2 })).toContainText('Bước 2/5');
    await expect
      .soft(wizard.getByTestId('preview-scroll-hint'))
      .toHaveText('Bảng có 5 cột, rộng hơn khung: kéo ngang để xem hết.');
    await wizard.getByRole('button', { name: 'Tiếp' }).click();
    const era = wizard.getByTestId('import-era');
    await expect(era).toBeVisible();
    const box = (await wizard.boundingBox())!;
    for (const part of [
      era.locator('select'),
      era.getByRole('status'),
      era.getByTestId('import-level'),
    ]) {
      const inner = (await part.boundingBox())!;
      expect(inner.x + inner.width).toBeLessThanOrEqual(box.x + box.width);
    }
  });
});

test('a district name shared by ten provinces is offered with each province, in the list and the report', async ({
  page,
}) => {
  await openAtlas(page);
  await openImportWizard(page);
  await chooseCsv(page, 'chau-thanh.csv', 'Tên huyện;Tỷ lệ hộ nghèo (%)\nHuyện Châu Thành;5,1');
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByRole('heading', { level: 2 })).toContainText('Bước 2/5');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  const choice = wizard.getByRole('combobox', { name: /Huyện Châu Thành/ });
  const options = (await choice.locator('option').allTextContents()).filter((text) =>
    text.startsWith('Huyện Châu Thành'),
  );
  // Ten districts of one name, each told apart by its province.
  expect(options.length).toBeGreaterThan(1);
  expect(new Set(options).size).toBe(options.length);
  expect(options).toContain('Huyện Châu Thành (Tỉnh Long An)');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByTestId('validation-report')).toContainText(
    'Huyện Châu Thành (Tỉnh Long An)',
  );
});
