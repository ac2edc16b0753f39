import type { Locale, MessageKey, Messages } from '../../i18n/messages.ts';
import { formatNumber } from '../../scales/format.ts';
import { INDICATORS, isIndicatorId } from '../indicators.ts';

/**
 * The kinds of problem an import can find, and their text in a given language. Kept apart from
 * `problems.ts` (which writes the stored English) so that showing a stored warning loads only the
 * reader's messages.
 */
export const PROBLEM_KINDS = [
  'parse',
  'missing-column',
  'no-unit-column',
  'duplicate-column',
  'duplicate-unit-column',
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
  'reduction-out-of-range',
  'not-whole',
  'too-large',
  'part-exceeds-whole',
  'short-row',
  'cell-too-long',
  // #18 rows: a row longer than its header, and the reader's own faults (Papa Parse's codes).
  'long-row',
  'missing-quotes',
  'invalid-quotes',
  'undetectable-delimiter',
  'field-count',
  // A unit the source names that has no boundary today (Hà Tây, 2006): kept, listed, not drawn.
  'no-boundary',
] as const;

export type ProblemKind = (typeof PROBLEM_KINDS)[number];
export type ProblemParams = Record<string, string | number>;

const TEMPLATE: Record<ProblemKind, MessageKey> = {
  parse: 'problem_parse',
  'missing-column': 'problem_missingColumn',
  'no-unit-column': 'problem_noUnitColumn',
  'duplicate-column': 'problem_duplicateColumn',
  'duplicate-unit-column': 'problem_duplicateUnitColumn',
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
  'reduction-out-of-range': 'problem_reductionOutOfRange',
  'not-whole': 'problem_notWhole',
  'too-large': 'problem_tooLarge',
  'part-exceeds-whole': 'problem_partExceedsWhole',
  'short-row': 'problem_shortRow',
  'cell-too-long': 'problem_cellTooLong',
  'long-row': 'problem_longRow',
  'missing-quotes': 'problem_missingQuotes',
  'invalid-quotes': 'problem_invalidQuotes',
  'undetectable-delimiter': 'problem_undetectableDelimiter',
  'field-count': 'problem_fieldCount',
  'no-boundary': 'problem_noBoundary',
};

/** A problem (or a stored warning) in the reader's language; old records keep their message. */
export function problemText(
  problem: { kind?: string; params?: ProblemParams; message: string },
  messages: Messages,
  locale: Locale,
): string {
  const kind = problem.kind as ProblemKind | undefined;
  if (!kind || !(kind in TEMPLATE) || !problem.params) return problem.message;
  return fillProblem(kind, problem.params, messages, locale, (value) =>
    formatNumber(value, locale),
  );
}

export function fillProblem(
  kind: ProblemKind,
  params: ProblemParams,
  messages: Messages,
  locale: Locale,
  formatValue: (value: number) => string,
): string {
  return messages[TEMPLATE[kind]].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key];
    if (value === undefined) return whole;
    // The further rows a grouped problem is also found in: the first few by number, then a count.
    if (key === 'others' && typeof value === 'number') {
      const listed = String(params.otherRows ?? '')
        .split(', ')
        .filter((row) => row !== '');
      if (value === 0 || listed.length === 0) return '';
      const more = value - listed.length;
      return messages[more > 0 ? 'problem_otherRowsMore' : 'problem_otherRows']
        .replace('{rows}', listed.join(', '))
        .replace('{n}', formatValue(more));
    }
    if (typeof value === 'number') return formatValue(value);
    if (/indicator$/i.test(key) && isIndicatorId(value)) return INDICATORS[value].label[locale];
    if (key === 'level' && (value === 'province' || value === 'district' || value === 'commune')) {
      return messages[`level_${value}`].toLowerCase();
    }
    if (key === 'role' && (value === 'code' || value === 'name' || value === 'province')) {
      return messages[`role_${value}`];
    }
    return value;
  });
}
