import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { UnitLevel } from '../../dataset.ts';
import { guessColumns } from '../columns.ts';
import { cellText } from '../numbers.ts';
import type { UnitMatcher } from '../unit-names.ts';
import type { BoundaryFeature, PropertyValue } from './boundary-geometry.ts';
import { createBoundaryProblem, type BoundaryProblem } from './boundary-problems.ts';

/** Which properties hold each feature's code, name and province; the person corrects guesses. */
export interface BoundaryProperties {
  code: string | null;
  name: string | null;
  province: string | null;
}

export type FeatureMatchStatus = 'code' | 'name' | 'ambiguous' | 'unmatched';

export interface FeatureMatch {
  /** 1-based, as in the problems. */
  feature: number;
  code: string;
  name: string;
  status: FeatureMatchStatus;
  unit: { code: string; name: string; level: UnitLevel } | null;
}

export interface BoundaryMatching {
  matches: FeatureMatch[];
  counts: Record<FeatureMatchStatus, number>;
  /** Districts matched by more than one feature (warnings: both are kept). */
  problems: BoundaryProblem[];
}

const text = (value: PropertyValue | undefined) => cellText(value ?? null);

/**
 * Guesses the code, name and province properties the way the table import guesses columns —
 * from the property names (`MA_HUYEN`, `Ten_Huyen`, `district_code`…) and, failing that, from
 * values that are unit codes or names.
 */
export function guessBoundaryProperties(
  properties: readonly string[],
  features: readonly BoundaryFeature[],
  matcher: UnitMatcher,
): BoundaryProperties {
  const rows = features.slice(0, 200).map((f) => properties.map((p) => f.properties[p] ?? null));
  const roles = guessColumns(properties, rows, matcher);
  const find = (role: string) => {
    const index = roles.indexOf(role as (typeof roles)[number]);
    return index >= 0 ? properties[index]! : null;
  };
  return { code: find('code'), name: find('name'), province: find('province') };
}

/**
 * Matches every feature to a 2019 unit by code, else by name within its province, preferring
 * districts. Unmatched features stay in the set: they are drawn as outlines only.
 */
export function matchBoundaries(
  features: readonly BoundaryFeature[],
  properties: BoundaryProperties,
  matcher: UnitMatcher,
): BoundaryMatching {
  const counts: Record<FeatureMatchStatus, number> = {
    code: 0,
    name: 0,
    ambiguous: 0,
    unmatched: 0,
  };
  const firstByUnit = new Map<string, number>();
  const problems: BoundaryProblem[] = [];
  const matches = features.map((feature, i): FeatureMatch => {
    const code = properties.code ? text(feature.properties[properties.code]) : '';
    const name = properties.name ? text(feature.properties[properties.name]) : '';
    const provinceText = properties.province ? text(feature.properties[properties.province]) : '';
    const provinceCode = provinceText ? (matcher.province(provinceText)?.code ?? null) : null;
    const found = matcher.match({ code, name, provinceCode, preferLevel: 'district' });
    const status: FeatureMatchStatus =
      found.status === 'code' || found.status === 'name' || found.status === 'ambiguous'
        ? found.status
        : 'unmatched';
    counts[status] += 1;
    const unit = found.unit && status !== 'ambiguous' ? found.unit : null;
    if (unit) {
      const key = `${unit.level}:${unit.code}`;
      const other = firstByUnit.get(key);
      if (other === undefined) firstByUnit.set(key, i + 1);
      else {
        problems.push(
          createBoundaryProblem(
            'warning',
            'duplicate-match',
            { feature: i + 1 },
            {
              unit: unit.name,
              other,
            },
          ),
        );
      }
    }
    return {
      feature: i + 1,
      code,
      name,
      status,
      unit: unit ? { code: unit.code, name: unit.name, level: unit.level } : null,
    };
  });
  return { matches, counts, problems };
}

/** Properties of a stored feature: what the map and its tooltip need, nothing else. */
export interface StoredBoundaryProperties {
  name: string;
  code: string;
  /** The matched district's code, so the current dataset's values can colour it. */
  districtCode: string | null;
}

/** The set as stored: one FeatureCollection, ids in file order for MapLibre's feature-state. */
export function createBoundaryCollection(
  features: readonly BoundaryFeature[],
  matching: BoundaryMatching,
): FeatureCollection<Polygon | MultiPolygon, StoredBoundaryProperties> {
  return {
    type: 'FeatureCollection',
    features: features.map((feature, i) => {
      const match = matching.matches[i];
      const unit = match?.unit;
      return {
        type: 'Feature',
        id: i,
        geometry: feature.geometry,
        properties: {
          name: match?.name || unit?.name || '',
          code: match?.code ?? '',
          districtCode: unit?.level === 'district' ? unit.code : null,
        },
      };
    }),
  };
}
