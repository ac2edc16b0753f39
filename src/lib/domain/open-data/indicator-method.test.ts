import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, INDICATORS } from '../indicators.ts';
import { indicatorFormula, indicatorMethod, unitName } from './indicator-method.ts';

describe('indicator methods', () => {
  it('writes every rate as its count over its total × 100', () => {
    for (const id of INDICATOR_IDS) {
      const ratio = INDICATORS[id].ratio;
      if (!ratio) continue;
      for (const locale of ['vi', 'en'] as const) {
        expect(indicatorFormula(id, locale)).toBe(
          `${INDICATORS[ratio.count].label[locale]} / ${INDICATORS[ratio.total].label[locale]} × 100`,
        );
      }
    }
  });

  it('writes a total as the sum of its parts', () => {
    const formula = indicatorFormula('budget_total', 'en');
    for (const part of INDICATORS.budget_total.parts!) {
      expect(formula).toContain(INDICATORS[part].label.en);
    }
    expect(formula.split(' + ')).toHaveLength(INDICATORS.budget_total.parts!.length);
  });

  it('has a method and a unit for every indicator in both languages', () => {
    for (const id of INDICATOR_IDS) {
      for (const locale of ['vi', 'en'] as const) {
        expect(indicatorMethod(id, locale)).toMatch(/\.$/);
        expect(unitName(INDICATORS[id].unit, locale)).not.toBe('');
      }
    }
  });
});
