import { describe, expect, it } from 'vitest';
import {
  DATASET_KINDS,
  PROVENANCE_MARKS,
  isDatasetKind,
  mapProvenance,
  parseDatasetKind,
} from './provenance.ts';

describe('dataset provenance', () => {
  it('accepts the four kinds and nothing else', () => {
    for (const kind of DATASET_KINDS) expect(parseDatasetKind(kind)).toBe(kind);
    expect(isDatasetKind('Plan')).toBe(false);
    expect(() => parseDatasetKind('estimate')).toThrow(/kind must be one of .*got "estimate"/);
    expect(() => parseDatasetKind(undefined)).toThrow(/got nothing/);
  });

  it('marks each kind differently, and only reviews without a pattern', () => {
    const marks = DATASET_KINDS.map((kind) => PROVENANCE_MARKS[kind]);
    expect(new Set(marks).size).toBe(DATASET_KINDS.length);
    expect(DATASET_KINDS.filter((kind) => PROVENANCE_MARKS[kind] === 'none')).toEqual(['review']);
  });

  it('a scenario drawn over the map is a projection, whatever its base dataset', () => {
    expect(mapProvenance('review', true)).toBe('scenario');
    expect(mapProvenance('plan', false)).toBe('plan');
    expect(mapProvenance(null, false)).toBeNull();
  });
});
