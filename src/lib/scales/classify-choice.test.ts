import { describe, expect, it } from 'vitest';
import { parseClassifyChoices } from './classify-choice.ts';

describe('parseClassifyChoices', () => {
  it('reads back what was stored', () => {
    const choices = {
      rate_start: { method: 'jenks', classes: 7, palette: 'PuOr' },
      poor_start: { method: 'quantile', classes: 4 },
    };
    expect(parseClassifyChoices(JSON.stringify(choices))).toEqual(choices);
  });

  it('drops what no longer applies and survives garbage', () => {
    const stored = {
      rate_start: { method: 'magic', classes: 12, palette: 'Rainbow' },
      poor_start: { method: 'policy', classes: 5 },
      not_an_indicator: { method: 'equal' },
      'rate_start:excess': { method: 'policy', palette: 'PuOr' },
      'poor_start:excess': { method: 'equal' },
    };
    expect(parseClassifyChoices(JSON.stringify(stored))).toEqual({
      rate_start: {},
      poor_start: { classes: 5 },
      // An excess rate is a ratio: no policy breaks; a count has no excess rate.
      'rate_start:excess': { palette: 'PuOr' },
    });
    expect(parseClassifyChoices('{oops')).toEqual({});
    expect(parseClassifyChoices('42')).toEqual({});
    expect(parseClassifyChoices(undefined)).toEqual({});
  });
});
