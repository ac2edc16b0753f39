/**
 * `generated/atlas.json`, written by the data build (`data/build.ts`): the one small file a
 * returning visit fetches to learn whether boundaries or built-in datasets changed. These types
 * are the contract between the data build and the app.
 */
export interface ManifestProvince {
  code: string;
  /** Name in the code list (1 March 2025), e.g. "Tỉnh Tuyên Quang". */
  name: string;
  source: 'gis' | 'gis-extra' | 'missing';
  /** Districts drawn for the province (0 when its source is "missing"). */
  districts: number;
}

export interface ManifestSource {
  id: 'dvhcvn-gis-2019' | 'odm-districts-2009' | 'dvhcvn-codes-2025';
  title: string;
  licence: string;
  attribution: string;
  url: string;
  /** What this build changed, as share-alike and GPL terms ask to state. */
  changes: string;
}

/** A unit whose name in the boundary files differs from the code list's. */
export interface RenamedUnit {
  level: 'province' | 'district';
  code: string;
  boundaryName: string;
  codeListName: string;
}

export interface SimplificationSummary {
  method: string;
  minWeight: number;
  weightUnit: string;
  quantization: number;
  minRingVertices: number;
  pointsBefore: number;
  pointsAfter: number;
  arcs: number;
  protectedRings: number;
  droppedRings: number;
}

export interface BoundaryManifest {
  schema: 1;
  vintage: '2019-districts';
  /** sha256 of the inputs and of this build's code: unchanged means nothing to rebuild. */
  inputHash: string;
  /** sha256 of the topojson text. */
  contentHash: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  counts: { provinces: number; districts: number };
  provinces: ManifestProvince[];
  warnings: string[];
  /** District codes drawn from the 2019 boundaries that the 2025 code list no longer has. */
  notInCodeList: string[];
  /** District codes of the 2025 code list that have no 2019 boundary. */
  missingFromBoundaries: string[];
  renamed: RenamedUnit[];
  /** Corrections made to the source geometry, one line each. */
  repairs: string[];
  sources: ManifestSource[];
  simplification: SimplificationSummary;
}

export interface AtlasIndex {
  schema: 1;
  boundaries: BoundaryManifest;
  datasets: { file: string; contentHash: string; bytes: number };
}
