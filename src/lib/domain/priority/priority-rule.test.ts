import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, INDICATORS, type IndicatorId } from '../indicators.ts';
import { describeReason, describeReasons } from './describe-reason.ts';
import { DESIGNATED_LISTS } from './designated-lists.ts';
import { priorityTable, toCsv } from './priority-export.ts';
import {
  defaultPriorityRule,
  evaluatePriorityRule,
  parsePriorityRule,
  povertyRateOf,
  type PriorityInput,
  type PriorityRule,
} from './priority-rule.ts';

/** The Tuyên Quang 2020 plan's starting rates and poor households, by district code. */
const RATES = new Map([
  ['076', 9.31],
  ['075', 9.26],
  ['070', 1.01],
  ['074', 15.08],
  ['073', 16.03],
  ['072', 29.56],
  ['071', 36.03],
]);
const POOR = new Map([
  ['076', 4644],
  ['075', 3694],
  ['070', 368],
  ['074', 4753],
  ['073', 5511],
  ['072', 3094],
  ['071', 2750],
]);

const input: PriorityInput = {
  // Two Kiên Giang districts with no figures in this dataset.
  unitCodes: [...RATES.keys(), '908', '909'],
  valuesOf: (id: IndicatorId) =>
    id === 'rate_start' ? RATES : id === 'poor_start' ? POOR : new Map(),
  lists: DESIGNATED_LISTS,
};

const rule = (combine: 'and' | 'or', conditions: PriorityRule['conditions']): PriorityRule => ({
  name: 'test',
  combine,
  conditions,
});

const codes = (r: PriorityRule) => evaluatePriorityRule(r, input).map((m) => m.code);

describe('evaluatePriorityRule', () => {
  it('selects by threshold, ranked highest first', () => {
    const r = rule('and', [{ kind: 'threshold', indicator: 'rate_start', op: '>=', value: 15 }]);
    expect(codes(r)).toEqual(['071', '072', '073', '074']);
  });

  it('ranks "below" thresholds lowest first and compares strictly when asked', () => {
    const r = rule('and', [{ kind: 'threshold', indicator: 'rate_start', op: '<', value: 9.31 }]);
    expect(codes(r)).toEqual(['070', '075']);
  });

  it('takes the top and bottom N', () => {
    const top = rule('and', [{ kind: 'top', indicator: 'poor_start', n: 2, direction: 'highest' }]);
    expect(codes(top)).toEqual(['073', '074']);
    const bottom = rule('and', [
      { kind: 'top', indicator: 'rate_start', n: 1, direction: 'lowest' },
    ]);
    expect(codes(bottom)).toEqual(['070']);
  });

  it('selects a designated list, skipping members without a mapped unit', () => {
    const r = rule('or', [{ kind: 'list', listId: 'kien-giang-coastal-communes-2017' }]);
    // Hòn Đất (903) is a member but not among this input's units.
    expect(codes(r)).toEqual(['908', '909']);
  });

  it('AND keeps units passing every condition, with every reason', () => {
    const r = rule('and', [
      { kind: 'threshold', indicator: 'rate_start', op: '>=', value: 20 },
      { kind: 'list', listId: 'tuyen-quang-poor-districts-2020' },
    ]);
    const members = evaluatePriorityRule(r, input);
    expect(members.map((m) => [m.rank, m.code])).toEqual([
      [1, '071'],
      [2, '072'],
    ]);
    expect(describeReasons(members[0]!, 'vi')).toBe('36,03\u00a0% ≥ 20,00\u00a0%; huyện nghèo');
    expect(describeReasons(members[0]!, 'en')).toBe('36.03\u00a0% ≥ 20.00\u00a0%; poor district');
  });

  it('OR keeps units passing any condition, with only the reasons that hold', () => {
    const r = rule('or', [
      { kind: 'threshold', indicator: 'rate_start', op: '>=', value: 30 },
      { kind: 'top', indicator: 'poor_start', n: 1, direction: 'highest' },
    ]);
    const members = evaluatePriorityRule(r, input);
    expect(members.map((m) => m.code)).toEqual(['071', '073']);
    expect(members[1]!.reasons).toHaveLength(1);
    expect(describeReason(members[1]!.reasons[0]!, 'vi')).toBe('5.511, hạng 1/1 cao nhất');
  });

  it('selects nothing without conditions, and nothing on an indicator without figures', () => {
    expect(codes(rule('or', []))).toEqual([]);
    expect(
      codes(rule('or', [{ kind: 'threshold', indicator: 'rate_end', op: '>=', value: 0 }])),
    ).toEqual([]);
  });

  it('AND is a subset of OR, and each is the intersection / union of single conditions', () => {
    const condition = fc.oneof(
      fc.record({
        kind: fc.constant('threshold' as const),
        indicator: fc.constantFrom('rate_start' as const, 'poor_start' as const),
        op: fc.constantFrom('>=' as const, '>' as const, '<=' as const, '<' as const),
        value: fc.double({ min: 0, max: 6000, noNaN: true }),
      }),
      fc.record({
        kind: fc.constant('top' as const),
        indicator: fc.constantFrom('rate_start' as const, 'poor_start' as const),
        n: fc.integer({ min: 1, max: 9 }),
        direction: fc.constantFrom('highest' as const, 'lowest' as const),
      }),
      fc.record({
        kind: fc.constant('list' as const),
        listId: fc.constantFrom(...DESIGNATED_LISTS.map((l) => l.id)),
      }),
    );
    fc.assert(
      fc.property(fc.array(condition, { minLength: 1, maxLength: 4 }), (conditions) => {
        const singles = conditions.map((c) => new Set(codes(rule('and', [c]))));
        const and = codes(rule('and', conditions));
        const or = codes(rule('or', conditions));
        expect(new Set(and)).toEqual(
          new Set([...singles[0]!].filter((code) => singles.every((s) => s.has(code)))),
        );
        expect(new Set(or)).toEqual(new Set(singles.flatMap((s) => [...s])));
        for (const code of and) expect(or).toContain(code);
      }),
    );
  });
});

describe('defaultPriorityRule', () => {
  it("tests the shown dataset's own poverty rate", () => {
    const indicatorOf = (indicators: IndicatorId[]) => {
      const [condition] = defaultPriorityRule('r', indicators).conditions;
      return condition?.kind === 'threshold' ? condition.indicator : null;
    };
    // The Tuyên Quang plan: the start-of-year rate, as the documents' criterion reads.
    expect(indicatorOf(['rate_start', 'rate_reduction', 'rate_end', 'poor_start'])).toBe(
      'rate_start',
    );
    // The GSO national tables: their annual rate (a survey estimate), not a rate they lack.
    expect(indicatorOf(['poverty_rate'])).toBe('poverty_rate');
    // The Kiên Giang 2010 letter: only the end-of-year rate.
    expect(indicatorOf(['rate_end'])).toBe('rate_end');
    // No dataset yet, or one without a poverty rate (a budget): the start-of-year rate.
    expect(indicatorOf([])).toBe('rate_start');
    expect(indicatorOf(['budget_total', 'budget_p1'])).toBe('rate_start');
  });

  it('picks, for any dataset that has a poverty rate, one of its own rates', () => {
    fc.assert(
      fc.property(fc.subarray([...INDICATOR_IDS]), (indicators) => {
        const rate = povertyRateOf(indicators);
        const [condition] = defaultPriorityRule('r', indicators).conditions;
        if (rate === null) {
          expect(
            indicators.some((id) => ['rate_start', 'poverty_rate', 'rate_end'].includes(id)),
          ).toBe(false);
          return;
        }
        expect(indicators).toContain(rate);
        expect(INDICATORS[rate].unit).toBe('percent');
        expect(condition).toEqual({ kind: 'threshold', indicator: rate, op: '>=', value: 20 });
      }),
    );
  });
});

describe('parsePriorityRule', () => {
  it('reads back a rule written as JSON', () => {
    const r = rule('and', [
      { kind: 'threshold', indicator: 'rate_start', op: '>=', value: 20 },
      { kind: 'top', indicator: 'poor_start', n: 10, direction: 'highest' },
      { kind: 'list', listId: 'tuyen-quang-poor-districts-2020' },
    ]);
    expect(parsePriorityRule(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it('names what is wrong', () => {
    expect(() => parsePriorityRule(null)).toThrow(/object/);
    expect(() => parsePriorityRule({ name: 'x', combine: 'xor', conditions: [] })).toThrow(/xor/);
    expect(() =>
      parsePriorityRule({
        name: 'x',
        combine: 'and',
        conditions: [{ kind: 'threshold', indicator: 'nope', op: '>=', value: 1 }],
      }),
    ).toThrow(/condition 1: unknown indicator "nope"/);
    expect(() =>
      parsePriorityRule({
        name: 'x',
        combine: 'or',
        conditions: [{ kind: 'top', indicator: 'rate_start', n: 0, direction: 'highest' }],
      }),
    ).toThrow(/N must be/);
  });
});

describe('priority export', () => {
  it('writes the ranked list with values and reasons as UTF-8 CSV', () => {
    const r = rule('and', [
      { kind: 'threshold', indicator: 'rate_start', op: '>=', value: 20 },
      { kind: 'list', listId: 'tuyen-quang-poor-districts-2020' },
    ]);
    const names: Record<string, string> = { '071': 'Huyện Lâm Bình', '072': 'Huyện Na Hang' };
    const table = priorityTable(
      evaluatePriorityRule(r, input),
      {
        rule: r,
        nameOf: (code) => names[code]!,
        provinceOf: () => 'Tỉnh Tuyên Quang',
        valuesOf: input.valuesOf,
      },
      'vi',
    );
    expect(toCsv(table)).toBe(
      '\uFEFFHạng,Mã,Đơn vị,Tỉnh,Tỷ lệ hộ nghèo đầu năm,Lý do\r\n' +
        '1,071,Huyện Lâm Bình,Tỉnh Tuyên Quang,36.03,"36,03\u00a0% ≥ 20,00\u00a0%; huyện nghèo"\r\n' +
        '2,072,Huyện Na Hang,Tỉnh Tuyên Quang,29.56,"29,56\u00a0% ≥ 20,00\u00a0%; huyện nghèo"\r\n',
    );
  });
});
