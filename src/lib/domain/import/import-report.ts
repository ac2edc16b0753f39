import type { DatasetBundle, DatasetMetadata, DatasetWarning } from '../dataset.ts';
import { isMatched, workingTable, type ImportSettings } from './analyse-import.ts';
import type { EraAnalysis, ImportEra } from './import-era.ts';
import { cellText } from './numbers.ts';
import type { TableProblem } from './problems.ts';
import type { RawTable } from './raw-table.ts';
import type { ReadFile } from './read-import-file.ts';
import { unitKey, type MatchStatus, type UnitKey } from './unit-names.ts';

/**
 * What the wizard shows of an analysis: small enough to post from the worker to the page in
 * well under a frame, however large the file — the full table and analysis stay in the worker.
 */
export interface ImportReport {
  file: {
    name: string;
    format: ReadFile['format'];
    sheets: string[];
    sheet: string | null;
    encoding: ReadFile['encoding'];
  };
  settings: ImportSettings;
  size: { rows: number; columns: number };
  headers: string[];
  /** The first rows under the header, as text. */
  preview: string[][];
  /** Rows needing a decision first, then the others, up to a limit. */
  rows: ReportRow[];
  counts: Record<MatchStatus, number>;
  problems: TableProblem[];
  errorCount: number;
  warningCount: number;
  observationCount: number;
  indicators: EraAnalysis['indicators'];
  level: EraAnalysis['level'];
  provinceCode: string | null;
  era: ImportEra;
}

export interface ReportRow {
  index: number;
  /** Where its label is: a turned table's units are columns, named by their letters. */
  row: number;
  column: string;
  label: string;
  status: MatchStatus;
  unit: { key: UnitKey; name: string } | null;
  candidates: { key: UnitKey; name: string }[];
}

const PREVIEW_ROWS = 8;
const ROW_LIMIT = 400;
const PROBLEM_LIMIT = 300;
/** Warnings kept with a dataset; a table with more gets one summary line for the rest. */
const STORED_WARNING_LIMIT = 500;

export function createImportReport(
  file: { name: string } & Omit<ReadFile, 'table'>,
  raw: RawTable,
  settings: ImportSettings,
  analysis: EraAnalysis,
): ImportReport {
  const { header, data } = workingTable(raw, settings);
  const width = Math.max(header.length, ...data.slice(0, 50).map((row) => row.length), 0);
  const attention = analysis.rows.filter((row) => !isMatched(row.match.status));
  const settled = analysis.rows.filter((row) => isMatched(row.match.status));
  const rows = [...attention, ...settled]
    .slice(0, ROW_LIMIT)
    .map(({ index, row, column, label, match, candidateNames }): ReportRow => ({
      index,
      row,
      column,
      label,
      status: match.status,
      unit: match.unit ? { key: unitKey(match.unit), name: match.unit.name } : null,
      candidates: (match.candidates ?? []).map((u, i) => ({
        key: unitKey(u),
        name: candidateNames[i] ?? u.name,
      })),
    }));
  const errors = analysis.problems.filter((p) => p.severity === 'error');
  const warnings = analysis.problems.filter((p) => p.severity === 'warning');
  return {
    file: {
      name: file.name,
      format: file.format,
      sheets: file.sheets,
      sheet: file.sheet,
      encoding: file.encoding,
    },
    settings,
    size: { rows: data.length, columns: width },
    headers: analysis.headers,
    preview: data.slice(0, PREVIEW_ROWS).map((row) => row.map(cellText)),
    rows: rows.sort((a, b) => a.index - b.index),
    counts: analysis.counts,
    // Errors first: they are what stands between the person and the map.
    problems: [...errors, ...warnings].slice(0, PROBLEM_LIMIT),
    errorCount: errors.length,
    warningCount: warnings.length,
    observationCount: analysis.observations.length,
    indicators: analysis.indicators,
    level: analysis.level,
    provinceCode: analysis.provinceCode,
    era: analysis.era,
  };
}

export class ImportBlockedError extends Error {
  override name = 'ImportBlockedError';
}

/** The dataset to store, or an error when the analysis found any: errors block the import. */
export function createImportBundle(
  analysis: EraAnalysis,
  metadata: Omit<DatasetMetadata, 'indicators' | 'warnings' | 'level' | 'builtIn' | 'vintage'>,
): DatasetBundle {
  const errors = analysis.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new ImportBlockedError(`${errors.length} errors: the table cannot be saved`);
  }
  const warnings: DatasetWarning[] = analysis.problems
    .slice(0, STORED_WARNING_LIMIT)
    .map(({ row, column, message, kind, params }) => ({ row, column, message, kind, params }));
  if (analysis.problems.length > STORED_WARNING_LIMIT) {
    const rest = analysis.problems.length - STORED_WARNING_LIMIT;
    warnings.push({ row: 1, column: '', message: `… and ${rest} more warnings` });
  }
  return {
    metadata: {
      ...metadata,
      level: analysis.level,
      vintage: analysis.era.era === '2025' ? '2025-communes' : '2019-districts',
      indicators: analysis.indicators,
      builtIn: false,
      warnings,
    },
    // A single-year table: every figure is of the year the person gave the dataset.
    observations: analysis.observations.map((o) => ({
      ...o,
      datasetId: metadata.id,
      year: metadata.year,
    })),
  };
}
