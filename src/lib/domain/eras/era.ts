import type { DatasetMetadata } from '../dataset.ts';

/** The two administrative eras: before 1 July 2025 (63 provinces, districts) and after (34, communes). */
export type MapEra = '2019' | '2025';

/** A dataset's era; one stored without a vintage (none should be) is read as 2019. */
export function eraOfDataset(dataset: Pick<DatasetMetadata, 'vintage'> | null | undefined): MapEra {
  return dataset?.vintage === '2025-communes' ? '2025' : '2019';
}

/**
 * The era the map shows. A 2019 dataset can be drawn on the 2025 provinces (its old provinces
 * merged whole into new ones), but 2025 figures cannot be split back into old units.
 */
export function mapEraFor(datasetEra: MapEra, chosen: MapEra | null): MapEra {
  return datasetEra === '2025' ? '2025' : (chosen ?? '2019');
}
