import type { DesignatedList } from '../domain/priority/designated-lists.ts';

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

/** The licences of the data sources (SPDX identifiers); the open-data page states each one's terms. */
export type LicenceId = 'GPL-3.0' | 'CC-BY-SA-4.0' | 'MIT';

/** How a data source is credited wherever its data is shown (map, PNG, print, open-data page). */
export interface SourceCredit {
  id: string;
  title: string;
  /** An SPDX identifier, or how the source states its terms when it has none. */
  licence: string;
  attribution: string;
  url: string;
  /** What this build changed, as share-alike and GPL terms ask to state. */
  changes: string;
}

/** One folder of `data/sources/`, as its `source.json` describes it. */
export interface DataSource extends SourceCredit {
  /** The files in the repository are always under a licence whose terms the atlas states. */
  licence: LicenceId;
  what: { vi: string; en: string };
  /** Upstream version, commit or date of the copy in the repository. */
  version: string;
  /** Files of `dist/` that derive from this source (and so keep its licence). */
  derived: string[];
  /** Sources this one derives from that have no files in the repository but are credited too. */
  upstream?: SourceCredit[];
}

export interface ManifestSource extends SourceCredit {
  id: 'dvhcvn-gis-2019' | 'odm-districts-2009' | 'dvhcvn-codes-2025';
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

/** One generated file of the 2025 boundary set, as served. */
export interface GeneratedFile {
  file: string;
  contentHash: string;
  bytes: number;
  gzipBytes: number;
}

/** A boundary set's vector tiles, one bundle file (see tile-bundle.ts). */
export interface TileSetFile extends GeneratedFile {
  /** sha256 of the topologies and the tiling code it was cut from: unchanged means not re-cut. */
  inputHash: string;
}

export interface Manifest2025Province {
  code: string;
  /** With its type, e.g. "Tỉnh Tuyên Quang". */
  name: string;
  nameEn: string;
  /** Codes of the old (pre-2025) provinces merged whole into this one. */
  from: string[];
  /** The province's commune file, fetched when the province is opened. */
  communes: GeneratedFile & { count: number };
}

export interface Source2025 extends SourceCredit {
  id: 'vn-provinces-database-2025' | 'sapnhap-bando-2025' | 'dvhcvn-crosswalk-2025';
}

/**
 * The units after 1 July 2025 (34 provinces, 3,321 communes and wards, no districts) and the
 * crosswalk to the earlier units.
 */
export interface Boundary2025Manifest {
  schema: 1;
  vintage: '2025-communes';
  inputHash: string;
  provincesFile: GeneratedFile;
  crosswalk: GeneratedFile;
  counts: { provinces: number; communes: number };
  provinces: Manifest2025Province[];
  /** Codes the crosswalk spells differently from the wards file (Xã Ba Chẽ 06970 / 06978). */
  codeAliases: {
    crosswalkCode: string;
    boundaryCode: string;
    name: string;
    provinceCode: string;
  }[];
  /** gzip bytes of every 2025 file together (provinces, all communes, crosswalk). */
  totalGzipBytes: number;
  warnings: string[];
  sources: Source2025[];
}

export interface AtlasIndex {
  schema: 1;
  boundaries: BoundaryManifest;
  /** Absent in indexes written before the 2025 units were built; the app then offers 2019 only. */
  boundaries2025?: Boundary2025Manifest;
  datasets: { file: string; contentHash: string; bytes: number };
  /**
   * Each built-in boundary set's vector tiles, by set (`2019`); absent in indexes written before
   * the map drew from tiles, which the app then reloads.
   */
  tiles?: Record<string, TileSetFile>;
  /** Every folder of `data/sources/`; absent in indexes written before the sources were vendored. */
  sources?: DataSource[];
  /** Official lists from `data/national/` (the 2021–2025 poor districts), beside the seeds' own. */
  designatedLists?: DesignatedList[];
}
