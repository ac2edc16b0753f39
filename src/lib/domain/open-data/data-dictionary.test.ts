import { describe, expect, it } from 'vitest';
import type { DatasetMetadata } from '../dataset.ts';
import { exportTable, toCsv } from '../export-table.ts';
import { parseDelimitedText } from '../import/raw-table.ts';
import { INDICATOR_IDS, INDICATORS } from '../indicators.ts';
import {
  createDataDictionary,
  dictionaryMarkdown,
  dictionaryTable,
  factsTable,
} from './data-dictionary.ts';

const dataset: DatasetMetadata = {
  id: 'tq',
  title: { vi: 'Tuyên Quang — Kế hoạch 2020', en: 'Tuyên Quang — plan 2020' },
  source: {
    title: 'Kế hoạch thực hiện Chương trình giảm nghèo năm 2020',
    number: null,
    date: null,
    issuer: 'Ủy ban nhân dân tỉnh Tuyên Quang',
    locator: 'Biểu phụ lục | dòng 1–6',
  },
  standard: '2016-2020',
  level: 'district',
  kind: 'plan',
  year: 2020,
  vintage: '2019-districts',
  licence: 'Văn bản hành chính nhà nước',
  notes: [{ vi: 'Huyện của từng cột được suy ra.', en: 'Each column’s district was inferred.' }],
  indicators: ['rate_start', 'rate_reduction', 'poor_start', 'households_start', 'budget_p1'],
  builtIn: true,
  warnings: [],
};
const boundarySources = [
  { attribution: 'gis.chinhphu.vn, GPL-3.0' },
  { attribution: 'ODM, CC BY-SA 4.0' },
];

describe('createDataDictionary', () => {
  for (const locale of ['vi', 'en'] as const) {
    it(`names exactly the exported columns, then the geometry (${locale})`, () => {
      const entries = createDataDictionary(dataset, locale, { boundarySources });
      const header = exportTable(
        [],
        dataset.indicators,
        { name: () => '', provinceName: () => '' },
        locale,
      ).header;
      expect(entries.map((e) => e.name).slice(0, -1)).toEqual(header);
      expect(entries.at(-1)!.name).toMatch(/^geometry/);
      expect(entries.at(-1)!.source).toBe('gis.chinhphu.vn, GPL-3.0; ODM, CC BY-SA 4.0');
      for (const entry of entries) {
        expect(entry.meaning.length).toBeGreaterThan(10);
        expect(entry.type).not.toBe('');
        expect(entry.source).not.toBe('');
      }
    });
  }

  it("names a multi-year dataset's column of each year, as its export writes them, with the year's standard", () => {
    const history: DatasetMetadata = {
      ...dataset,
      level: 'province',
      indicators: ['poverty_rate'],
      year: 2012,
      years: [2008, 2012],
      standard: 'other',
      standards: { '2008': 'income-2006-2010', '2012': 'income-2011-2015' },
    };
    const figures = [2008, 2012].map((year) => ({
      datasetId: 'tq',
      unitCode: '02',
      unitLevel: 'province' as const,
      indicator: 'poverty_rate' as const,
      year,
      value: 30,
    }));
    const header = exportTable(
      figures,
      history.indicators,
      { name: () => '', provinceName: () => '' },
      'vi',
    ).header;
    const entries = createDataDictionary(history, 'vi', { boundarySources });
    expect(entries.map((e) => e.name).slice(0, -1)).toEqual(header);
    expect(header.slice(4)).toEqual(['Tỷ lệ hộ nghèo cả năm 2008', 'Tỷ lệ hộ nghèo cả năm 2012']);
    expect(entries[4]!.meaning).toContain('2008: chuẩn thu nhập 2006–2010');
    expect(entries[5]!.meaning).toContain('2012: chuẩn thu nhập 2011–2015');
  });

  it('gives each indicator its unit, type, formula and source document', () => {
    const entries = createDataDictionary(dataset, 'vi', { boundarySources });
    const byName = new Map(entries.map((e) => [e.name, e]));
    const rate = byName.get(INDICATORS.rate_start.label.vi)!;
    expect(rate.unit).toBe('%');
    expect(rate.type).toBe('số thập phân');
    expect(rate.meaning).toContain(
      `${INDICATORS.poor_start.label.vi} / ${INDICATORS.households_start.label.vi} × 100`,
    );
    expect(rate.source).toContain('Ủy ban nhân dân tỉnh Tuyên Quang');
    expect(rate.source).toContain('Biểu phụ lục');
    const reduction = byName.get(INDICATORS.rate_reduction.label.vi)!;
    expect(reduction.unit).toBe('điểm phần trăm');
    expect(reduction.meaning).toContain(
      `${INDICATORS.rate_start.label.vi} − ${INDICATORS.rate_end.label.vi}`,
    );
    expect(byName.get(INDICATORS.households_start.label.vi)!.type).toBe('số nguyên');
    const budget = byName.get(INDICATORS.budget_p1.label.vi)!;
    expect(budget.unit).toBe('triệu đồng');
    expect(budget.meaning).toContain(INDICATORS.budget_p1_investment.label.vi);
  });

  it('describes every catalogue indicator in both languages', () => {
    const all = { ...dataset, indicators: [...INDICATOR_IDS] };
    for (const locale of ['vi', 'en'] as const) {
      const entries = createDataDictionary(all, locale, { boundarySources });
      expect(entries).toHaveLength(INDICATOR_IDS.length + 5);
      expect(new Set(entries.map((e) => e.name)).size).toBe(entries.length);
    }
  });
});

describe('dictionary files', () => {
  const entries = createDataDictionary(dataset, 'vi', { boundarySources });

  it('writes a CSV with a BOM that reads back to the same entries', () => {
    const csv = toCsv(dictionaryTable(entries, 'vi'));
    expect(csv.startsWith('\uFEFFCột,Ý nghĩa,Đơn vị,Kiểu dữ liệu,Nguồn')).toBe(true);
    const { rows } = parseDelimitedText(csv);
    expect(rows.slice(1)).toEqual(
      entries.map((e) => [e.name, e.meaning, e.unit, e.type, e.source]),
    );
  });

  it('writes Markdown with the provenance and one table row per column, pipes escaped', () => {
    const text = dictionaryMarkdown(dataset, entries, ['Dòng 3, cột A: lệch'], 'vi');
    const tableRows = text.split('\n').filter((line) => line.startsWith('| '));
    // Header, separator, one row per entry.
    expect(tableRows).toHaveLength(entries.length + 2);
    expect(text).toContain('# Từ điển dữ liệu: Tuyên Quang — Kế hoạch 2020');
    expect(text).toContain('Biểu phụ lục \\| dòng 1–6');
    expect(text).toContain('- **Ghi chú**: Huyện của từng cột được suy ra.');
    expect(text).toContain('## Cảnh báo kiểm tra số liệu\n\n- Dòng 3, cột A: lệch');
    // Every table row has the same number of unescaped cell separators as the header.
    const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length;
    expect(new Set(tableRows.map(cells)).size).toBe(1);
  });

  it('puts the dataset facts in a two-column sheet', () => {
    const facts = factsTable(dataset, 'en');
    expect(facts.header).toEqual(['Field', 'Value']);
    expect(facts.rows).toContainEqual(['Licence', 'Văn bản hành chính nhà nước']);
    expect(facts.rows.every((row) => row.length === 2)).toBe(true);
  });
});
