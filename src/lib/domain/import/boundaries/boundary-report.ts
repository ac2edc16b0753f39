import type { BoundaryProblem } from './boundary-problems.ts';
import type {
  BoundaryProperties,
  BoundaryMatching,
  FeatureMatch,
  FeatureMatchStatus,
} from './match-boundaries.ts';
import type { BoundaryRead } from './read-boundary-file.ts';

/** What the page shows of a read boundary file; the features themselves stay in the worker. */
export interface BoundaryReport {
  file: {
    name: string;
    bytes: number;
    format: BoundaryRead['format'];
    layers: string[];
    layer: string | null;
    encoding: string | null;
  };
  featureCount: number;
  properties: string[];
  settings: BoundaryProperties;
  counts: Record<FeatureMatchStatus, number>;
  /** Every feature's match, in file order. */
  matches: FeatureMatch[];
  problems: BoundaryProblem[];
  errorCount: number;
}

/** Problems listed in full; beyond this only their number is given. */
const LISTED_PROBLEMS = 200;

export function createBoundaryReport(
  file: { name: string; bytes: number },
  read: BoundaryRead,
  settings: BoundaryProperties,
  matching: BoundaryMatching | null,
): BoundaryReport {
  const problems = [...read.problems, ...(matching?.problems ?? [])];
  return {
    file: {
      ...file,
      format: read.format,
      layers: read.layers,
      layer: read.layer,
      encoding: read.encoding,
    },
    featureCount: read.ok ? read.features.length : 0,
    properties: read.ok ? read.properties : [],
    settings,
    counts: matching?.counts ?? { code: 0, name: 0, ambiguous: 0, unmatched: 0 },
    matches: matching?.matches ?? [],
    problems: problems.slice(0, LISTED_PROBLEMS),
    errorCount: problems.filter((p) => p.severity === 'error').length,
  };
}
