/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatasetMetadata } from '../dataset.ts';
import {
  LICENCE_TERMS,
  buildCatalogue,
  citeSource,
  datasetFacts,
  formatDocumentDate,
} from './catalogue.ts';

function dataset(overrides: Partial<DatasetMetadata> & { id: string }): DatasetMetadata {
  return {
    title: { vi: `Bộ ${overrides.id}`, en: `Set ${overrides.id}` },
    source: {
      title: 'Kế hoạch giảm nghèo',
      number: '165/KH-UBND',
      date: '2022-09-17',
      issuer: 'Ủy ban nhân dân thành phố Rạch Giá',
      locator: 'Mục I',
    },
    standard: '2022-2025',
    level: 'district',
    kind: 'plan',
    year: 2022,
    vintage: '2019-districts',
    licence: 'Văn bản hành chính nhà nước',
    notes: [],
    indicators: ['rate_start'],
    builtIn: true,
    warnings: [],
    ...overrides,
  };
}

describe('citeSource', () => {
  it('names issuer, title, number and day-first date', () => {
    const source = dataset({ id: 'a' }).source;
    expect(citeSource(source, 'vi')).toBe(
      'Ủy ban nhân dân thành phố Rạch Giá, Kế hoạch giảm nghèo, số 165/KH-UBND, ngày 17/09/2022',
    );
    expect(citeSource(source, 'en')).toBe(
      'Ủy ban nhân dân thành phố Rạch Giá, Kế hoạch giảm nghèo, No. 165/KH-UBND, 17/09/2022',
    );
  });

  it('says so when the copy shows no number or date', () => {
    const source = { ...dataset({ id: 'a' }).source, number: null, date: null };
    expect(citeSource(source, 'vi')).toMatch(/không rõ số, không rõ ngày$/);
    expect(citeSource(source, 'en')).toMatch(/number unknown, date unknown$/);
  });

  it('leaves text that is not an ISO date alone', () => {
    expect(formatDocumentDate('2017')).toBe('2017');
  });
});

describe('buildCatalogue', () => {
  const datasets = [
    dataset({ id: 'old', year: 2016, title: { vi: 'Cũ', en: 'Old' } }),
    dataset({ id: 'mine', builtIn: false, year: 2030 }),
    dataset({ id: 'b', year: 2022, title: { vi: 'Bình', en: 'B' }, editedAt: 'x' } as never),
    dataset({
      id: 'a',
      year: 2022,
      title: { vi: 'An', en: 'A' },
      warnings: [
        {
          row: 3,
          column: 'Tỷ lệ',
          message: 'rate differs',
          kind: 'rate-mismatch',
          params: { rate: 1.5, count: 697, total: 60200, computed: 1.16 },
        },
      ],
    }),
  ];
  const entries = buildCatalogue(datasets, new Map([['a', 12]]), 'vi');

  it('lists only built-in datasets, newest year first, then by title', () => {
    expect(entries.map((e) => e.id)).toEqual(['a', 'b', 'old']);
  });

  it('carries the citation, the facts, the figure count and whether it was edited here', () => {
    const [a, b] = entries;
    expect(a!.citation).toBe(citeSource(datasets[3]!.source, 'vi'));
    expect(a!.facts).toEqual(datasetFacts(datasets[3]!, 'vi'));
    expect(a!.figures).toBe(12);
    expect(b!.figures).toBe(0);
    expect(a!.edited).toBe(false);
    expect(b!.edited).toBe(true);
  });

  it('words each warning with its row and column in the reader’s language', () => {
    expect(entries[0]!.warnings).toHaveLength(1);
    expect(entries[0]!.warnings[0]).toMatch(/^Dòng 3, cột Tỷ lệ: /);
    const english = buildCatalogue(datasets, new Map(), 'en');
    expect(english[0]!.warnings[0]).toMatch(/^Row 3, column Tỷ lệ: /);
  });

  it('describes every seed dataset with its issuer, licence and notes', () => {
    const dir = new URL('../../../../data/seeds/', import.meta.url);
    const seeds = readdirSync(dir)
      .filter((name) => name.endsWith('.meta.json'))
      .map(
        (name) =>
          ({
            ...JSON.parse(readFileSync(new URL(name, dir), 'utf8')),
            builtIn: true,
            warnings: [],
            indicators: [],
          }) as DatasetMetadata,
      );
    expect(seeds.length).toBeGreaterThan(3);
    const catalogue = buildCatalogue(seeds, new Map(), 'vi');
    expect(catalogue).toHaveLength(seeds.length);
    for (const seed of seeds) {
      const entry = catalogue.find((e) => e.id === seed.id)!;
      const values = entry.facts.map(([, value]) => value);
      expect(entry.citation).toContain(seed.source.issuer);
      if (seed.source.number) expect(entry.citation).toContain(seed.source.number);
      expect(values).toContain(seed.licence);
      for (const note of seed.notes) expect(values).toContain(note.vi);
    }
  });
});

describe('licence terms', () => {
  it('state what each licence lets a reader do, in both languages', () => {
    for (const terms of Object.values(LICENCE_TERMS)) {
      expect(terms.reuse.vi.length).toBeGreaterThan(40);
      expect(terms.reuse.en.length).toBeGreaterThan(40);
    }
  });
});
