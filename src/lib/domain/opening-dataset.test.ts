import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openingDataset } from './opening-dataset.ts';

const dataset = (id: string, year: number, builtIn = true, national = false) => ({
  id,
  year,
  builtIn,
  ...(national ? { national: { poverty_rate: 3.37 } } : {}),
});

describe('openingDataset', () => {
  it('opens on the latest built-in national table, wherever it sits in the list', () => {
    const list = [
      dataset('tuyen-quang-2020-plan', 2020),
      dataset('gso-2016', 2016, true, true),
      dataset('gso-2023', 2023, true, true),
      dataset('imported-2024', 2024, false),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(list, { minLength: list.length }), (shuffled) => {
        expect(openingDataset(shuffled)).toBe('gso-2023');
      }),
    );
  });

  it('never opens on a person’s import as the national map, and falls back to the first dataset', () => {
    const imported = { ...dataset('mine', 2030, false), national: { poverty_rate: 1 } };
    expect(openingDataset([dataset('a', 2020), imported])).toBe('a');
    expect(openingDataset([])).toBeNull();
  });
});
