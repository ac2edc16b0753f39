import type { Page } from '@playwright/test';
import { boundaryState, expect, openAtlas, test } from './fixtures.ts';

async function mappedValue(page: Page, code: string): Promise<unknown> {
  return (await boundaryState(page, code)).value;
}

test('plan against result opens on the shipped Krông Pa pair: the target as plan, the report as result', async ({
  page,
}) => {
  await openAtlas(page);
  await page.getByTestId('analysis-toggle').click();
  await page.getByTestId('compare-achievement').check();
  // Tuyên Quang's plan is on the map, but no result shares its districts: Krông Pa's pair opens.
  await expect(page.getByTestId('compare-plan')).toHaveValue('krong-pa-2021-plan');
  await expect(page.getByTestId('compare-result')).toHaveValue('krong-pa-2021-report');
  // Only the household target is stated by both (the report gives no rate).
  await expect(page.getByTestId('compare-target')).toHaveValue('poor');

  // A plan is never offered as a result, nor a review as a plan.
  const options = (id: string) =>
    page
      .getByTestId(id)
      .locator('option')
      .evaluateAll((all) => all.map((o) => (o as HTMLOptionElement).value));
  expect(await options('compare-plan')).toEqual(
    expect.arrayContaining(['krong-pa-2021-plan', 'tuyen-quang-2020-plan']),
  );
  expect(await options('compare-plan')).not.toContain('krong-pa-2021-report');
  expect(await options('compare-result')).toContain('krong-pa-2021-report');
  expect(await options('compare-result')).not.toContain('krong-pa-2021-plan');
  expect(await options('compare-result')).not.toContain('tuyen-quang-2020-plan');

  // 677 registered of 702 targeted: 96,4 %.
  await expect
    .poll(async () => Number(await mappedValue(page, '637')))
    .toBeCloseTo((677 / 702) * 100, 6);
  await expect(page.getByTestId('legend').locator('h2')).toContainText('Mức đạt chỉ tiêu');
  // Achievement per unit, listed under the controls.
  const row = page.getByTestId('achievement-table').locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveText(/Huyện Krông Pa\s*702\s*677\s*96,4\s%/);

  const search = page.getByRole('combobox', { name: /Tìm tỉnh, huyện/ });
  await search.fill('krong pa');
  // Not Krông Pắc, which the search also finds.
  await page
    .getByRole('listbox')
    .getByRole('option', { name: /Krông Pa($|[^\p{L}])/u })
    .click();
  await expect(page.getByTestId('unit-comparison')).toHaveText(
    'Huyện Krông Pa đạt 96\u00a0% chỉ tiêu giảm 702 hộ nghèo (đã giảm 677 hộ).',
  );
});
