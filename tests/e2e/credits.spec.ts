import { readFile } from 'node:fs/promises';
import { square } from '../fixtures/shapefile.ts';
import { expect, mapSettled, openAtlas, test } from './fixtures.ts';

/** A made-up boundary file near Tuyên Quang (never copied from a boundary source). */
const GEOJSON = JSON.stringify({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { ma_huyen: '071', ten: 'Huyện Lâm Bình' },
      geometry: { type: 'Polygon', coordinates: [square(105.1, 22.3, 0.3)] },
    },
  ],
});

test('the PNG credits every boundary source shown, an imported boundary set included', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openAtlas(page);
  await page.getByRole('button', { name: 'Dữ liệu', exact: true }).click();
  await page.getByTestId('import-boundaries').click();
  const wizard = page.getByTestId('boundary-wizard');
  await wizard.getByTestId('boundary-file').setInputFiles({
    name: 'ranh-gioi-thu.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(GEOJSON, 'utf8'),
  });
  await wizard.getByTestId('boundary-set-name').fill('Ranh giới thử');
  await wizard.getByRole('button', { name: 'Lưu bộ ranh giới' }).click();
  const credit = 'Ranh giới đã nhập: Ranh giới thử (ranh-gioi-thu.geojson).';
  await expect(page.getByTestId('user-boundary-credit')).toHaveText(credit);
  await mapSettled(page);

  await page.getByTestId('meeting-toggle').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-png').click(),
  ]);
  const bytes = await readFile((await download.path())!);
  // The credits drawn under the map are the footer's lines, carried in an iTXt chunk as well.
  const footer = await page.getByTestId('credits').locator('p').allInnerTexts();
  expect(footer).toHaveLength(3);
  expect(footer[2]).toBe(credit);
  const chunk = Buffer.from(`Copyright\0\0\0vi\0\0${footer.join('\n')}`, 'utf8');
  expect(bytes.includes(chunk)).toBe(true);
});
