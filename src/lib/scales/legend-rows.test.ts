import { describe, expect, it } from 'vitest';
import type { ChoroplethClasses } from './choropleth.ts';
import { legendRows } from './legend-rows.ts';

const classes: ChoroplethClasses = {
  method: 'policy',
  thresholds: [5, 10.5],
  colors: ['#111111', '#222222', '#333333'],
  counts: [1, 4, 2],
  min: 0.57,
  max: 36.03,
};

describe('legendRows', () => {
  it('gives open first and last classes and half-open middle ones, in Vietnamese format', () => {
    expect(legendRows(classes, 'percent', 'vi')).toEqual([
      { color: '#111111', range: '< 5', count: 1 },
      { color: '#222222', range: '5 – < 10,50', count: 4 },
      { color: '#333333', range: '≥ 10,50', count: 2 },
    ]);
  });

  it('uses English separators in English', () => {
    expect(legendRows(classes, 'percent', 'en')[1]!.range).toBe('5 – < 10.50');
  });

  it('shows the whole range when there is a single class', () => {
    const single = { ...classes, thresholds: [], colors: ['#111111'], counts: [7] };
    expect(legendRows(single, 'households', 'vi')).toEqual([
      { color: '#111111', range: '1 – 36', count: 7 },
    ]);
  });
});
