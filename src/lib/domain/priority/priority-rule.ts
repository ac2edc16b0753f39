import { isIndicatorId, type IndicatorId } from '../indicators.ts';
import type { DesignatedList } from './designated-lists.ts';

export const COMPARISON_OPS = ['>=', '>', '<=', '<'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

/** One test a unit can pass: a threshold, a place in the top (or bottom) N, or a list. */
export type PriorityCondition =
  | { kind: 'threshold'; indicator: IndicatorId; op: ComparisonOp; value: number }
  | { kind: 'top'; indicator: IndicatorId; n: number; direction: 'highest' | 'lowest' }
  | { kind: 'list'; listId: string };

export interface PriorityRule {
  name: string;
  combine: 'and' | 'or';
  conditions: PriorityCondition[];
}

/** Why a unit is in the priority set: one per condition it passes. */
export type PriorityReason =
  | {
      kind: 'threshold';
      indicator: IndicatorId;
      op: ComparisonOp;
      threshold: number;
      value: number;
    }
  | {
      kind: 'top';
      indicator: IndicatorId;
      direction: 'highest' | 'lowest';
      n: number;
      rank: number;
      value: number;
    }
  | { kind: 'list'; list: DesignatedList };

export interface PriorityMember {
  code: string;
  /** 1-based place in the ranked list. */
  rank: number;
  reasons: PriorityReason[];
}

export interface PriorityInput {
  /** Every unit that can be in the set (the mapped districts). */
  unitCodes: readonly string[];
  /** An indicator's value per unit code in the current dataset. */
  valuesOf: (indicator: IndicatorId) => ReadonlyMap<string, number>;
  lists: readonly DesignatedList[];
}

/**
 * The rates the documents' criterion "tỷ lệ hộ nghèo trên 20 %" can be read on, in order: a
 * plan's or review's start-of-year rate, a survey's annual rate, the end-of-year rate.
 */
const POVERTY_RATES: readonly IndicatorId[] = ['rate_start', 'poverty_rate', 'rate_end'];

/** The poverty rate a dataset with these indicators carries, or null when it has none. */
export function povertyRateOf(indicators: readonly IndicatorId[]): IndicatorId | null {
  return POVERTY_RATES.find((id) => indicators.includes(id)) ?? null;
}

/**
 * The rule the builder starts with: the documents' "tỷ lệ hộ nghèo trên 20 %", on the shown
 * dataset's own poverty rate (the start-of-year rate when the dataset has none, or is not known).
 */
export function defaultPriorityRule(
  name: string,
  indicators: readonly IndicatorId[] = [],
): PriorityRule {
  const indicator = povertyRateOf(indicators) ?? 'rate_start';
  return {
    name,
    combine: 'or',
    conditions: [{ kind: 'threshold', indicator, op: '>=', value: 20 }],
  };
}

function compare(value: number, op: ComparisonOp, threshold: number): boolean {
  switch (op) {
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
  }
}

const isDescending = (c: PriorityCondition) =>
  (c.kind === 'threshold' && (c.op === '>=' || c.op === '>')) ||
  (c.kind === 'top' && c.direction === 'highest');

/** A condition's reason per passing unit code. */
function passing(condition: PriorityCondition, input: PriorityInput): Map<string, PriorityReason> {
  const passed = new Map<string, PriorityReason>();
  if (condition.kind === 'list') {
    const list = input.lists.find((l) => l.id === condition.listId);
    if (!list) return passed;
    for (const member of list.members) passed.set(member.code, { kind: 'list', list });
    return passed;
  }
  const values = input.valuesOf(condition.indicator);
  if (condition.kind === 'threshold') {
    for (const code of input.unitCodes) {
      const value = values.get(code);
      if (value !== undefined && compare(value, condition.op, condition.value)) {
        passed.set(code, { ...condition, threshold: condition.value, value });
      }
    }
    return passed;
  }
  const sign = condition.direction === 'highest' ? -1 : 1;
  const ranked = input.unitCodes
    .filter((code) => values.has(code))
    .sort((a, b) => sign * (values.get(a)! - values.get(b)!) || a.localeCompare(b));
  ranked.slice(0, condition.n).forEach((code, i) => {
    const { indicator, direction, n } = condition;
    passed.set(code, {
      kind: 'top',
      indicator,
      direction,
      n,
      rank: i + 1,
      value: values.get(code)!,
    });
  });
  return passed;
}

/**
 * The units a rule selects, each with the reason for every condition it passes, ranked by the
 * first numeric condition's indicator (highest first for ≥ and top N, lowest first for ≤ and
 * bottom N), then by code. Units outside `unitCodes` (list members without a boundary) are left out.
 */
export function evaluatePriorityRule(rule: PriorityRule, input: PriorityInput): PriorityMember[] {
  if (rule.conditions.length === 0) return [];
  const known = new Set(input.unitCodes);
  const results = rule.conditions.map((condition) => passing(condition, input));
  const candidates =
    rule.combine === 'and'
      ? [...results[0]!.keys()].filter((code) => results.every((r) => r.has(code)))
      : [...new Set(results.flatMap((r) => [...r.keys()]))];
  const key = rule.conditions.find((c) => c.kind !== 'list');
  const keyValues = key ? input.valuesOf(key.indicator) : new Map<string, number>();
  const sign = key && isDescending(key) ? -1 : 1;
  const byKey = (a: string, b: string) => {
    const va = keyValues.get(a);
    const vb = keyValues.get(b);
    if (va === undefined || vb === undefined)
      return (va === undefined ? 1 : 0) - (vb === undefined ? 1 : 0);
    return sign * (va - vb);
  };
  return candidates
    .filter((code) => known.has(code))
    .sort((a, b) => byKey(a, b) || a.localeCompare(b))
    .map((code, i) => ({
      code,
      rank: i + 1,
      reasons: results.flatMap((r) => (r.has(code) ? [r.get(code)!] : [])),
    }));
}

/**
 * Reads a stored rule, naming the first thing wrong with it: saved rules come back from
 * IndexedDB, which another version of the app may have written.
 */
export function parsePriorityRule(value: unknown): PriorityRule {
  if (!isRecord(value)) throw new TypeError('a priority rule must be an object');
  const { name, combine, conditions } = value;
  if (typeof name !== 'string' || name.trim() === '') throw new TypeError('rule name must be text');
  if (combine !== 'and' && combine !== 'or') {
    throw new TypeError(`rule combine must be "and" or "or", got ${JSON.stringify(combine)}`);
  }
  if (!Array.isArray(conditions)) throw new TypeError('rule conditions must be a list');
  return { name, combine, conditions: conditions.map(parseCondition) };
}

function parseCondition(value: unknown, index: number): PriorityCondition {
  const where = `condition ${index + 1}`;
  if (!isRecord(value)) throw new TypeError(`${where} must be an object`);
  const indicator = () => {
    if (typeof value.indicator !== 'string' || !isIndicatorId(value.indicator)) {
      throw new TypeError(`${where}: unknown indicator ${JSON.stringify(value.indicator)}`);
    }
    return value.indicator;
  };
  switch (value.kind) {
    case 'threshold': {
      const op = COMPARISON_OPS.find((o) => o === value.op);
      if (!op) throw new TypeError(`${where}: unknown comparison ${JSON.stringify(value.op)}`);
      if (typeof value.value !== 'number' || !Number.isFinite(value.value)) {
        throw new TypeError(`${where}: threshold must be a number`);
      }
      return { kind: 'threshold', indicator: indicator(), op, value: value.value };
    }
    case 'top': {
      const { n, direction } = value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
        throw new TypeError(`${where}: N must be a whole number ≥ 1, got ${JSON.stringify(n)}`);
      }
      if (direction !== 'highest' && direction !== 'lowest') {
        throw new TypeError(`${where}: direction must be "highest" or "lowest"`);
      }
      return { kind: 'top', indicator: indicator(), n, direction };
    }
    case 'list':
      if (typeof value.listId !== 'string') throw new TypeError(`${where}: list id must be text`);
      return { kind: 'list', listId: value.listId };
    default:
      throw new TypeError(`${where}: unknown kind ${JSON.stringify(value.kind)}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
