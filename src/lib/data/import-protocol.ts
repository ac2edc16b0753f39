import type { DatasetBundle, DatasetMetadata } from '../domain/dataset.ts';
import type { MapEra } from '../domain/eras/era.ts';
import type { ImportSettings } from '../domain/import/analyse-import.ts';
import type { ImportReport } from '../domain/import/import-report.ts';
import type { ImportFileErrorKey } from '../domain/import/read-import-file.ts';
import type { KnownUnit } from '../domain/import/unit-names.ts';

/** Messages between the page and the import worker (`import.worker.ts`). */
export type ImportRequest =
  | {
      type: 'read';
      id: number;
      file: Blob;
      name: string;
      sheet: string | null;
      /** The units of each era a row can match (none for 2025 when the build has none). */
      units: Record<MapEra, KnownUnit[]>;
      /** 2025 commune codes the crosswalk spells otherwise: [other spelling, boundary code]. */
      communeCodeAliases: [string, string][];
    }
  | {
      type: 'analyse';
      id: number;
      settings: ImportSettings;
      /** Guess the header row and/or the columns again (after turning the table, say). */
      reguess: 'header' | 'columns' | null;
    }
  | {
      type: 'bundle';
      id: number;
      metadata: Omit<DatasetMetadata, 'indicators' | 'warnings' | 'level' | 'builtIn' | 'vintage'>;
    };

export type ImportResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'report'; id: number; report: ImportReport }
  | { type: 'bundle'; id: number; bundle: DatasetBundle }
  | {
      type: 'error';
      id: number;
      message: string;
      /** An `ImportFileError`'s message key and values, for the reader's language. */
      key: ImportFileErrorKey | null;
      params: Record<string, string | number>;
    };
