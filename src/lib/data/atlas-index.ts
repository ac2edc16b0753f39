/**
 * `generated/atlas.json`, written by the data build: the one small file a returning visit
 * fetches to learn whether boundaries or built-in datasets changed.
 */
export interface BoundarySourceCredit {
  id: string;
  title: string;
  licence: string;
  attribution: string;
}

export interface BoundaryManifest {
  schema: 1;
  vintage: '2019-districts';
  inputHash: string;
  contentHash: string;
  file: string;
  bytes: number;
  gzipBytes: number;
  counts: { provinces: number; districts: number };
  provinces: { code: string; name: string; source: 'gis' | 'gis-extra' | 'missing'; districts: number }[];
  warnings: string[];
  notInCodeList: string[];
  missingFromBoundaries: string[];
  sources: BoundarySourceCredit[];
}

export interface AtlasIndex {
  schema: 1;
  boundaries: BoundaryManifest;
  datasets: { file: string; contentHash: string; bytes: number };
}
