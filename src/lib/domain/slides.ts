import { parseViewHash, serialiseView, type ViewState } from './view-url.ts';

/**
 * A presentation: saved views ("slides"), each with a title and a one-line note, shown in turn.
 * Decks are kept in IndexedDB and shared as a JSON file; whatever is read back — a stored
 * record or a file — is checked in full, and one bad slide rejects the whole file.
 */
export interface Slide {
  id: string;
  title: string;
  note: string;
  view: ViewState;
}

export interface SlideDeck {
  id: string;
  name: string;
  slides: Slide[];
}

export const DECK_FORMAT = 'vn-poverty-atlas-slides';
export const DECK_LIMITS = {
  /** Decks kept in one browser. */
  decks: 50,
  slides: 100,
  title: 120,
  note: 200,
  /** Bytes of a deck file: far above 100 slides with scenarios of their own. */
  fileBytes: 4_000_000,
} as const;

export class SlideDeckError extends Error {
  override name = 'SlideDeckError';
}

/** Moves one slide (or deck) up (-1) or down (+1); out of range leaves the order as it was. */
export function moveSlide<T>(slides: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= slides.length || target < 0 || target >= slides.length) {
    return [...slides];
  }
  const moved = [...slides];
  [moved[index], moved[target]] = [moved[target]!, moved[index]!];
  return moved;
}

/** Title or note as typed, one line: control characters (newlines included) become spaces. */
export function cleanSlideText(text: string, limit: number): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, limit);
}

// ---- the list of decks --------------------------------------------------------------------
// Pure operations on the ordered list of decks; each returns a new list (the state stores it)
// and leaves a list at the limit as it was.

/** A new empty deck at the end. */
export function addDeck(decks: readonly SlideDeck[], name: string, id: string): SlideDeck[] {
  if (decks.length >= DECK_LIMITS.decks) return [...decks];
  return [...decks, { id, name: cleanSlideText(name, DECK_LIMITS.title), slides: [] }];
}

export function renameDeck(decks: readonly SlideDeck[], id: string, name: string): SlideDeck[] {
  const clean = cleanSlideText(name, DECK_LIMITS.title);
  return decks.map((d) => (d.id === id ? { ...d, name: clean } : d));
}

/**
 * A copy of a deck right after it, named with `suffix`; its slides get fresh ids so editing one
 * deck never changes the other.
 */
export function duplicateDeck(
  decks: readonly SlideDeck[],
  id: string,
  suffix: string,
  createId: () => string,
): SlideDeck[] {
  const index = decks.findIndex((d) => d.id === id);
  if (index < 0 || decks.length >= DECK_LIMITS.decks) return [...decks];
  const original = decks[index]!;
  const copy: SlideDeck = {
    id: createId(),
    name: cleanSlideText(`${original.name} ${suffix}`, DECK_LIMITS.title),
    slides: original.slides.map((slide) => ({ ...structuredClone(slide), id: createId() })),
  };
  return [...decks.slice(0, index + 1), copy, ...decks.slice(index + 1)];
}

export function removeDeck(decks: readonly SlideDeck[], id: string): SlideDeck[] {
  return decks.filter((d) => d.id !== id);
}

/** A deck as JSON for storage or a file: each view as its link, which the reader checks. */
export function deckToJson(deck: SlideDeck): string {
  return JSON.stringify(
    {
      format: DECK_FORMAT,
      version: 1,
      name: deck.name,
      slides: deck.slides.map((s) => ({
        title: s.title,
        note: s.note,
        view: serialiseView(s.view),
      })),
    },
    null,
    2,
  );
}

/**
 * Reads a deck file; throws SlideDeckError naming the first problem. Slides get fresh ids so an
 * imported deck never collides with one already stored.
 */
export function parseDeckJson(text: string, createId: () => string): Omit<SlideDeck, 'id'> {
  if (text.length > DECK_LIMITS.fileBytes) throw new SlideDeckError('the file is too large');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new SlideDeckError('the file is not JSON');
  }
  if (!isRecord(json) || json.format !== DECK_FORMAT) {
    throw new SlideDeckError('the file is not a slide deck of this atlas');
  }
  if (json.version !== 1) throw new SlideDeckError(`unknown version ${String(json.version)}`);
  const name = readText(json.name, DECK_LIMITS.title, 'the name');
  if (!Array.isArray(json.slides)) throw new SlideDeckError('the file has no list of slides');
  if (json.slides.length > DECK_LIMITS.slides) {
    throw new SlideDeckError(`more than ${DECK_LIMITS.slides} slides`);
  }
  const slides = json.slides.map((raw: unknown, i): Slide => {
    const where = `slide ${i + 1}`;
    if (!isRecord(raw)) throw new SlideDeckError(`${where} is not an object`);
    const parsed = typeof raw.view === 'string' ? parseViewHash(raw.view) : null;
    if (parsed?.kind !== 'view') {
      const reason = parsed?.kind === 'invalid' ? `: ${parsed.reason}` : '';
      throw new SlideDeckError(`${where}: the view is not valid${reason}`);
    }
    return {
      id: createId(),
      title: readText(raw.title, DECK_LIMITS.title, `${where}: the title`),
      note: readText(raw.note, DECK_LIMITS.note, `${where}: the note`),
      view: parsed.view,
    };
  });
  return { name, slides };
}

function readText(value: unknown, limit: number, what: string): string {
  if (typeof value !== 'string') throw new SlideDeckError(`${what} is not text`);
  if (value.length > limit) throw new SlideDeckError(`${what} is longer than ${limit} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new SlideDeckError(`${what} has control characters`);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
