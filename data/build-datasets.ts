import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetBundle, DatasetMetadata } from '../src/lib/domain/dataset.ts';
import { INDICATOR_IDS } from '../src/lib/domain/indicators.ts';
import { readPlanTable } from '../src/lib/domain/plan-table.ts';
import { parseDatasetKind } from '../src/lib/domain/provenance.ts';
import { checkProgrammeLines } from '../src/lib/domain/scenario/programme-budget.ts';

/** The built-in datasets: committed figures in `data/seeds/`, each CSV beside its `.meta.json`. */
export interface DatasetsFile {
  schema: 1;
  datasets: DatasetBundle[];
}

export class SeedDatasetError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/**
 * The seed datasets, then any already built elsewhere (the national tables), as one file with
 * its content hash.
 */
export async function buildSeedDatasets(
  seedDir: string,
  more: readonly DatasetBundle[] = [],
): Promise<{ text: string; hash: string }> {
  const metaFiles = (await readdir(seedDir)).filter((name) => name.endsWith('.meta.json')).sort();
  const datasets: DatasetBundle[] = [];
  for (const metaFile of metaFiles) {
    const metaPath = path.join(seedDir, metaFile);
    const csvPath = metaPath.replace(/\.meta\.json$/, '.csv');
    let meta: Omit<DatasetMetadata, 'builtIn' | 'warnings' | 'indicators'>;
    try {
      meta = JSON.parse(await readFile(metaPath, 'utf8'));
    } catch (error) {
      throw new SeedDatasetError(metaPath, `cannot read metadata (${(error as Error).message})`);
    }
    try {
      // The map marks values by provenance, so a seed must say what kind of source it is.
      parseDatasetKind(meta.kind);
    } catch (error) {
      throw new SeedDatasetError(metaPath, (error as Error).message);
    }
    const csv = await readFile(csvPath, 'utf8').catch((error: Error) => {
      throw new SeedDatasetError(csvPath, `cannot read figures (${error.message})`);
    });
    const metadata: DatasetMetadata = { ...meta, indicators: [], builtIn: true, warnings: [] };
    const { bundle, problems } = readPlanTable(csv, metadata);
    const errors = problems.filter((problem) => problem.severity === 'error');
    if (errors.length > 0) {
      const lines = errors.map((e) => `row ${e.row}, column ${e.column}: ${e.message}`);
      throw new SeedDatasetError(csvPath, lines.join('; '));
    }
    bundle.metadata.warnings = problems.map(({ row, column, message, kind, params }) => ({
      row,
      column,
      message,
      kind,
      params,
    }));
    const present = new Set(bundle.observations.map((o) => o.indicator));
    if (meta.programmes !== undefined) {
      const lines = checkProgrammeLines(meta.programmes, present);
      if (lines.length > 0) throw new SeedDatasetError(metaPath, lines.join('; '));
    }
    bundle.metadata.indicators = INDICATOR_IDS.filter((id) => present.has(id));
    datasets.push(bundle);
  }
  const file: DatasetsFile = { schema: 1, datasets: [...datasets, ...more] };
  const text = JSON.stringify(file);
  return { text, hash: createHash('sha256').update(text).digest('hex') };
}
