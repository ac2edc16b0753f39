import type { DatasetKind } from './dataset.ts';

/**
 * Kinds of figures kept apart: a review's count, a survey's estimate, a plan's target and a
 * scenario's projection measure different things (the 2023 national rate is 2,93 % by the review,
 * 3,37 % by the survey). Figures of different kinds are never summed or averaged into one figure;
 * two of them may only be set beside each other, labelled as two measures.
 */

export class MixedKindsError extends RangeError {
  override name = 'MixedKindsError';
  constructor(readonly kinds: DatasetKind[]) {
    super(`figures of different kinds (${kinds.join(', ')}) are never summed or averaged`);
  }
}

/** The distinct kinds, in the order first met. */
export function kindsOf(items: Iterable<{ kind: DatasetKind }>): DatasetKind[] {
  return [...new Set([...items].map((item) => item.kind))];
}

/** Whether figures of these kinds may be summed or averaged together: all of one kind. */
export function canCombine(kinds: Iterable<DatasetKind>): boolean {
  return new Set(kinds).size <= 1;
}

/** The one kind of the figures to combine; throws a MixedKindsError when there are several. */
export function oneKind(items: Iterable<{ kind: DatasetKind }>): DatasetKind | null {
  const kinds = kindsOf(items);
  if (kinds.length > 1) throw new MixedKindsError(kinds);
  return kinds[0] ?? null;
}

export interface KindedValue {
  kind: DatasetKind;
  value: number;
}

/** The sum of figures of one kind; refuses figures of several kinds. */
export function sumOfOneKind(values: readonly KindedValue[]): number {
  oneKind(values);
  return values.reduce((sum, v) => sum + v.value, 0);
}

/** The mean of figures of one kind (null for none); refuses figures of several kinds. */
export function meanOfOneKind(values: readonly KindedValue[]): number | null {
  if (values.length === 0) return null;
  return sumOfOneKind(values) / values.length;
}

/**
 * Two datasets compared (a difference): of one kind, a change of one measure; of two kinds, two
 * measures set beside each other, which the comparison must say.
 */
export function comparisonOfKinds(
  a: DatasetKind,
  b: DatasetKind,
): { kind: 'same'; of: DatasetKind } | { kind: 'two-measures'; a: DatasetKind; b: DatasetKind } {
  return a === b ? { kind: 'same', of: a } : { kind: 'two-measures', a, b };
}
