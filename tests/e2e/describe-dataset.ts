import type { Locator } from 'playwright-core';

/** What a planner says of an imported table in the wizard's last step. */
export interface Description {
  title: string;
  source?: string;
  standard?: '2016-2020' | '2022-2025' | 'other';
  kind?: 'plan' | 'review' | 'survey';
  year?: number;
}

/**
 * Fills the import wizard's last step — title, source, standard, kind and year, none of which is
 * guessed — and saves. Shared by the browser tests and the import benchmark.
 */
export async function describeAndSave(
  wizard: Locator,
  {
    title,
    source = 'Báo cáo kết quả rà soát hộ nghèo (thử nghiệm)',
    standard = '2022-2025',
    kind = 'review',
    year = 2024,
  }: Description,
): Promise<void> {
  await wizard.getByTestId('dataset-title').fill(title);
  await wizard.getByTestId('document-title').fill(source);
  await wizard.getByTestId('dataset-standard').selectOption(standard);
  await wizard.getByTestId('dataset-kind').selectOption(kind);
  await wizard.getByRole('spinbutton', { name: /^(Năm|Year)/ }).fill(String(year));
  await wizard.getByRole('button', { name: /^(Lưu bộ dữ liệu|Save dataset)$/ }).click();
}
