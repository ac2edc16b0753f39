import type { Locale } from '../../i18n/messages.ts';
import { INDICATORS, type IndicatorId } from '../indicators.ts';
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

/** RFC 4180 CSV with a byte-order mark and CRLF, so spreadsheet programs read UTF-8 (diacritics). */
export function toCsv(rows: readonly (readonly Cell[])[]): string {
  const cell = (value: Cell) => {
    const text = value === null ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
