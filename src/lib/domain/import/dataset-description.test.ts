import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyDescription,
  missingFields,
  YEAR_RANGE,
  type DatasetDescription,
} from './dataset-description.ts';

const complete: DatasetDescription = {
  ...emptyDescription(),
  title: 'Kế hoạch giảm nghèo 2024',
  documentTitle: 'Kế hoạch 165/KH-UBND',
  standard: '2022-2025',
  kind: 'plan',
  year: 2024,
};

describe('a dataset description', () => {
  it('starts with nothing chosen: no kind, standard or year is guessed', () => {
    expect(missingFields(emptyDescription())).toEqual([
      'title',
      'documentTitle',
      'standard',
      'kind',
      'year',
    ]);
  });

  it('can be saved once the title, source, standard, kind and year are given', () => {
    expect(missingFields(complete)).toEqual([]);
  });

  it('needs a source of its own: blank text is not one', () => {
    expect(missingFields({ ...complete, documentTitle: '   ' })).toEqual(['documentTitle']);
    expect(missingFields({ ...complete, title: '\t' })).toEqual(['title']);
  });

  it('takes a year only if it is whole and within range', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 3000, noNaN: true }), (year) => {
        const ok = Number.isInteger(year) && year >= YEAR_RANGE.min && year <= YEAR_RANGE.max;
        expect(missingFields({ ...complete, year })).toEqual(ok ? [] : ['year']);
      }),
    );
  });
});
