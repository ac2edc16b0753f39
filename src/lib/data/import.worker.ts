/// <reference lib="webworker" />
import {
  proposeSettings,
  reguessSettings,
  type ImportSettings,
} from '../domain/import/analyse-import.ts';
import {
  analyseImportInEra,
  type EraAnalysis,
  type EraMatchers,
} from '../domain/import/import-era.ts';
import { createImportBundle, createImportReport } from '../domain/import/import-report.ts';
import type { RawTable } from '../domain/import/raw-table.ts';
import {
  ImportFileError,
  readImportFile,
  type ReadFile,
} from '../domain/import/read-import-file.ts';
import { createUnitMatcher } from '../domain/import/unit-names.ts';
import type { ImportRequest, ImportResponse } from './import-protocol.ts';

/**
 * Reads, matches and validates an imported file off the main thread, so a 100,000-row table
 * never blocks the page. It keeps the table and its last analysis; the page gets small reports.
 */
declare const self: DedicatedWorkerGlobalScope;

let file: (Omit<ReadFile, 'table'> & { name: string }) | null = null;
let table: RawTable | null = null;
let matchers: EraMatchers | null = null;
let settings: ImportSettings | null = null;
let analysis: EraAnalysis | null = null;

const post = (message: ImportResponse) => self.postMessage(message);

function analyseAndReport(id: number) {
  post({ type: 'progress', id, fraction: 0.7 });
  analysis = analyseImportInEra(table!, settings!, matchers!);
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
      matchers = {
        '2019': createUnitMatcher(request.units['2019']),
        '2025':
          request.units['2025'].length > 0
            ? createUnitMatcher(request.units['2025'], {
                communeCodeAliases: request.communeCodeAliases,
              })
            : null,
      };
      post({ type: 'progress', id, fraction: 0.6 });
      // Column roles are guessed against the 2019 units (every 2025 province name is an old
      // one), or the 2025 ones when more rows match them (a commune table).
      settings = proposeSettings(table, matchers['2019'], matchers['2025']);
      analyseAndReport(id);
    } else if (request.type === 'analyse') {
      if (!table) throw new Error('no file has been read');
      // A table read with the 2025 units (communes) is guessed again with them.
      const guessWith =
        analysis?.era.era === '2025' && matchers!['2025'] ? matchers!['2025'] : matchers!['2019'];
      settings = request.reguess
        ? reguessSettings(table, request.settings, guessWith, request.reguess)
        : request.settings;
      analyseAndReport(id);
    } else {
      if (!analysis) throw new Error('no file has been read');
      post({ type: 'bundle', id, bundle: createImportBundle(analysis, request.metadata) });
    }
  } catch (error) {
    const known = error instanceof ImportFileError;
    post({
      type: 'error',
      id,
      message: error instanceof Error ? error.message : String(error),
      key: known ? error.key : null,
      params: known ? error.params : {},
    });
  }
};
