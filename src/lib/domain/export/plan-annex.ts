import type { Locale } from '../../i18n/messages.ts';
import { formatCount, formatFixed } from '../../scales/format.ts';
import type { DatasetMetadata } from '../dataset.ts';
import type { ScenarioResult } from '../scenario/project-scenario.ts';
import type { ScenarioDefinition } from '../scenario/scenario-definition.ts';
import { roundKeepingTotal } from './largest-remainder.ts';

/**
 * A scenario year as the annex table a provincial plan carries (the layout of Tuyên Quang's 2020
 * plan): households at the start and end of the year, poor households at the start, their fall
 * and at the end, then the rates; one column per unit after the scope's total. Households are
 * whole: each row is rounded by the largest remainder so units add up to the total, and the rates
 * are worked out from those whole numbers, so every figure in the table checks against the others.
 */

export type AnnexRowKind = 'households' | 'percent' | 'heading';

export interface AnnexRow {
  /** The plan's row number ("1"…"6"), empty on the rate sub-rows. */
  number: string;
  label: string;
  unit: string;
  kind: AnnexRowKind;
  /** Total first, then the units; null on the heading row (and for a unit without households). */
  values: (number | null)[];
}

export interface AnnexTable {
  year: number;
  title: string;
  subtitle: string;
  header: string[];
  rows: AnnexRow[];
  /** Source, kind-of-figure and rounding lines, printed under the table. */
  notes: string[];
}

const TEXT = {
  vi: {
    title: (year: number) => `BIỂU PHỤ LỤC: CHỈ TIÊU GIẢM HỘ NGHÈO NĂM ${year}`,
    subtitle: (name: string) => `(Kèm theo kịch bản “${name}”)`,
    columns: ['STT', 'Chỉ tiêu', 'Đơn vị tính'],
    total: { province: 'Toàn tỉnh', nation: 'Cả nước' },
    whole: { province: 'của toàn tỉnh', nation: 'của cả nước' },
    householdsStart: (whole: string) => `Tổng số hộ ${whole} đầu năm`,
    householdsEnd: (whole: string) => `Tổng số hộ ${whole} cuối năm`,
    poorStart: 'Số hộ nghèo đầu năm',
    poorReduced: 'Số hộ nghèo giảm trong năm',
    poorEnd: 'Số hộ nghèo cuối năm',
    rate: 'Tỷ lệ hộ nghèo',
    rateStart: '- Đầu năm',
    rateReduction: '- Giảm trong năm',
    rateEnd: '- Cuối năm',
    households: 'Hộ',
    source: (name: string, base: string, document: string) =>
      `Nguồn: kịch bản “${name}”, Bản đồ giảm nghèo Việt Nam; số liệu gốc: ${base} (${document}).`,
    kind: 'Đây là số liệu kịch bản (dự kiến), không phải kết quả rà soát.',
    rounding:
      'Số hộ được làm tròn đến hộ theo phương pháp phần dư lớn nhất, nên các đơn vị cộng lại đúng bằng tổng; tỷ lệ (%) tính từ số hộ đã làm tròn.',
  },
  en: {
    title: (year: number) => `ANNEX: POOR HOUSEHOLD REDUCTION TARGETS FOR ${year}`,
    subtitle: (name: string) => `(Accompanying the scenario “${name}”)`,
    columns: ['No.', 'Indicator', 'Unit'],
    total: { province: 'Province', nation: 'Nation' },
    whole: { province: 'in the province', nation: 'in the country' },
    householdsStart: (whole: string) => `Households ${whole} at the start of the year`,
    householdsEnd: (whole: string) => `Households ${whole} at the end of the year`,
    poorStart: 'Poor households at the start of the year',
    poorReduced: 'Fall in poor households during the year',
    poorEnd: 'Poor households at the end of the year',
    rate: 'Poverty rate',
    rateStart: '- start of the year',
    rateReduction: '- reduction during the year',
    rateEnd: '- end of the year',
    households: 'households',
    source: (name: string, base: string, document: string) =>
      `Source: scenario “${name}”, Vietnam Poverty Reduction Atlas; base figures: ${base} (${document}).`,
    kind: 'These are scenario figures (projected), not review results.',
    rounding:
      'Households are rounded to whole households by the largest remainder, so the units add up exactly to the total; rates (%) are worked out from the rounded households.',
  },
} as const;

/** Whole numbers per unit that add up to the total, which goes first. */
function wholeRow(values: number[]): number[] {
  const rounded = roundKeepingTotal(values);
  return [rounded.reduce((sum, v) => sum + v, 0), ...rounded];
}

/** Rates to two decimals from whole counts; the reduction is the difference of the printed rates. */
function rateInHundredths(poor: number, households: number): number | null {
  return households > 0 ? Math.round((10000 * poor) / households) : null;
}

export interface AnnexOptions {
  locale: Locale;
  /** 0 for the first year of the horizon. */
  yearIndex: number;
  base: Pick<DatasetMetadata, 'title' | 'source'> | null;
}

export function planAnnex(
  result: ScenarioResult,
  definition: ScenarioDefinition,
  { locale, yearIndex: t, base }: AnnexOptions,
): AnnexTable {
  if (!Number.isInteger(t) || t < 0 || t >= definition.years) {
    throw new RangeError(`year ${t} is outside the scenario's ${definition.years} years`);
  }
  const text = TEXT[locale];
  const scope = definition.scope.kind;
  const units = result.units;
  const householdsStart = wholeRow(units.map((u) => u.households[t]!));
  const householdsEnd = wholeRow(units.map((u) => u.households[t + 1]!));
  const poorStart = wholeRow(units.map((u) => u.poor[t]!));
  const poorEnd = wholeRow(units.map((u) => u.poor[t + 1]!));
  const rateStart = poorStart.map((p, i) => rateInHundredths(p, householdsStart[i]!));
  const rateEnd = poorEnd.map((p, i) => rateInHundredths(p, householdsEnd[i]!));
  const percent = (hundredths: number | null) => (hundredths === null ? null : hundredths / 100);
  const row = (
    number: string,
    label: string,
    kind: AnnexRowKind,
    values: (number | null)[],
  ): AnnexRow => ({
    number,
    label,
    unit: kind === 'households' ? text.households : kind === 'percent' ? '%' : '',
    kind,
    values,
  });
  const documentName = base ? `${base.source.title}, ${base.source.issuer}` : '';
  return {
    year: definition.startYear + t,
    title: text.title(definition.startYear + t),
    subtitle: text.subtitle(definition.name),
    header: [...text.columns, text.total[scope], ...units.map((u) => u.name)],
    rows: [
      row('1', text.householdsStart(text.whole[scope]), 'households', householdsStart),
      row('2', text.householdsEnd(text.whole[scope]), 'households', householdsEnd),
      row('3', text.poorStart, 'households', poorStart),
      row(
        '4',
        text.poorReduced,
        'households',
        poorStart.map((p, i) => p - poorEnd[i]!),
      ),
      row('5', text.poorEnd, 'households', poorEnd),
      row(
        '6',
        text.rate,
        'heading',
        poorStart.map(() => null),
      ),
      row('', text.rateStart, 'percent', rateStart.map(percent)),
      row(
        '',
        text.rateReduction,
        'percent',
        rateStart.map((s, i) =>
          s === null || rateEnd[i] === null ? null : (s - rateEnd[i]!) / 100,
        ),
      ),
      row('', text.rateEnd, 'percent', rateEnd.map(percent)),
    ],
    notes: [
      text.source(definition.name, base?.title[locale] ?? definition.baseDatasetId, documentName),
      text.kind,
      text.rounding,
    ],
  };
}

/** A cell as the printed page shows it: `210.299`, `11,80`; empty for no figure. */
export function formatAnnexValue(value: number | null, kind: AnnexRowKind, locale: Locale): string {
  if (value === null || kind === 'heading') return '';
  return kind === 'percent' ? formatFixed(value, locale, 2) : formatCount(value, locale);
}

/** A cell for write-excel-file; the number formats show `210.299` and `11,80` in a Vietnamese Excel. */
export interface AnnexSheetCell {
  value?: string | number;
  format?: string;
  fontWeight?: 'bold';
  columnSpan?: number;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

/** The table as sheet rows: title, subtitle, a blank row, the table, a blank row and the notes. */
export function annexSheetRows(table: AnnexTable): (AnnexSheetCell | null)[][] {
  const width = table.header.length;
  const spanning = (value: string, extra: AnnexSheetCell = {}): (AnnexSheetCell | null)[] => [
    { value, columnSpan: width, ...extra },
    ...Array<null>(width - 1).fill(null),
  ];
  return [
    spanning(table.title, { fontWeight: 'bold', align: 'center' }),
    spanning(table.subtitle, { align: 'center' }),
    [],
    table.header.map((value): AnnexSheetCell => ({
      value,
      fontWeight: 'bold',
      align: 'center',
      wrap: true,
    })),
    ...table.rows.map((row): AnnexSheetCell[] => [
      { value: row.number, align: 'center' },
      row.kind === 'heading' ? { value: row.label, fontWeight: 'bold' } : { value: row.label },
      { value: row.unit, align: 'center' },
      ...row.values.map((value): AnnexSheetCell =>
        value === null
          ? {}
          : { value, format: row.kind === 'percent' ? '0.00' : '#,##0', align: 'right' },
      ),
    ]),
    [],
    ...table.notes.map((note) => spanning(note, { wrap: false })),
  ];
}
