import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildSeedDatasets, type DatasetsFile } from './build-datasets.ts';

const SEEDS = path.join(import.meta.dirname, 'seeds');
let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function seedWithKind(kind: unknown): Promise<string> {
  dir = await mkdtemp(path.join(tmpdir(), 'seeds-'));
  const id = 'rach-gia-2022-review';
  const meta = JSON.parse(await readFile(path.join(SEEDS, `${id}.meta.json`), 'utf8'));
  await writeFile(path.join(dir, `${id}.meta.json`), JSON.stringify({ ...meta, kind }));
  await copyFile(path.join(SEEDS, `${id}.csv`), path.join(dir, `${id}.csv`));
  return dir;
}

describe('seed provenance', () => {
  it('every built-in dataset declares a known kind, kept in datasets.json', async () => {
    const { text } = await buildSeedDatasets(SEEDS);
    const { datasets } = JSON.parse(text) as DatasetsFile;
    const kinds = new Map(datasets.map((d) => [d.metadata.id, d.metadata.kind]));
    expect(kinds.get('tuyen-quang-2020-plan')).toBe('plan');
    expect(kinds.get('rach-gia-2022-review')).toBe('review');
  });

  it('a seed with an unknown kind stops the build, naming the file and the value', async () => {
    const folder = await seedWithKind('estimate');
    await expect(buildSeedDatasets(folder)).rejects.toThrow(
      /rach-gia-2022-review\.meta\.json: kind must be one of .*"estimate"/,
    );
  });

  it('a seed without a kind stops the build', async () => {
    const folder = await seedWithKind(undefined);
    await expect(buildSeedDatasets(folder)).rejects.toThrow(/kind must be one of/);
  });
});

describe('budget programme lines', () => {
  const id = 'tuyen-quang-2020-budget';

  it('reach datasets.json with the budget', async () => {
    const { text } = await buildSeedDatasets(SEEDS);
    const { datasets } = JSON.parse(text) as DatasetsFile;
    const budget = datasets.find((d) => d.metadata.id === id)!;
    expect(budget.metadata.programmes?.map((p) => [p.indicator, p.eligible])).toEqual([
      ['budget_p1', 'poor-district'],
      ['budget_p2', 'all'],
      ['budget_p3', 'all'],
      ['budget_p4', 'all'],
      ['budget_p5', 'all'],
    ]);
  });

  it('stop the build when a line names a figure the CSV does not have', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'seeds-'));
    const meta = JSON.parse(await readFile(path.join(SEEDS, `${id}.meta.json`), 'utf8'));
    meta.programmes[4].indicator = 'budget_p1_investment';
    meta.programmes[3].eligible = 'poor-commune';
    await writeFile(path.join(dir, `${id}.meta.json`), JSON.stringify(meta));
    await copyFile(path.join(SEEDS, `${id}.csv`), path.join(dir, `${id}.csv`));
    await expect(buildSeedDatasets(dir)).rejects.toThrow(
      /budget\.meta\.json: programmes\[3\]\.eligible: .*; programmes\[4\]\.indicator: budget_p1_investment is not one of/,
    );
  });
});
