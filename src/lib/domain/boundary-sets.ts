import type { DatasetVintage, UnitLevel } from './dataset.ts';

/**
 * Every set of boundaries the atlas draws, described as data: its level and vintage, the key its
 * units are joined on and the set (and key) of their parents, where its label points are shown,
 * which tiles carry it, and whose boundaries they are. The data build cuts tiles from these
 * descriptions and the map's layers read their label zooms from them, so the two agree.
 */

export type BuiltInBoundarySetId =
  '2019-provinces' | '2019-districts' | '2025-provinces' | '2025-communes';
export type BoundarySetId = BuiltInBoundarySetId | `user:${string}`;

export interface BoundarySet {
  id: BoundarySetId;
  level: UnitLevel;
  vintage: DatasetVintage | 'user';
  /** The property every unit is keyed by: the GSO code for built-in sets. */
  key: string;
  /** The set one level up (whose borders are drawn above this one's fill), and the key to it. */
  parent: BoundarySetId | null;
  parentKey: string | null;
  /** The tile bundle (see tile-bundle.ts) the map draws it from; null: a GeoJSON source. */
  tiles: '2019' | '2025' | null;
  /** The `role` of its shapes and of its label points in the tiles. */
  role: UnitLevel;
  labelRole: `${UnitLevel}-label` | null;
  /** The zoom from which its labels are shown. */
  labelMinZoom: number | null;
  /** `data/sources/` folders its shapes come from, and their licence. */
  sources: string[];
  licence: string;
}

const SOURCES_2019 = ['dvhcvn-gis-2019', 'odm-districts-2009'];
const SOURCES_2025 = ['vn-provinces-database-2025'];

export const BOUNDARY_SETS: Readonly<Record<BuiltInBoundarySetId, BoundarySet>> = {
  '2019-provinces': {
    id: '2019-provinces',
    level: 'province',
    vintage: '2019-districts',
    key: 'code',
    parent: null,
    parentKey: null,
    tiles: '2019',
    role: 'province',
    labelRole: 'province-label',
    labelMinZoom: 3.5,
    sources: SOURCES_2019,
    licence: 'GPL-3.0 (Quảng Ninh: CC-BY-SA-4.0)',
  },
  '2019-districts': {
    id: '2019-districts',
    level: 'district',
    vintage: '2019-districts',
    key: 'code',
    parent: '2019-provinces',
    parentKey: 'provinceCode',
    tiles: '2019',
    role: 'district',
    labelRole: 'district-label',
    labelMinZoom: 7.5,
    sources: SOURCES_2019,
    licence: 'GPL-3.0 (Quảng Ninh: CC-BY-SA-4.0)',
  },
  '2025-provinces': {
    id: '2025-provinces',
    level: 'province',
    vintage: '2025-communes',
    key: 'code',
    parent: null,
    parentKey: null,
    tiles: '2025',
    role: 'province',
    labelRole: 'province-label',
    labelMinZoom: 3.5,
    sources: SOURCES_2025,
    licence: 'MIT',
  },
  '2025-communes': {
    id: '2025-communes',
    level: 'commune',
    vintage: '2025-communes',
    key: 'code',
    parent: '2025-provinces',
    parentKey: 'provinceCode',
    tiles: '2025',
    role: 'commune',
    labelRole: 'commune-label',
    labelMinZoom: 8.5,
    sources: SOURCES_2025,
    licence: 'MIT',
  },
};

export class BoundarySetError extends Error {}

/** The built-in set a dataset's units belong to, from its level and vintage. */
export function boundarySetOf(dataset: { level: UnitLevel; vintage: DatasetVintage }): BoundarySet {
  const found = Object.values(BOUNDARY_SETS).find(
    (set) => set.level === dataset.level && set.vintage === dataset.vintage,
  );
  if (!found) {
    throw new BoundarySetError(`no boundary set has ${dataset.level} units of ${dataset.vintage}`);
  }
  return found;
}

/** The built-in sets one tile bundle carries (a unit level and its parents). */
export function setsInTiles(tiles: '2019' | '2025'): BoundarySet[] {
  return Object.values(BOUNDARY_SETS).filter((set) => set.tiles === tiles);
}

/** A set a person imported: drawn from GeoJSON, keyed by the field they chose. */
export function userBoundarySet(record: {
  id: string;
  level: UnitLevel;
  key: string;
  source: string;
  licence: string;
}): BoundarySet {
  return {
    id: `user:${record.id}`,
    level: record.level,
    vintage: 'user',
    key: record.key,
    parent: null,
    parentKey: null,
    tiles: null,
    role: record.level,
    labelRole: null,
    labelMinZoom: null,
    sources: [record.source],
    licence: record.licence,
  };
}
