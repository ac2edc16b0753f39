/** What every benchmark reports with: the median of its runs and its budget table. */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A line of a budget table: what is measured, its value, its budget ('' for none), and if met. */
export type BudgetRow = [measure: string, value: string, budget: string, ok: boolean];

export function printBudgetTable(rows: BudgetRow[]): void {
  console.table(
    rows.map(([measure, value, budget, ok]) => ({
      measure,
      value,
      budget,
      ok: budget ? (ok ? 'yes' : 'NO') : '',
    })),
  );
}
