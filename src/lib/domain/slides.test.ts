import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDeck,
  cleanSlideText,
  duplicateDeck,
  removeDeck,
  renameDeck,
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
  display: 'map',
  indicatorId,
  derivation: null,
  poorSymbols: false,
  comparison: null,
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

describe('deck list', () => {
  const other: SlideDeck = { id: 'e', name: 'Khác', slides: [] };

  it('adds an empty deck at the end, its name one clean line', () => {
    const decks = addDeck([deck], 'Họp\nquý 2', 'n');
    expect(decks.map((d) => [d.id, d.name, d.slides.length])).toEqual([
      ['d', 'Họp giao ban', 2],
      ['n', 'Họp quý 2', 0],
    ]);
  });

  it('renames one deck and leaves the others', () => {
    const decks = renameDeck([deck, other], 'e', 'Họp tỉnh');
    expect(decks.map((d) => d.name)).toEqual(['Họp giao ban', 'Họp tỉnh']);
    expect(decks[0]).toBe(deck);
  });

  it('duplicates a deck right after it, with fresh slide ids and its own slides', () => {
    const decks = duplicateDeck([deck, other], 'd', '(bản sao)', createId);
    expect(decks.map((d) => d.name)).toEqual(['Họp giao ban', 'Họp giao ban (bản sao)', 'Khác']);
    const copy = decks[1]!;
    expect(copy.id).not.toBe('d');
    expect(copy.slides.map(({ title, note, view }) => ({ title, note, view }))).toEqual(
      deck.slides.map(({ title, note, view }) => ({ title, note, view })),
    );
    expect(copy.slides.map((s) => s.id)).not.toContain('a');
    copy.slides[0]!.view.areaCode = '01';
    expect(deck.slides[0]!.view.areaCode).toBe('08');
  });

  it('removes one deck', () => {
    expect(removeDeck([deck, other], 'd')).toEqual([other]);
    expect(removeDeck([deck, other], 'nope')).toEqual([deck, other]);
  });

  it(`stops at ${DECK_LIMITS.decks} decks`, () => {
    const full = Array.from({ length: DECK_LIMITS.decks }, (_, i) => ({ ...other, id: `${i}` }));
    expect(addDeck(full, 'x', 'x')).toHaveLength(DECK_LIMITS.decks);
    expect(duplicateDeck(full, '0', 'x', createId)).toHaveLength(DECK_LIMITS.decks);
  });

  it('keeps every deck through any sequence of operations, ids unique', () => {
    const operation = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), name: fc.string() }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('move' as const),
        at: fc.nat(),
        delta: fc.constantFrom(-1, 1),
      }),
      fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), name: fc.string() }),
    );
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 30 }), (operations) => {
        let decks: SlideDeck[] = [deck];
        for (const op of operations) {
          const before = decks;
          const target =
            decks.length > 0 ? decks[op.kind === 'add' ? 0 : op.at % decks.length] : undefined;
          if (op.kind === 'add') decks = addDeck(decks, op.name, createId());
          else if (!target) continue;
          else if (op.kind === 'duplicate')
            decks = duplicateDeck(decks, target.id, '(2)', createId);
          else if (op.kind === 'remove') decks = removeDeck(decks, target.id);
          else if (op.kind === 'rename') decks = renameDeck(decks, target.id, op.name);
          else decks = moveSlide(decks, op.at % decks.length, op.delta as -1 | 1);
          const grew = op.kind === 'add' || op.kind === 'duplicate';
          const expected =
            op.kind === 'remove' ? before.length - 1 : before.length + (grew ? 1 : 0);
          expect(decks).toHaveLength(Math.min(expected, DECK_LIMITS.decks));
          expect(new Set(decks.map((d) => d.id)).size).toBe(decks.length);
          // eslint-disable-next-line no-control-regex
          expect(decks.every((d) => !/[\u0000-\u001f]/.test(d.name))).toBe(true);
        }
      }),
    );
  });
});
