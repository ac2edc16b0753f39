import { describe, expect, it } from 'vitest';
import { boundaryAttributions, creditLines, type CreditInput } from './credits.ts';

const labels = {
  data: 'Số liệu',
  boundaries: 'Ranh giới',
  sources2025: 'Ranh giới 2025',
  userBoundaryCredit: 'Ranh giới đã nhập',
};

const input: CreditInput = {
  dataset: {
    source: {
      title: 'Kế hoạch thực hiện Chương trình giảm nghèo năm 2020',
      number: null,
      date: null,
      issuer: 'Ủy ban nhân dân tỉnh Tuyên Quang',
      locator: 'Biểu phụ lục',
    },
  },
  era: '2019',
  boundaries2019: [{ attribution: 'geoBoundaries (CC BY 4.0)' }, { attribution: 'OSM (ODbL)' }],
  boundaries2025: [{ attribution: 'Bộ Nội vụ 2025' }],
  userBoundary: null,
};

describe('creditLines', () => {
  it('names the data and the 2019 boundaries on the 2019 map', () => {
    expect(creditLines(input, labels)).toEqual([
      {
        kind: 'data',
        text: 'Số liệu: Ủy ban nhân dân tỉnh Tuyên Quang, Kế hoạch thực hiện Chương trình giảm nghèo năm 2020.',
      },
      { kind: 'boundaries', text: 'Ranh giới: geoBoundaries (CC BY 4.0); OSM (ODbL).' },
    ]);
  });

  it('names the 2025 boundaries on the 2025 map, and the document number when there is one', () => {
    const lines = creditLines(
      {
        ...input,
        era: '2025',
        dataset: { source: { ...input.dataset!.source, number: '369/UBND-VHXH' } },
      },
      labels,
    );
    expect(lines.map((l) => l.text)).toEqual([
      'Số liệu: Ủy ban nhân dân tỉnh Tuyên Quang, Kế hoạch thực hiện Chương trình giảm nghèo năm 2020 (369/UBND-VHXH).',
      'Ranh giới 2025: Bộ Nội vụ 2025.',
    ]);
  });

  it('names an imported boundary set shown over the map, with its file', () => {
    const lines = creditLines(
      { ...input, userBoundary: { name: 'Huyện TQ', sourceFile: 'huyen-tq.zip' } },
      labels,
    );
    expect(lines.at(-1)).toEqual({
      kind: 'user-boundaries',
      text: 'Ranh giới đã nhập: Huyện TQ (huyen-tq.zip).',
    });
    expect(lines).toHaveLength(3);
  });

  it('leaves out what there is none of', () => {
    expect(creditLines({ ...input, dataset: null, boundaries2019: [] }, labels)).toEqual([]);
  });
});

describe('creditLines and kinds', () => {
  it("names the dataset's kind in the data credit when given", () => {
    const [data] = creditLines(
      { ...input, dataset: { ...input.dataset!, kindLabel: 'Điều tra' } },
      labels,
    );
    expect(data!.text).toMatch(/^Số liệu \(Điều tra\): /);
  });

  it('leaves out a blank issuer or title instead of writing "Số liệu: , …"', () => {
    const source = { ...input.dataset!.source };
    const blankIssuer = creditLines(
      { ...input, dataset: { source: { ...source, issuer: ' ' } } },
      labels,
    );
    expect(blankIssuer[0]!.text).toBe(
      'Số liệu: Kế hoạch thực hiện Chương trình giảm nghèo năm 2020.',
    );
    const blankBoth = creditLines(
      { ...input, dataset: { source: { ...source, issuer: '', title: '' } } },
      labels,
    );
    expect(blankBoth.map((line) => line.kind)).toEqual(['boundaries']);
    for (const line of [...blankIssuer, ...blankBoth]) {
      expect(line.text).not.toMatch(/: ,|, \.|,\s*,/);
    }
  });

  it("gives a boundary source's credit in the reader's language when one is given for its id", () => {
    const lines = creditLines(
      {
        ...input,
        boundaries2019: [
          { id: 'gis', attribution: 'Ranh giới hành chính: gis.chinhphu.vn' },
          { id: 'osm', attribution: 'OSM (ODbL)' },
        ],
      },
      { ...labels, attributions: { gis: 'Administrative boundaries: gis.chinhphu.vn' } },
    );
    expect(lines[1]!.text).toBe(
      'Ranh giới: Administrative boundaries: gis.chinhphu.vn; OSM (ODbL).',
    );
  });

  it('reads the credits by id from the message tables, leaving out sources without one', () => {
    const messages: Record<string, string> = { credit_gis: 'Administrative boundaries' };
    expect(
      boundaryAttributions([{ id: 'gis' }, { id: 'osm' }, {}], (key) => messages[key] ?? null),
    ).toEqual({ gis: 'Administrative boundaries' });
  });
});
