import type { Locale } from '../../i18n/messages.ts';
import { INDICATORS, type IndicatorId } from '../indicators.ts';
import { writeCsv } from '../csv.ts';
import { describeReasons } from './describe-reason.ts';
import type { PriorityMember, PriorityRule } from './priority-rule.ts';

export type Cell = string | number | null;

export interface PriorityExportContext {
  rule: PriorityRule;
  nameOf: (code: string) => string;
  provinceOf: (code: string) => string;
  valuesOf: (indicator: IndicatorId) => ReadonlyMap<string, number>;
}

const HEADERS = {
  vi: ['Hạng', 'Mã', 'Đơn vị', 'Tỉnh', 'Lý do'],
  en: ['Rank', 'Code', 'Unit', 'Province', 'Reasons'],
} as const;

/**
 * The ranked list as a table: rank, code, names, the value of every indicator the rule tests
 * (as plain numbers, so a spreadsheet can sort them) and the reasons in words.
 */
export function priorityTable(
  members: readonly PriorityMember[],
  context: PriorityExportContext,
  locale: Locale,
): Cell[][] {
  const indicators = [
    ...new Set(context.rule.conditions.flatMap((c) => (c.kind === 'list' ? [] : [c.indicator]))),
  ];
  const [rank, code, unit, province, reasons] = HEADERS[locale];
  const values = indicators.map((id) => context.valuesOf(id));
  return [
    [rank, code, unit, province, ...indicators.map((id) => INDICATORS[id].label[locale]), reasons],
    ...members.map((member) => [
      member.rank,
      member.code,
      context.nameOf(member.code),
      context.provinceOf(member.code),
      ...values.map((v) => v.get(member.code) ?? null),
      describeReasons(member, locale),
    ]),
  ];
}

/** The priority list as CSV (see `writeCsv`). */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return writeCsv([rows]);
}
