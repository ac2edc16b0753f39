import { en } from '../../i18n/messages-en.ts';
import { fillProblem, type ProblemKind, type ProblemParams } from './problem-text.ts';

/**
 * What the import and the seed build found wrong with a table, always naming where: errors
 * block a save, warnings travel with the dataset. The English `message` is stored; the
 * `kind` and `params` let every screen say it again in the reader's language.
 */
export type Severity = 'error' | 'warning';

export interface TableProblem {
  severity: Severity;
  /** 1-based row of the file as the person sees it (a CSV's header is row 1). */
  row: number;
  /** The column's header, or its spreadsheet letter when it has none. */
  column: string;
  kind: ProblemKind;
  params: ProblemParams;
  message: string;
}

const QUOTE_LIMIT = 200;

export function createProblem(
  severity: Severity,
  row: number,
  column: string,
  kind: ProblemKind,
  params: ProblemParams = {},
): TableProblem {
  // A problem quotes what it found; a 10 MB cell is quoted by its start.
  for (const key in params) {
    const value = params[key];
    if (typeof value === 'string' && value.length > QUOTE_LIMIT) {
      params[key] = `${value.slice(0, QUOTE_LIMIT)}…`;
    }
  }
  if (column.length > QUOTE_LIMIT) column = `${column.slice(0, QUOTE_LIMIT)}…`;
  const problem = { severity, row, column, kind, params } as TableProblem;
  // The English text is built when first read: a 100,000-row table can have as many problems,
  // and most are only counted. Structured clone and JSON read it through the getter.
  let message: string | undefined;
  Object.defineProperty(problem, 'message', {
    enumerable: true,
    get: () => (message ??= fillProblem(kind, params, en, 'en', String)),
  });
  return problem;
}

export function hasErrors(problems: readonly TableProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
