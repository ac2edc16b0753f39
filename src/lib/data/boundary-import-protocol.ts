import type { BoundaryReport } from '../domain/import/boundaries/boundary-report.ts';
import type { BoundaryProperties } from '../domain/import/boundaries/match-boundaries.ts';
import type { KnownUnit } from '../domain/import/unit-names.ts';

/** Messages between the page and the boundary import worker (`boundary-import.worker.ts`). */
export type BoundaryImportRequest =
  | {
      type: 'read';
      id: number;
      file: Blob;
      name: string;
      layer: string | null;
      units: KnownUnit[];
    }
  | { type: 'match'; id: number; properties: BoundaryProperties }
  | { type: 'collection'; id: number };

export type BoundaryImportResponse =
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'report'; id: number; report: BoundaryReport }
  | { type: 'collection'; id: number; text: string }
  | { type: 'error'; id: number; message: string };
