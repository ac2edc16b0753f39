/**
 * The data build: boundaries from ../shared (third-party, never committed) and the committed seed
 * datasets, written into the git-ignored `public/generated/` that the app serves.
 * Usage: `npm run data` (add `-- --force` to rebuild unchanged inputs).
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBoundaries2025 } from './boundaries/build-2025.ts';
import { buildBoundaries } from './boundaries/build-boundaries.ts';
import { buildSeedDatasets } from './build-datasets.ts';
import type { AtlasIndex } from '../src/lib/data/atlas-index.ts';

const root = path.resolve(import.meta.dirname, '..');
const sharedDir = path.resolve(process.env.ATLAS_SHARED_DIR ?? path.join(root, '..', 'shared'));
const outDir = path.join(root, 'public', 'generated');
const force = process.argv.includes('--force');

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(sharedDir, 'boundaries'))) {
    throw new Error(
      `no boundary data at ${sharedDir}/boundaries — put the shared folder beside the project or set ATLAS_SHARED_DIR`,
    );
  }
  await mkdir(outDir, { recursive: true });
  const { manifest } = await buildBoundaries({
    sharedDir,
    outDir,
    force,
    log: (line) => console.log(line),
  });
  for (const warning of manifest.warnings) console.warn(`warning: ${warning}`);
  const boundaries2025 = await buildBoundaries2025({
    sharedDir,
    outDir,
    force,
    log: (line) => console.log(line),
  });
  for (const warning of boundaries2025.manifest.warnings) console.warn(`warning 2025: ${warning}`);

  const datasets = await buildSeedDatasets(path.join(root, 'data', 'seeds'));
  await writeAtomically(path.join(outDir, 'datasets.json'), datasets.text);
  const index: AtlasIndex = {
    schema: 1,
    boundaries: manifest,
    boundaries2025: boundaries2025.manifest,
    datasets: { file: 'datasets.json', contentHash: datasets.hash, bytes: datasets.text.length },
  };
  await writeAtomically(path.join(outDir, 'atlas.json'), JSON.stringify(index, null, 2));
  console.log(`datasets: ${datasets.hash.slice(0, 12)} (${datasets.text.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(`data build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
