import type { DatasetMetadata } from './dataset.ts';

/**
 * The dataset the atlas opens on: the latest built-in table that covers the whole country (one
 * with the source's own national figure), so a first visit sees every province coloured; failing
 * that, the first dataset. Null when there is none.
 */
export function openingDataset(
  datasets: readonly Pick<DatasetMetadata, 'id' | 'builtIn' | 'national' | 'year'>[],
): string | null {
  const national = datasets
    .filter((d) => d.builtIn && d.national !== undefined)
    .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  return (national[0] ?? datasets[0])?.id ?? null;
}
