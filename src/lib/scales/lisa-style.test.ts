import { describe, expect, it } from 'vitest';
import type { LisaCategory } from '../domain/spatial/moran.ts';
import {
  LISA_COLORS,
  LISA_OUTLINED,
  LISA_PATTERNED,
  lisaFillColor,
  lisaFilter,
  lisaPatternImage,
} from './lisa-style.ts';

const categories = new Map<string, LisaCategory>([
  ['001', 'high-high'],
  ['002', 'high-high'],
  ['003', 'low-low'],
  ['004', 'low-high'],
  ['005', 'not-significant'],
  ['006', 'no-neighbours'],
  ['007', 'no-data'],
]);

describe('LISA map styling', () => {
  it('colours each drawn category by code, transparent otherwise', () => {
    expect(lisaFillColor(categories)).toEqual([
      'match',
      ['get', 'code'],
      ['001', '002'],
      LISA_COLORS['high-high'],
      ['003'],
      LISA_COLORS['low-low'],
      ['004'],
      LISA_COLORS['low-high'],
      ['005'],
      LISA_COLORS['not-significant'],
      ['006'],
      LISA_COLORS['no-neighbours'],
      'rgba(0, 0, 0, 0)',
    ]);
  });

  it('gives a constant when there is nothing to match (MapLibre refuses an empty match)', () => {
    expect(lisaFillColor(new Map())).toBe('rgba(0, 0, 0, 0)');
    expect(lisaPatternImage(new Map(), (mark) => mark)).toBe('dots');
  });

  it('filters districts to their categories; "no data" is never drawn', () => {
    expect(lisaFilter(categories)).toEqual([
      'all',
      ['==', ['get', 'role'], 'district'],
      ['in', ['get', 'code'], ['literal', ['001', '002', '003', '004', '005', '006']]],
    ]);
    expect(lisaFilter(categories, LISA_OUTLINED)).toEqual([
      'all',
      ['==', ['get', 'role'], 'district'],
      ['in', ['get', 'code'], ['literal', ['001', '002', '003']]],
    ]);
  });

  it('patterns cold spots, outliers and units without neighbours, each its own mark', () => {
    expect(LISA_PATTERNED).toEqual(['low-low', 'high-low', 'low-high', 'no-neighbours']);
    expect(lisaPatternImage(categories, (mark) => `lisa-${mark}`)).toEqual([
      'match',
      ['get', 'code'],
      ['003'],
      'lisa-dots',
      ['004'],
      'lisa-stripes-down',
      ['006'],
      'lisa-crosses',
      'lisa-dots',
    ]);
  });
});
