import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DatasetKind } from './dataset.ts';
import {
  canCombine,
  comparisonOfKinds,
  kindsOf,
  meanOfOneKind,
  MixedKindsError,
  oneKind,
  sumOfOneKind,
} from './kinds.ts';

const KINDS: DatasetKind[] = ['plan', 'review', 'survey', 'scenario'];
const kind = fc.constantFrom(...KINDS);

describe('kinds kept apart', () => {
  it('sums and averages figures of one kind', () => {
    const review = [
      { kind: 'review' as const, value: 2 },
      { kind: 'review' as const, value: 4 },
    ];
    expect(sumOfOneKind(review)).toBe(6);
    expect(meanOfOneKind(review)).toBe(3);
    expect(meanOfOneKind([])).toBeNull();
    expect(oneKind([])).toBeNull();
  });

  it('refuses to sum or average a survey estimate with a review result', () => {
    const mixed = [
      { kind: 'survey' as const, value: 3.37 },
      { kind: 'review' as const, value: 2.93 },
    ];
    expect(() => sumOfOneKind(mixed)).toThrow(MixedKindsError);
    expect(() => meanOfOneKind(mixed)).toThrow(/survey, review/);
    expect(canCombine(['survey', 'review'])).toBe(false);
  });

  it('never combines figures of more than one kind, whatever the figures (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ kind, value: fc.double({ noNaN: true }) })), (values) => {
        const kinds = kindsOf(values);
        if (kinds.length > 1) {
          expect(() => sumOfOneKind(values)).toThrow(MixedKindsError);
          expect(() => meanOfOneKind(values)).toThrow(MixedKindsError);
          expect(canCombine(kinds)).toBe(false);
        } else {
          expect(oneKind(values)).toBe(kinds[0] ?? null);
          expect(canCombine(kinds)).toBe(true);
        }
      }),
    );
  });

  it('sets two kinds beside each other as two measures', () => {
    expect(comparisonOfKinds('plan', 'plan')).toEqual({ kind: 'same', of: 'plan' });
    expect(comparisonOfKinds('survey', 'review')).toEqual({
      kind: 'two-measures',
      a: 'survey',
      b: 'review',
    });
  });
});
