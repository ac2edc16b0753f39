/**
 * The data build: boundaries derived from the third-party files vendored in `data/sources/` and
 * the committed seed datasets, written into the git-ignored `public/generated/` that the app serves;
 * the national tables of `data/national/` are checked.
 * Usage: `npm run data` (add `-- --force` to rebuild unchanged inputs).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBoundaries2025 } from './boundaries/build-2025.ts';
import { parseAdminUnits } from './boundaries/admin-units.ts';
import { ADMIN_UNITS_FILE, buildBoundaries } from './boundaries/build-boundaries.ts';
import { readSourceFile, readSourceRecords, SOURCES_DIR } from './boundaries/sources.ts';
import { buildSeedDatasets } from './build-datasets.ts';
import { buildTileSets } from './tiles/build-tiles.ts';
import { nationalDatasets, nationalLists, readNationalTables } from './national-tables.ts';
import type { AtlasIndex } from '../src/lib/data/atlas-index.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'public', 'generated');
const force = process.argv.includes('--force');

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, file);
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const { manifest } = await buildBoundaries({
    sourcesDir: SOURCES_DIR,
    outDir,
    force,
    log: (line) => console.log(line),
  });
  for (const warning of manifest.warnings) console.warn(`warning: ${warning}`);
  const boundaries2025 = await buildBoundaries2025({
    sourcesDir: SOURCES_DIR,
    outDir,
    force,
    log: (line) => console.log(line),
  });
  for (const warning of boundaries2025.manifest.warnings) console.warn(`warning 2025: ${warning}`);
  const tiles = await buildTileSets({
    outDir,
    manifest2025: boundaries2025.manifest,
    force,
    log: (line) => console.log(line),
  });

  // The national tables are checked against the GSO code list at every build, so a mistyped code
  // or an impossible rate is refused here, naming its file, row and column.
  const adminFile = path.join(SOURCES_DIR, ADMIN_UNITS_FILE);
  const provinces = parseAdminUnits((await readSourceFile(adminFile)).toString('utf8'), adminFile);
  const national = await readNationalTables(path.join(root, 'data', 'national'), provinces);
  console.log(
    `national tables: ${national.map((t) => `${t.file} (${t.rows.length} rows)`).join(', ')}`,
  );

  const datasets = await buildSeedDatasets(
    path.join(root, 'data', 'seeds'),
    nationalDatasets(national),
  );
  await writeAtomically(path.join(outDir, 'datasets.json'), datasets.text);
  const index: AtlasIndex = {
    schema: 1,
    boundaries: manifest,
    boundaries2025: boundaries2025.manifest,
    tiles,
    datasets: { file: 'datasets.json', contentHash: datasets.hash, bytes: datasets.text.length },
    sources: [...(await readSourceRecords(SOURCES_DIR)).values()],
    designatedLists: nationalLists(national),
  };
  await writeAtomically(path.join(outDir, 'atlas.json'), JSON.stringify(index, null, 2));
  console.log(`datasets: ${datasets.hash.slice(0, 12)} (${datasets.text.length} bytes)`);
}

main().catch((error: unknown) => {
  console.error(`data build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
