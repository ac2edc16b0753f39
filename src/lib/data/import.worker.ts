/// <reference lib="webworker" />
import {
  analyseImport,
  proposeSettings,
  reguessSettings,
  type ImportAnalysis,
  type ImportSettings,
} from '../domain/import/analyse-import.ts';
import { createImportBundle, createImportReport } from '../domain/import/import-report.ts';
import type { RawTable } from '../domain/import/raw-table.ts';
import { readImportFile, type ReadFile } from '../domain/import/read-import-file.ts';
import { createUnitMatcher, type UnitMatcher } from '../domain/import/unit-names.ts';
import type { ImportRequest, ImportResponse } from './import-protocol.ts';

/**
 * Reads, matches and validates an imported file off the main thread, so a 100,000-row table
 * never blocks the page. It keeps the table and its last analysis; the page gets small reports.
 */
declare const self: DedicatedWorkerGlobalScope;

let file: (Omit<ReadFile, 'table'> & { name: string }) | null = null;
let table: RawTable | null = null;
let matcher: UnitMatcher | null = null;
let settings: ImportSettings | null = null;
let analysis: ImportAnalysis | null = null;

const post = (message: ImportResponse) => self.postMessage(message);

function analyseAndReport(id: number) {
  post({ type: 'progress', id, fraction: 0.7 });
  analysis = analyseImport(table!, settings!, matcher!);
  post({ type: 'report', id, report: createImportReport(file!, table!, settings!, analysis) });
}

self.onmessage = async ({ data: request }: MessageEvent<ImportRequest>) => {
  const { id } = request;
  try {
    if (request.type === 'read') {
      post({ type: 'progress', id, fraction: 0.02 });
      const bytes = new Uint8Array(await request.file.arrayBuffer());
      const read = await readImportFile(request.name, bytes, {
        sheet: request.sheet,
        onProgress: (fraction) => post({ type: 'progress', id, fraction: 0.05 + 0.5 * fraction }),
      });
      const { table: rawTable, ...described } = read;
      file = { ...described, name: request.name };
      table = rawTable;
      matcher = createUnitMatcher(request.units);
      post({ type: 'progress', id, fraction: 0.6 });
      settings = proposeSettings(table, matcher);
      analyseAndReport(id);
    } else if (request.type === 'analyse') {
      if (!table) throw new Error('no file has been read');
      settings = request.reguess
        ? reguessSettings(table, request.settings, matcher!, request.reguess)
        : request.settings;
      analyseAndReport(id);
    } else {
      if (!analysis) throw new Error('no file has been read');
      post({ type: 'bundle', id, bundle: createImportBundle(analysis, request.metadata) });
    }
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
};
