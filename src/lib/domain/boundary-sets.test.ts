import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BOUNDARY_SETS,
  boundarySetOf,
  BoundarySetError,
  setsInTiles,
  userBoundarySet,
} from './boundary-sets.ts';

describe('boundary sets', () => {
  it('name themselves by their key, and every parent is a province set of the same tiles', () => {
    for (const [id, set] of Object.entries(BOUNDARY_SETS)) {
      expect(set.id).toBe(id);
      if (set.parent === null) {
        expect(set.level).toBe('province');
        expect(set.parentKey).toBeNull();
        continue;
      }
      const parent = BOUNDARY_SETS[set.parent as keyof typeof BOUNDARY_SETS];
      expect(parent.level).toBe('province');
      expect(parent.tiles).toBe(set.tiles);
      expect(parent.vintage).toBe(set.vintage);
      expect(set.parentKey).not.toBeNull();
    }
  });

  it('give every dataset level of an era one set, and refuse a level the era has not', () => {
    expect(boundarySetOf({ level: 'district', vintage: '2019-districts' }).id).toBe(
      '2019-districts',
    );
    expect(boundarySetOf({ level: 'province', vintage: '2019-districts' }).id).toBe(
      '2019-provinces',
    );
    expect(boundarySetOf({ level: 'commune', vintage: '2025-communes' }).id).toBe('2025-communes');
    expect(boundarySetOf({ level: 'province', vintage: '2025-communes' }).tiles).toBe('2025');
    // Districts ended on 1 July 2025; the 2019 set has no communes.
    expect(() => boundarySetOf({ level: 'district', vintage: '2025-communes' })).toThrow(
      BoundarySetError,
    );
    expect(() => boundarySetOf({ level: 'commune', vintage: '2019-districts' })).toThrow(
      BoundarySetError,
    );
  });

  it('put a level and its parents in one tile bundle, labels shown larger levels first', () => {
    for (const tiles of ['2019', '2025'] as const) {
      const sets = setsInTiles(tiles);
      expect(sets.map((s) => s.level)).toContain('province');
      const province = sets.find((s) => s.level === 'province')!;
      for (const set of sets)
        expect(set.labelMinZoom!).toBeGreaterThanOrEqual(province.labelMinZoom!);
      expect(new Set(sets.map((s) => s.role)).size).toBe(sets.length);
    }
  });

  it('describe an imported set as a GeoJSON set keyed by the chosen field', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (id, key) => {
        const set = userBoundarySet({
          id,
          level: 'district',
          key,
          source: 'x.geojson',
          licence: 'CC-BY-4.0',
        });
        expect(set.id).toBe(`user:${id}`);
        expect(set.tiles).toBeNull();
        expect(set.key).toBe(key);
      }),
    );
  });
});
