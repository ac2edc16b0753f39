import { zipSync } from 'fflate';
import writeExcelFile from 'write-excel-file/universal';
import type { Page } from '@playwright/test';
import {
  chooseCsv,
  drawnDistrictsWithData,
  expect,
  inView,
  labelPointOf,
  mapSettled,
  openAtlas,
  openImportWizard,
  test,
} from './fixtures.ts';
import { describeAndSave } from './describe-dataset.ts';

/** Kiên Giang districts as a planner types them: names with and without prefixes, vi numbers. */
const KIEN_GIANG_CSV = [
  'STT;Tên đơn vị;Số hộ nghèo;Tổng số hộ;Tỷ lệ hộ nghèo (%)',
  '1;TP Rạch Giá;697;60.200;1,16',
  '2;H. An Biên;2.950;32.000;9,22',
  '3;Huyện An Minh;3.100;29.500;10,51',
  '4;u minh thuong;1.480;17.600;8,41',
].join('\n');
const KIEN_GIANG_CODES = ['899', '908', '909', '913'];

async function openImport(page: Page) {
  await openAtlas(page);
  await openImportWizard(page);
}

async function storedDatasetCount(page: Page): Promise<number> {
  // The Data view is fetched when first opened; the built-in datasets are always listed.
  await expect(page.getByTestId('dataset-row').first()).toBeVisible();
  return page.getByTestId('dataset-row').count();
}

async function throughTheWizard(page: Page, title: string) {
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByRole('heading', { level: 2 })).toContainText('Bước 2/5');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByTestId('match-summary')).toBeVisible();
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByTestId('validation-report')).toContainText('Không có lỗi');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await describeAndSave(wizard, { title });
}

test('a planner imports a CSV of Kiên Giang districts and sees it on the map', async ({ page }) => {
  await openImport(page);
  await chooseCsv(page, 'kien-giang.csv', KIEN_GIANG_CSV);
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard.getByText('4 dòng, 5 cột')).toBeVisible();
  await expect(wizard.getByTestId('column-role')).toHaveCount(5);
  await expect(wizard.getByTestId('column-role').nth(4)).toHaveValue('rate_start');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByTestId('validation-report')).toContainText('Không có lỗi');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();

  // Nothing about the figures is guessed: until their source, standard, kind and year are given,
  // the dataset cannot be saved, and the form says what is missing.
  await expect(wizard.getByTestId('describe-missing')).toHaveText(
    'Còn thiếu: Trích yếu văn bản, Chuẩn nghèo, Loại số liệu, Năm',
  );
  await wizard.getByTestId('dataset-kind').selectOption('plan');
  await expect(wizard.getByTestId('describe-missing')).toHaveText(
    'Còn thiếu: Trích yếu văn bản, Chuẩn nghèo, Năm',
  );
  await wizard.getByRole('button', { name: 'Lưu bộ dữ liệu' }).click();
  await expect(wizard.getByRole('heading', { level: 2 })).toContainText('Bước 5/5');
  await describeAndSave(wizard, {
    title: 'Kiên Giang — thử nghiệm CSV',
    source: 'Kế hoạch giảm nghèo năm 2024 của tỉnh (thử nghiệm)',
    kind: 'plan',
  });
  // The dataset is credited to the source given, as a plan.
  await expect(page.getByTestId('credits')).toContainText(
    'Kế hoạch giảm nghèo năm 2024 của tỉnh (thử nghiệm)',
  );
  await expect(page.getByTestId('dataset-source')).toContainText('Kế hoạch (chỉ tiêu)');

  // Saved, selected and drawn: the map view is back with the four districts coloured.
  await expect(page.locator('#map')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Bộ dữ liệu' })).toHaveValue(/^import-/);
  // Framed on its province at once, without "Phóng tới vùng có số liệu": Hà Nội is out of view.
  await mapSettled(page);
  expect(await inView(page, await labelPointOf(page, '899'))).toBe(true);
  expect(await inView(page, [105.85, 21.03])).toBe(false);
  expect(await drawnDistrictsWithData(page)).toEqual(KIEN_GIANG_CODES);

  // It survives a reload: it is in IndexedDB, not only in memory.
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  await expect(page.getByTestId('data-view')).toContainText('Kiên Giang — thử nghiệm CSV');
});

test('a planner imports an XLSX of Gia Lai districts by code and sees it on the map', async ({
  page,
}) => {
  const workbook = await writeExcelFile([
    [{ value: 'Mã huyện' }, { value: 'Huyện' }, { value: 'Tỷ lệ hộ nghèo đầu năm' }],
    [{ value: '637' }, { value: 'Krông Pa' }, { value: 12.28 }],
    [{ value: '635' }, { value: 'Ia Pa' }, { value: 15.4 }],
    [{ value: '624' }, { value: 'Ayun Pa' }, { value: 6.1 }],
  ]).toBlob();
  await openImport(page);
  await page.getByTestId('import-file').setInputFiles({
    name: 'gia-lai.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.arrayBuffer()),
  });
  await throughTheWizard(page, 'Gia Lai — thử nghiệm XLSX');
  await expect(page.getByRole('combobox', { name: 'Bộ dữ liệu' })).toHaveValue(/^import-/);
  await page.getByRole('button', { name: 'Phóng tới vùng có số liệu' }).click();
  await mapSettled(page);
  expect(await drawnDistrictsWithData(page)).toEqual(['624', '635', '637']);
});

test('a broken file shows its errors and leaves the stored datasets unchanged', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  const before = await storedDatasetCount(page);
  expect(before).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Nhập dữ liệu' }).click();

  // Not a table at all: said so, in an alert.
  await page.getByTestId('import-file').setInputFiles({
    name: 'cu.xls',
    mimeType: 'application/vnd.ms-excel',
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
  });
  await expect(page.getByRole('alert')).toContainText(
    'Không đọc được tệp “cu.xls”: không đọc được tệp Excel cũ (.xls)',
  );

  // A workbook that inflates to 60 MB of XML is refused at once, naming the file.
  await page.getByTestId('import-file').setInputFiles({
    name: 'bom.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(60 << 20) })),
  });
  await expect(page.getByRole('alert')).toContainText(
    'Không đọc được tệp “bom.xlsx”: khi giải nén, tệp vượt quá 50 MB',
    { timeout: 5000 },
  );

  // A table with bad figures: the report names row and column, and nothing can be saved.
  const broken =
    'Tên đơn vị,Tỷ lệ hộ nghèo (%)\nHuyện Lâm Bình,abc\nHuyện Na Hang,129\nHuyện Ma,3\n';
  await chooseCsv(page, 'loi.csv', broken);
  const wizard = page.getByTestId('import-wizard');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByTestId('match-summary')).toContainText('1 dòng cần xử lý');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  const report = wizard.getByTestId('validation-report');
  await expect(report.getByRole('alert')).toContainText('3 lỗi');
  await expect(report).toContainText('Dòng 2, cột Tỷ lệ hộ nghèo (%)');
  await expect(report).toContainText('"abc" không phải là số');
  await expect(report).toContainText('129 % nằm ngoài khoảng 0–100 %');
  await expect(report).toContainText('"Huyện Ma" không khớp đơn vị nào');
  await expect(wizard.getByRole('button', { name: 'Tiếp' })).toBeDisabled();

  // Households in halves, a column named constructor: the count is refused, the column read.
  await wizard.getByRole('button', { name: 'Quay lại' }).click();
  await wizard.getByRole('button', { name: 'Quay lại' }).click();
  await wizard.getByRole('button', { name: 'Quay lại' }).click();
  await chooseCsv(
    page,
    'nua-ho.csv',
    'Tên đơn vị;constructor;Số hộ nghèo\nHuyện Lâm Bình;x;12,5\n',
  );
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(report).toContainText('Dòng 2, cột Số hộ nghèo');
  await expect(report).toContainText('"12,5" không phải là số nguyên');

  await wizard.getByRole('button', { name: 'Đóng' }).click();
  expect(await storedDatasetCount(page)).toBe(before);
  await page.reload();
  await expect(page.locator('#map')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  await expect(page.getByTestId('dataset-row')).toHaveCount(before);
});

test('the built-in datasets carry their validation warnings', async ({ page }) => {
  await openAtlas(page);
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  const budget = page
    .getByTestId('dataset-row')
    .filter({ hasText: 'Kinh phí giảm nghèo năm 2020' });
  await budget.getByText('cảnh báo kiểm tra số liệu').click();
  await expect(budget).toContainText('cộng lại 86.373, tổng ghi 79.381');
  const rachGia = page.getByTestId('dataset-row').filter({ hasText: 'Rạch Giá' });
  await rachGia.getByText('cảnh báo kiểm tra số liệu').click();
  await expect(rachGia).toContainText('suy ra hai tổng số khác nhau');
});

test('a table of the 34 new provinces is read as 2025 and drawn on the 2025 map', async ({
  page,
}) => {
  // Switching to the 2025 provinces fetches a second boundary set: slow on a loaded machine.
  test.setTimeout(180_000);
  // By their 2019 codes 15, 82 and 91 were Yên Bái, Tiền Giang and Kiên Giang.
  const csv = [
    'Mã;Tỉnh;Số hộ nghèo;Tổng số hộ;Tỷ lệ hộ nghèo (%)',
    '15;Lào Cai;20.000;250.000;8,00',
    '82;Đồng Tháp;10.000;500.000;2,00',
    '91;An Giang;12.000;600.000;2,00',
  ].join('\n');
  await openImport(page);
  await chooseCsv(page, 'tinh-moi-2025.csv', csv);
  const wizard = page.getByTestId('import-wizard');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  const era = wizard.getByTestId('import-era');
  await expect(era.getByRole('combobox')).toHaveValue('');
  await expect(era.getByRole('status')).toContainText(
    'Dùng đơn vị Từ 1/7/2025: 34 tỉnh. Số dòng khớp cả mã và tên: 0 theo đơn vị trước 2025, 3 theo đơn vị từ 2025.',
  );
  await expect(wizard.locator('table.matches')).toContainText('Tỉnh Lào Cai');
  await expect(wizard.locator('table.matches')).not.toContainText('Yên Bái');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await expect(wizard.getByTestId('validation-report')).toContainText('Không có lỗi');
  await wizard.getByRole('button', { name: 'Tiếp' }).click();
  await describeAndSave(wizard, { title: 'Ba tỉnh mới — thử nghiệm 2025' });

  // A 2025 dataset can only be drawn on the 2025 provinces.
  const eras = page.getByTestId('era-switch');
  await expect(eras.getByRole('radio', { name: '2025 · 34 tỉnh, cấp xã' })).toBeChecked();
  await expect(eras.getByRole('radio', { name: '2019 · 63 tỉnh, cấp huyện' })).toBeDisabled();
  await expect(page.locator('#map')).toHaveAttribute('data-era-ready', 'true', { timeout: 60_000 });
  await mapSettled(page);
  const drawn = await page.evaluate(() => {
    const map = (
      window as unknown as {
        atlasMap: {
          queryRenderedFeatures(options: { layers: string[] }): {
            properties: Record<string, string>;
            state: Record<string, unknown>;
          }[];
        };
      }
    ).atlasMap;
    const values = new Map<string, unknown>();
    for (const f of map.queryRenderedFeatures({ layers: ['province-2025-choropleth'] })) {
      if (typeof f.state.value === 'number') values.set(f.properties.code!, f.state.value);
    }
    return [...values].sort();
  });
  expect(drawn).toEqual([
    ['15', 8],
    ['82', 2],
    ['91', 2],
  ]);

  // The table names the new provinces, not the old ones that had those codes.
  await page.getByRole('button', { name: 'Bảng số liệu' }).click();
  const table = page.getByTestId('data-table');
  await expect(table).toContainText('Tỉnh Lào Cai');
  await expect(table).toContainText('Tỉnh An Giang');
  await expect(table).not.toContainText('Yên Bái');
});
