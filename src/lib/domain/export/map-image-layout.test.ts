import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  layoutMapImage,
  mapImageFileName,
  wrapText,
  type MapImageContent,
  type MeasureText,
} from './map-image-layout.ts';

/** Every character is 8 px wide, whatever the font. */
const measure: MeasureText = (text) => text.length * 8;

const content: MapImageContent = {
  title: 'Tỷ lệ hộ nghèo đầu năm',
  subtitle: 'Kế hoạch giảm nghèo tỉnh Tuyên Quang 2020 · 22/11/2026',
  legendTitle: 'Tỷ lệ hộ nghèo đầu năm (%)',
  legendRows: [
    { color: '#ffffb2', range: '< 5', count: 1 },
    { color: '#fecc5c', range: '5 – < 10', count: 3 },
    { color: null, range: 'Không có số liệu', count: 698 },
  ],
  credits: ['Số liệu: UBND tỉnh Tuyên Quang.', 'Ranh giới: gis.chinhphu.vn (GPL-3.0).'],
};

describe('wrapText', () => {
  it('breaks between words so that no line is wider than the limit', () => {
    expect(wrapText('một hai ba bốn năm', 8 * 7, '', measure)).toEqual([
      'một hai',
      'ba bốn',
      'năm',
    ]);
  });

  it('keeps every word, in order, whatever the width', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-zđơư]{1,12}$/), { maxLength: 30 }),
        fc.integer({ min: 1, max: 400 }),
        (words, maxWidth) => {
          const lines = wrapText(words.join(' '), maxWidth, '', measure);
          expect(lines.join(' ')).toBe(words.join(' '));
          for (const line of lines) {
            // A line is too wide only when it is a single word that cannot be broken.
            if (measure(line, '') > maxWidth) expect(line).not.toContain(' ');
          }
        },
      ),
    );
  });
});

describe('layoutMapImage', () => {
  it('places the map at its own size, the legend beside it and the credits below both', () => {
    const layout = layoutMapImage(content, { width: 800, height: 600 }, measure);
    expect(layout.map.width).toBe(800);
    expect(layout.map.height).toBe(600);
    const title = layout.texts.find((t) => t.text === content.title)!;
    expect(title.y).toBeLessThan(layout.map.y);
    for (const swatch of layout.swatches) {
      expect(swatch.x).toBeGreaterThan(layout.map.x + layout.map.width);
      expect(swatch.x + swatch.width).toBeLessThanOrEqual(layout.width);
    }
    expect(layout.swatches.map((s) => s.color)).toEqual(['#ffffb2', '#fecc5c', null]);
    const credits = layout.texts.filter((t) => content.credits.includes(t.text));
    expect(credits).toHaveLength(2);
    for (const credit of credits) {
      expect(credit.y).toBeGreaterThan(layout.map.y + layout.map.height);
      expect(credit.y).toBeLessThan(layout.height);
    }
  });

  it('keeps every text and swatch inside the image for any map size and content', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 50, max: 3000 }),
        fc.integer({ min: 50, max: 3000 }),
        fc.array(fc.string({ maxLength: 40 }), { maxLength: 12 }),
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 4 }),
        (width, height, ranges, credits) => {
          const layout = layoutMapImage(
            {
              ...content,
              legendRows: ranges.map((range, i) => ({ color: '#000', range, count: i })),
              credits,
            },
            { width, height },
            measure,
          );
          expect(layout.width).toBeGreaterThan(width);
          expect(layout.height).toBeGreaterThan(height);
          for (const text of layout.texts) {
            expect(text.y).toBeGreaterThan(0);
            expect(text.y).toBeLessThan(layout.height);
          }
          for (const swatch of layout.swatches) {
            expect(swatch.y + swatch.height).toBeLessThan(layout.height);
          }
        },
      ),
    );
  });
});

describe('mapImageFileName', () => {
  it('drops diacritics and punctuation and adds the date', () => {
    expect(mapImageFileName('Tỷ lệ hộ nghèo đầu năm (%)', new Date(2026, 0, 5))).toBe(
      'ban-do-ty-le-ho-ngheo-dau-nam-2026-01-05.png',
    );
  });

  it('always gives a safe name', () => {
    fc.assert(
      fc.property(fc.string(), (title) => {
        expect(mapImageFileName(title, new Date(2026, 10, 22))).toMatch(
          /^ban-do-[a-z0-9-]+-2026-11-22\.png$/,
        );
      }),
    );
  });
});
