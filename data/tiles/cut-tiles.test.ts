import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { describe, expect, it } from 'vitest';
import type { MapFeatures } from '../../src/lib/data/boundary-topology.ts';
import { readTileBundle, UNITS_LAYER } from '../../src/lib/data/tile-bundle.ts';
import { BOUNDARY_SETS } from '../../src/lib/domain/boundary-sets.ts';
import { labelTileZooms } from './build-tiles.ts';
import { cutTileBundle, tileOf } from './cut-tiles.ts';

/** Two districts side by side in one province, with their label points (around Tuyên Quang). */
const FEATURES: MapFeatures = {
  type: 'FeatureCollection',
  features: [
    square('district', '070', 105.0, 21.8),
    square('district', '071', 105.2, 21.8),
    square('province', '08', 105.0, 21.8, 0.4),
    point('district-label', '070', 105.1, 21.9),
    point('district-label', '071', 105.3, 21.9),
    point('province-label', '08', 105.2, 21.9),
  ],
};

function square(role: 'district' | 'province', code: string, lon: number, lat: number, size = 0.2) {
  const ring = [
    [lon, lat],
    [lon + size, lat],
    [lon + size, lat + size],
    [lon, lat + size],
    [lon, lat],
  ];
  const stateId = role === 'province' ? `p${code}` : code;
  return {
    type: 'Feature' as const,
    geometry: { type: 'Polygon' as const, coordinates: [ring] },
    properties: { role, code, name: `Tên ${code}`, stateId },
  };
}

function point(role: 'district-label' | 'province-label', code: string, lon: number, lat: number) {
  const stateId = role === 'province-label' ? `p${code}` : code;
  return {
    type: 'Feature' as const,
    geometry: { type: 'Point' as const, coordinates: [lon, lat] },
    properties: { role, code, name: `Tên ${code}`, stateId },
  };
}

function decoded(bytes: Uint8Array, z: number, lon: number, lat: number) {
  const bundle = readTileBundle(bytes, 'test');
  const [x, y] = tileOf(lon, lat, z);
  const tile = bundle.tile(z, x, y);
  if (!tile) return [];
  const layer = new VectorTile(new PbfReader(tile)).layers[UNITS_LAYER]!;
  return Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
}

describe('cutting a boundary set into tiles', () => {
  const bytes = cutTileBundle(FEATURES, {
    set: 'test',
    maxzoom: 7,
    tolerance: 3,
    labelMinZoom: { 'province-label': 4, 'district-label': 7 },
  });

  it('writes every level from 0 to the last, each holding the units with their state ids', () => {
    const bundle = readTileBundle(bytes, 'test');
    expect(new Set(bundle.header.tiles.map(([z]) => z))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
    const shapes = decoded(bytes, 7, 105.2, 21.9).filter((p) => !String(p.role).endsWith('label'));
    expect(shapes.map((p) => p.stateId).sort()).toEqual(['070', '071', 'p08']);
  });

  it('keeps names on label points only, and label points only from their first level', () => {
    const at = (z: number) => decoded(bytes, z, 105.2, 21.9);
    expect(at(3).filter((p) => String(p.role).endsWith('label'))).toEqual([]);
    expect(
      at(4)
        .filter((p) => p.role === 'province-label')
        .map((p) => p.name),
    ).toEqual(['Tên 08']);
    expect(at(6).some((p) => p.role === 'district-label')).toBe(false);
    expect(
      at(7)
        .filter((p) => p.role === 'district-label')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Tên 070', 'Tên 071']);
    expect(
      at(7)
        .filter((p) => p.role === 'district')
        .every((p) => p.name === undefined),
    ).toBe(true);
  });

  it('keeps units that must never vanish at every level, however small', () => {
    const island: MapFeatures = {
      type: 'FeatureCollection',
      features: [...FEATURES.features, square('district', '498', 112.0, 16.5, 0.002)],
    };
    const cut = (neverDropped: string[]) =>
      cutTileBundle(island, {
        set: 'test',
        maxzoom: 7,
        tolerance: 3,
        labelMinZoom: {},
        neverDropped,
      });
    const codesAt = (bytes: Uint8Array, z: number) =>
      decoded(bytes, z, 112.001, 16.501).map((p) => p.stateId);
    expect(codesAt(cut([]), 4)).not.toContain('498');
    for (const z of [0, 4, 7]) expect(codesAt(cut(['498']), z)).toContain('498');
  });
});

describe('the built-in tile recipes', () => {
  it('carry each set’s labels from the level below its label layer’s first zoom', () => {
    expect(labelTileZooms('2019', 7)).toEqual({
      'province-label': Math.floor(BOUNDARY_SETS['2019-provinces'].labelMinZoom!),
      'district-label': Math.floor(BOUNDARY_SETS['2019-districts'].labelMinZoom!),
    });
    // Commune labels start past the 2025 bundle's last level: they ride on that level.
    expect(labelTileZooms('2025', 6)['commune-label']).toBe(6);
  });
});
