import { describe, expect, it } from 'vitest';
import { eraOfDataset, mapEraFor } from './era.ts';

describe('eras of datasets and of the map', () => {
  it('reads a dataset without a vintage (stored before eras) as 2019', () => {
    expect(eraOfDataset({ vintage: '2019-districts' })).toBe('2019');
    expect(eraOfDataset({ vintage: '2025-communes' })).toBe('2025');
    expect(eraOfDataset({} as { vintage: '2019-districts' })).toBe('2019');
    expect(eraOfDataset(null)).toBe('2019');
  });

  it('shows a 2019 dataset on either map, a 2025 dataset only on the 2025 map', () => {
    expect(mapEraFor('2019', null)).toBe('2019');
    expect(mapEraFor('2019', '2025')).toBe('2025');
    expect(mapEraFor('2025', '2019')).toBe('2025');
    expect(mapEraFor('2025', null)).toBe('2025');
  });
});
