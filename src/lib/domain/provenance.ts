import type { DatasetKind } from './dataset.ts';

/** Every kind a dataset may declare, in the order the legend explains them. */
export const DATASET_KINDS: readonly DatasetKind[] = ['review', 'plan', 'survey', 'scenario'];

/**
 * How the map marks values of each provenance over their class colour. Reviews, the programme's
 * own measured results, stay plain; targets, survey estimates and projections carry a pattern,
 * so colour is never the only sign of where a value comes from.
 */
export type ProvenanceMark = 'none' | 'dots' | 'grid' | 'lines';

export const PROVENANCE_MARKS: Readonly<Record<DatasetKind, ProvenanceMark>> = {
  review: 'none',
  plan: 'dots',
  survey: 'grid',
  scenario: 'lines',
};

export function isDatasetKind(value: unknown): value is DatasetKind {
  return typeof value === 'string' && (DATASET_KINDS as readonly string[]).includes(value);
}

/** The declared kind, or an error naming the bad value and the ones allowed. */
export function parseDatasetKind(value: unknown): DatasetKind {
  if (isDatasetKind(value)) return value;
  throw new TypeError(
    `kind must be one of ${DATASET_KINDS.join(', ')}; got ${JSON.stringify(value) ?? 'nothing'}`,
  );
}

/**
 * Where the mapped values come from: a scenario's projection while one is drawn over the map,
 * otherwise the dataset's own kind (null when no dataset is shown).
 */
export function mapProvenance(
  datasetKind: DatasetKind | null | undefined,
  showsScenario: boolean,
): DatasetKind | null {
  if (showsScenario) return 'scenario';
  return datasetKind ?? null;
}
