import { decodeText } from '../raw-table.ts';
import {
  BOUNDARY_LIMITS,
  validateFeatures,
  type BoundaryFeature,
  type BoundaryLimits,
} from './boundary-geometry.ts';
import {
  BoundaryFileError,
  createBoundaryProblem,
  fail,
  type BoundaryProblem,
} from './boundary-problems.ts';
import { isTopology, parseJson, readGeoJson, readTopoJson } from './read-json-boundaries.ts';
import { readZippedShapefile } from './read-shapefile.ts';

export type BoundaryFormat = 'geojson' | 'topojson' | 'shapefile';

interface BoundaryFileInfo {
  format: BoundaryFormat | null;
  /** TopoJSON objects or the Shapefiles of a zip; empty for GeoJSON. */
  layers: string[];
  layer: string | null;
  encoding: string | null;
}

/** Either every feature, with the file's warnings, or the errors that refuse the file. */
export type BoundaryRead =
  | (BoundaryFileInfo & {
      ok: true;
      features: BoundaryFeature[];
      /** Property names in order of first appearance. */
      properties: string[];
      problems: BoundaryProblem[];
    })
  | (BoundaryFileInfo & { ok: false; problems: BoundaryProblem[] });

/**
 * Reads a boundary file — GeoJSON, TopoJSON or a zipped Shapefile — all or nothing. It never
 * throws: whatever the bytes, the answer is the features or the problems that refuse them.
 */
export function readBoundaryFile(
  name: string,
  bytes: Uint8Array,
  options: { layer?: string | null; limits?: BoundaryLimits } = {},
): BoundaryRead {
  const limits = options.limits ?? BOUNDARY_LIMITS;
  const info: BoundaryFileInfo = { format: null, layers: [], layer: null, encoding: null };
  try {
    if (bytes.length === 0) fail('empty-file');
    if (bytes.length > limits.maxBytes) {
      fail('file-too-large', {
        size: Math.ceil(bytes.length / 1024 / 1024),
        limit: limits.maxBytes / 1024 / 1024,
      });
    }
    let read;
    let warnings: BoundaryProblem[] = [];
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
      info.format = 'shapefile';
      const shapefile = readZippedShapefile(bytes, options.layer ?? null);
      info.encoding = shapefile.encoding;
      warnings = shapefile.warnings;
      read = shapefile;
    } else {
      if (/\.(shp|dbf|shx)$/i.test(name)) fail('unknown-format');
      const { text, encoding } = decodeText(bytes);
      info.encoding = encoding;
      const data = parseJson(text);
      info.format = isTopology(data) ? 'topojson' : 'geojson';
      read = isTopology(data) ? readTopoJson(data, options.layer ?? null) : readGeoJson(data);
    }
    info.layers = read.layers;
    info.layer = read.layer;
    const { features, problems, rewound } = validateFeatures(read.features, limits);
    if (problems.length > 0) return { ...info, ok: false, problems };
    if (rewound > 0) warnings.push(createBoundaryProblem('warning', 'rewound', {}, { n: rewound }));
    return { ...info, ok: true, features, properties: propertyNames(features), problems: warnings };
  } catch (error) {
    const problem =
      error instanceof BoundaryFileError
        ? error.problem
        : createBoundaryProblem(
            'error',
            'unreadable',
            {},
            {
              detail: error instanceof Error ? error.message : String(error),
            },
          );
    return { ...info, ok: false, problems: [problem] };
  }
}

function propertyNames(features: readonly BoundaryFeature[]): string[] {
  const names = new Set<string>();
  for (const feature of features) for (const key of Object.keys(feature.properties)) names.add(key);
  return [...names];
}
