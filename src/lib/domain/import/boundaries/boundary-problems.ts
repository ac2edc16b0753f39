import { MESSAGES } from '../../../i18n/message-tables.ts';
import type { Locale, MessageKey } from '../../../i18n/messages.ts';
import { formatNumber } from '../../../scales/format.ts';

/**
 * What is wrong with a boundary file, naming the feature (1-based, as GIS tools number them) and
 * the property when there is one. Errors refuse the whole file; warnings are shown and kept.
 */
export const BOUNDARY_PROBLEM_KINDS = [
  'empty-file',
  'file-too-large',
  'unknown-format',
  'not-json',
  'not-feature-collection',
  'no-features',
  'too-many-features',
  'too-many-vertices',
  'no-geometry',
  'geometry-type',
  'empty-geometry',
  'bad-coordinates',
  'bad-ring',
  'self-intersection',
  'hole-outside',
  'rewound',
  'zip-too-large',
  'json-too-deep',
  'duplicate-key',
  'projected',
  'swapped',
  'outside-vietnam',
  'topojson-invalid',
  'topojson-no-object',
  'zip-unreadable',
  'shapefile-missing',
  'shapefile-part-missing',
  'shapefile-corrupt',
  'dbf-corrupt',
  'record-count-mismatch',
  'encoding-unsupported',
  'encoding-undeclared',
  'datum-not-wgs84',
  'no-prj',
  'duplicate-match',
  'unreadable',
] as const;

export type BoundaryProblemKind = (typeof BOUNDARY_PROBLEM_KINDS)[number];
export type BoundaryProblemParams = Record<string, string | number>;

export interface BoundaryProblem {
  severity: 'error' | 'warning';
  kind: BoundaryProblemKind;
  /** 1-based feature number, or null when the problem is the file's. */
  feature: number | null;
  property: string | null;
  params: BoundaryProblemParams;
  /** English text, for logs and tests; screens use `boundaryProblemText`. */
  message: string;
}

const TEMPLATE: Record<BoundaryProblemKind, MessageKey> = {
  'empty-file': 'bnd_emptyFile',
  'file-too-large': 'bnd_fileTooLarge',
  'unknown-format': 'bnd_unknownFormat',
  'not-json': 'bnd_notJson',
  'not-feature-collection': 'bnd_notFeatureCollection',
  'no-features': 'bnd_noFeatures',
  'too-many-features': 'bnd_tooManyFeatures',
  'too-many-vertices': 'bnd_tooManyVertices',
  'no-geometry': 'bnd_noGeometry',
  'geometry-type': 'bnd_geometryType',
  'empty-geometry': 'bnd_emptyGeometry',
  'bad-coordinates': 'bnd_badCoordinates',
  'bad-ring': 'bnd_badRing',
  'self-intersection': 'bnd_selfIntersection',
  'hole-outside': 'bnd_holeOutside',
  rewound: 'bnd_rewound',
  'zip-too-large': 'bnd_zipTooLarge',
  'json-too-deep': 'bnd_jsonTooDeep',
  'duplicate-key': 'bnd_duplicateKey',
  projected: 'bnd_projected',
  swapped: 'bnd_swapped',
  'outside-vietnam': 'bnd_outsideVietnam',
  'topojson-invalid': 'bnd_topojsonInvalid',
  'topojson-no-object': 'bnd_topojsonNoObject',
  'zip-unreadable': 'bnd_zipUnreadable',
  'shapefile-missing': 'bnd_shapefileMissing',
  'shapefile-part-missing': 'bnd_shapefilePartMissing',
  'shapefile-corrupt': 'bnd_shapefileCorrupt',
  'dbf-corrupt': 'bnd_dbfCorrupt',
  'record-count-mismatch': 'bnd_recordCountMismatch',
  'encoding-unsupported': 'bnd_encodingUnsupported',
  'encoding-undeclared': 'bnd_encodingUndeclared',
  'datum-not-wgs84': 'bnd_datumNotWgs84',
  'no-prj': 'bnd_noPrj',
  'duplicate-match': 'bnd_duplicateMatch',
  unreadable: 'bnd_unreadable',
};

export function createBoundaryProblem(
  severity: 'error' | 'warning',
  kind: BoundaryProblemKind,
  where: { feature?: number | null; property?: string | null } = {},
  params: BoundaryProblemParams = {},
): BoundaryProblem {
  const feature = where.feature ?? null;
  const property = where.property ?? null;
  return {
    severity,
    kind,
    feature,
    property,
    params,
    message: boundaryProblemText({ kind, feature, property, params }, 'en'),
  };
}

/** A file-level error that stops reading; the reader's caller turns it into the report. */
export class BoundaryFileError extends Error {
  override name = 'BoundaryFileError';
  constructor(readonly problem: BoundaryProblem) {
    super(problem.message);
  }
}

export function fail(
  kind: BoundaryProblemKind,
  params: BoundaryProblemParams = {},
  where: { feature?: number | null; property?: string | null } = {},
): never {
  throw new BoundaryFileError(createBoundaryProblem('error', kind, where, params));
}

/** The problem in the reader's language, prefixed with where it is. */
export function boundaryProblemText(
  problem: Pick<BoundaryProblem, 'kind' | 'feature' | 'property' | 'params'>,
  locale: Locale,
): string {
  const messages = MESSAGES[locale];
  const text = messages[TEMPLATE[problem.kind]].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = problem.params[key];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale) : value;
  });
  const where = [
    problem.feature !== null ? messages.bnd_feature.replace('{n}', String(problem.feature)) : '',
    problem.property !== null ? messages.bnd_property.replace('{name}', problem.property) : '',
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${text}` : text;
}
