import { MESSAGES, type Locale, type MessageKey } from '../../i18n/messages.ts';
import { formatNumber } from '../../scales/format.ts';
import { INDICATORS, isIndicatorId } from '../indicators.ts';

/**
 * What the import and the seed build found wrong with a table, always naming where: errors
 * block a save, warnings travel with the dataset. The English `message` is stored; the
 * `kind` and `params` let every screen say it again in the reader's language.
 */
export const PROBLEM_KINDS = [
  'parse',
  'missing-column',
  'no-unit-column',
  'duplicate-column',
  'empty-cell',
  'not-a-number',
  'negative',
  'rate-out-of-range',
  'rate-mismatch',
  'implied-total-mismatch',
  'poor-flow-mismatch',
  'rate-flow-mismatch',
  'components-mismatch',
  'parts-mismatch',
  'duplicate-unit',
  'unmatched',
  'ambiguous',
  'code-name-mismatch',
  'no-data',
] as const;

export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export type ProblemParams = Record<string, string | number>;
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

const TEMPLATE: Record<ProblemKind, MessageKey> = {
  parse: 'problem_parse',
  'missing-column': 'problem_missingColumn',
  'no-unit-column': 'problem_noUnitColumn',
  'duplicate-column': 'problem_duplicateColumn',
  'empty-cell': 'problem_emptyCell',
  'not-a-number': 'problem_notANumber',
  negative: 'problem_negative',
  'rate-out-of-range': 'problem_rateOutOfRange',
  'rate-mismatch': 'problem_rateMismatch',
  'implied-total-mismatch': 'problem_impliedTotalMismatch',
  'poor-flow-mismatch': 'problem_poorFlowMismatch',
  'rate-flow-mismatch': 'problem_rateFlowMismatch',
  'components-mismatch': 'problem_componentsMismatch',
  'parts-mismatch': 'problem_partsMismatch',
  'duplicate-unit': 'problem_duplicateUnit',
  unmatched: 'problem_unmatched',
  ambiguous: 'problem_ambiguous',
  'code-name-mismatch': 'problem_codeNameMismatch',
  'no-data': 'problem_noData',
};

export function createProblem(
  severity: Severity,
  row: number,
  column: string,
  kind: ProblemKind,
  params: ProblemParams = {},
): TableProblem {
  const problem = { severity, row, column, kind, params } as TableProblem;
  // The English text is built when first read: a 100,000-row table can have as many problems,
  // and most are only counted. Structured clone and JSON read it through the getter.
  let message: string | undefined;
  Object.defineProperty(problem, 'message', {
    enumerable: true,
    get: () => (message ??= fill(kind, params, 'en', String)),
  });
  return problem;
}

/** A problem (or a stored warning) in the reader's language; old records keep their message. */
export function problemText(
  problem: { kind?: string; params?: ProblemParams; message: string },
  locale: Locale,
): string {
  const kind = problem.kind as ProblemKind | undefined;
  if (!kind || !(kind in TEMPLATE) || !problem.params) return problem.message;
  return fill(kind, problem.params, locale, (value) => formatNumber(value, locale));
}

function fill(
  kind: ProblemKind,
  params: ProblemParams,
  locale: Locale,
  formatValue: (value: number) => string,
): string {
  return MESSAGES[locale][TEMPLATE[kind]].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    if (typeof value === 'number') return formatValue(value);
    if (/indicator$/i.test(key) && isIndicatorId(value)) return INDICATORS[value].label[locale];
    return value;
  });
}

export function hasErrors(problems: readonly TableProblem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
