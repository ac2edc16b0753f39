/// <reference lib="webworker" />
import type { BoundaryFeature } from '../domain/import/boundaries/boundary-geometry.ts';
import { createBoundaryReport } from '../domain/import/boundaries/boundary-report.ts';
import {
  createBoundaryCollection,
  guessBoundaryProperties,
  matchBoundaries,
  type BoundaryMatching,
} from '../domain/import/boundaries/match-boundaries.ts';
import {
  readBoundaryFile,
  type BoundaryRead,
} from '../domain/import/boundaries/read-boundary-file.ts';
import { createUnitMatcher, type UnitMatcher } from '../domain/import/unit-names.ts';
import type { BoundaryImportRequest, BoundaryImportResponse } from './boundary-import-protocol.ts';

/**
 * Reads and matches a boundary file off the main thread: a Shapefile of every commune is tens of
 * megabytes of coordinates. The features stay here; the page gets the report, then the text to store.
 */
declare const self: DedicatedWorkerGlobalScope;

let file: { name: string; bytes: number } | null = null;
let read: BoundaryRead | null = null;
let features: BoundaryFeature[] = [];
let matcher: UnitMatcher | null = null;
let matching: BoundaryMatching | null = null;

const post = (message: BoundaryImportResponse) => self.postMessage(message);

self.onmessage = async ({ data: request }: MessageEvent<BoundaryImportRequest>) => {
  const { id } = request;
  try {
    if (request.type === 'read') {
      post({ type: 'progress', id, fraction: 0.05 });
      const bytes = new Uint8Array(await request.file.arrayBuffer());
      post({ type: 'progress', id, fraction: 0.3 });
      file = { name: request.name, bytes: bytes.length };
      read = readBoundaryFile(request.name, bytes, { layer: request.layer });
      features = read.ok ? read.features : [];
      matcher = createUnitMatcher(request.units);
      post({ type: 'progress', id, fraction: 0.8 });
      const settings = read.ok
        ? guessBoundaryProperties(read.properties, features, matcher)
        : { code: null, name: null, province: null };
      matching = read.ok ? matchBoundaries(features, settings, matcher) : null;
      post({ type: 'report', id, report: createBoundaryReport(file, read, settings, matching) });
    } else if (request.type === 'match') {
      if (!read?.ok || !file || !matcher) throw new Error('no boundary file has been read');
      matching = matchBoundaries(features, request.properties, matcher);
      post({
        type: 'report',
        id,
        report: createBoundaryReport(file, read, request.properties, matching),
      });
    } else {
      if (!read?.ok || !matching) throw new Error('no boundary file has been read');
      post({
        type: 'collection',
        id,
        text: JSON.stringify(createBoundaryCollection(features, matching)),
      });
    }
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};
