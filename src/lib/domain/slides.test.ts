import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanSlideText,
  DECK_FORMAT,
  DECK_LIMITS,
  deckToJson,
  moveSlide,
  parseDeckJson,
  type SlideDeck,
} from './slides.ts';
import type { ViewState } from './view-url.ts';

const view = (selectedCode: string | null, indicatorId: ViewState['indicatorId']): ViewState => ({
  datasetId: 'tuyen-quang-2020-plan',
  version: '0123456789abcd',
  indicatorId,
  classification: { method: 'quantile', classes: 4 },
  era: '2019',
  areaCode: '08',
  selectedCode,
  scenario: null,
});

const deck: SlideDeck = {
  id: 'd',
  name: 'Họp giao ban',
  slides: [
    { id: 'a', title: 'Đầu năm', note: 'Lâm Bình cao nhất', view: view('072', 'rate_start') },
    { id: 'b', title: 'Cuối năm', note: '', view: view(null, 'rate_end') },
  ],
};

let counter = 0;
const createId = () => `new-${++counter}`;

describe('moveSlide', () => {
  it('swaps a slide with its neighbour and ignores moves past either end', () => {
    expect(moveSlide(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveSlide(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveSlide(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveSlide(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('always keeps the same slides', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), fc.constantFrom(-1, 1), (xs, i, d) => {
        expect(moveSlide(xs, i, d as -1 | 1).sort((a, b) => a - b)).toEqual(
          [...xs].sort((a, b) => a - b),
        );
      }),
    );
  });
});

describe('deck files', () => {
  it('round-trips a deck, with new slide ids', () => {
    const read = parseDeckJson(deckToJson(deck), createId);
    expect(read.name).toBe(deck.name);
    expect(read.slides.map(({ title, note, view }) => ({ title, note, view }))).toEqual(
      deck.slides.map(({ title, note, view }) => ({ title, note, view })),
    );
    expect(read.slides.map((s) => s.id)).not.toContain('a');
  });

  const valid = JSON.parse(deckToJson(deck));
  it.each([
    ['not JSON', '{"format":'],
    ['another format', JSON.stringify({ ...valid, format: 'x' })],
    ['another version', JSON.stringify({ ...valid, version: 2 })],
    ['no slide list', JSON.stringify({ ...valid, slides: {} })],
    [
      'a bad view',
      JSON.stringify({
        ...valid,
        slides: [valid.slides[0], { ...valid.slides[1], view: '#/map?x=1' }],
      }),
    ],
    [
      'a title with a newline',
      JSON.stringify({ ...valid, slides: [{ ...valid.slides[0], title: 'a\nb' }] }),
    ],
    [
      'a long note',
      JSON.stringify({ ...valid, slides: [{ ...valid.slides[0], note: 'x'.repeat(201) }] }),
    ],
    [
      'too many slides',
      JSON.stringify({ ...valid, slides: Array(DECK_LIMITS.slides + 1).fill(valid.slides[0]) }),
    ],
  ])('rejects a file with %s, as a whole', (_, text) => {
    expect(() => parseDeckJson(text, createId)).toThrow();
  });

  it('names the slide at fault', () => {
    const text = JSON.stringify({
      ...valid,
      slides: [valid.slides[0], { ...valid.slides[1], view: 'x' }],
    });
    expect(() => parseDeckJson(text, createId)).toThrow('slide 2: the view is not valid');
  });

  it('never throws anything but its own error', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .jsonValue()
            .map((v) =>
              JSON.stringify({ format: DECK_FORMAT, version: 1, name: 'x', slides: [v] }),
            ),
        ),
        (text) => {
          try {
            parseDeckJson(text, createId);
          } catch (error) {
            expect((error as Error).name).toBe('SlideDeckError');
          }
        },
      ),
    );
  });
});

describe('cleanSlideText', () => {
  it('keeps one line within the limit', () => {
    expect(cleanSlideText('Lâm Bình\ncao nhất', 120)).toBe('Lâm Bình cao nhất');
    expect(cleanSlideText('x'.repeat(300), 200)).toHaveLength(200);
  });
});
