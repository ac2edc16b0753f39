import { getContext, setContext, tick } from 'svelte';
import type { SlideDeckRecord } from '../db/atlas-db.ts';
import {
  addDeck,
  cleanSlideText,
  DECK_LIMITS,
  deckToJson,
  duplicateDeck,
  moveSlide,
  parseDeckJson,
  removeDeck,
  renameDeck,
  type Slide,
  type SlideDeck,
} from '../domain/slides.ts';
import type { ViewState } from '../domain/view-url.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { vi, type MessageKey } from '../i18n/messages.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import { downloadBytes, type MeetingState } from './meeting-state.svelte.ts';
import type { ViewUrlState } from './view-url.svelte.ts';

export interface SlidesNotice {
  kind: 'error' | 'info';
  key: MessageKey;
  detail?: string;
}

/** A slide drawn for its deck's printout: the image as a blob: URL, with its text. */
export interface PrintedSlide {
  url: string;
  title: string;
  note: string;
  description: string;
}

/**
 * The presentations: any number of decks of slides (saved views with a title and a note), kept
 * in IndexedDB in the order a person puts them, one of them being edited; and the slide being
 * shown while presenting. A slide is shown by opening its view, so the map, legend and address
 * bar are exactly those of the view it was made from.
 */
export class SlidesState {
  readonly #atlas: AtlasState;
  readonly #meeting: MeetingState;
  readonly #viewUrl: ViewUrlState;

  decks = $state<SlideDeck[]>([newDeck(crypto.randomUUID())]);
  deckId = $state('');
  presenting = $state(false);
  index = $state(0);
  notice = $state<SlidesNotice | null>(null);
  /** Said over the shown slide: its dataset is gone, or its figures changed since it was made. */
  problem = $state<MessageKey | null>(null);
  /** Drawing the deck's slides for images or print: which slide, of how many. */
  drawing = $state<{ done: number; total: number } | null>(null);
  /** The deck's slides as images while its printout is open. */
  printed = $state<PrintedSlide[] | null>(null);
  #enteredFullscreen = false;

  constructor(atlas: AtlasState, meeting: MeetingState, viewUrl: ViewUrlState) {
    this.#atlas = atlas;
    this.#meeting = meeting;
    this.#viewUrl = viewUrl;
  }

  /** The deck being edited and presented. */
  deck = $derived(this.decks.find((d) => d.id === this.deckId) ?? this.decks[0]!);
  slides = $derived(this.deck.slides);
  /** The deck's name as shown (and exported): an untouched default follows the UI language. */
  name = $derived(i18n.name(this.deck.name));
  current = $derived(this.presenting ? (this.slides[this.index] ?? null) : null);

  /** Reads the stored decks in order; one written by another version that does not parse is set aside. */
  async restore(): Promise<void> {
    const records = (await this.#atlas.data.store?.listSlideDecks()) ?? [];
    const decks: SlideDeck[] = [];
    for (const record of records) {
      try {
        decks.push({ id: record.id, ...parseDeckJson(record.json, () => crypto.randomUUID()) });
      } catch (error) {
        this.notice = {
          kind: 'error',
          key: 'slidesStoredInvalid',
          detail: `${record.name}: ${(error as Error).message}`,
        };
      }
    }
    if (decks.length > 0) {
      this.decks = decks;
      this.deckId = decks[0]!.id;
    }
  }

  // ---- decks -------------------------------------------------------------------------------

  selectDeck(id: string): void {
    if (this.presenting || !this.decks.some((d) => d.id === id)) return;
    this.deckId = id;
  }

  addDeck(): void {
    const id = crypto.randomUUID();
    const name = `${vi.slidesDefaultName} ${this.decks.length + 1}`;
    this.#setDecks(addDeck(this.decks, name, id), id);
  }

  renameDeck(name: string): void {
    this.#setDecks(renameDeck(this.decks, this.deck.id, name), this.deck.id);
  }

  duplicateDeck(): void {
    // A snapshot: the copy's slides are cloned, which a state proxy cannot be.
    const decks = duplicateDeck(
      $state.snapshot(this.decks) as SlideDeck[],
      this.deck.id,
      vi.scenarioCopySuffix,
      () => crypto.randomUUID(),
    );
    const copy = decks[decks.findIndex((d) => d.id === this.deck.id) + 1];
    this.#setDecks(decks, copy?.id ?? this.deck.id);
  }

  /** Deletes the deck being edited; the last one left is replaced by an empty deck. */
  removeDeck(): void {
    const index = this.decks.findIndex((d) => d.id === this.deck.id);
    const removed = this.deck.id;
    const rest = removeDeck(this.decks, removed);
    const decks = rest.length > 0 ? rest : [newDeck(crypto.randomUUID())];
    this.#setDecks(decks, decks[Math.min(index, decks.length - 1)]!.id);
    void this.#atlas.data.store?.deleteSlideDeck(removed).catch(() => undefined);
  }

  moveDeck(delta: -1 | 1): void {
    const index = this.decks.findIndex((d) => d.id === this.deck.id);
    this.#setDecks(moveSlide(this.decks, index, delta), this.deck.id);
  }

  #setDecks(decks: SlideDeck[], deckId: string): void {
    this.decks = decks;
    this.deckId = deckId;
    this.#persistAll();
  }

  // ---- slides of the deck ------------------------------------------------------------------

  #setSlides(slides: Slide[]): void {
    this.decks = this.decks.map((d) => (d.id === this.deck.id ? { ...d, slides } : d));
    this.#persist(this.deck);
  }

  addCurrentView(): void {
    if (this.slides.length >= DECK_LIMITS.slides) return;
    const view = $state.snapshot(this.#viewUrl.current) as ViewState;
    const title = cleanSlideText(this.#meeting.title, DECK_LIMITS.title);
    this.#setSlides([...this.slides, { id: crypto.randomUUID(), title, note: '', view }]);
  }

  move(index: number, delta: -1 | 1): void {
    this.#setSlides(moveSlide(this.slides, index, delta));
  }

  edit(index: number, patch: { title?: string; note?: string }): void {
    const slide = this.slides[index];
    if (!slide) return;
    const title =
      patch.title === undefined ? slide.title : cleanSlideText(patch.title, DECK_LIMITS.title);
    const note =
      patch.note === undefined ? slide.note : cleanSlideText(patch.note, DECK_LIMITS.note);
    this.#setSlides(this.slides.map((s, i) => (i === index ? { ...s, title, note } : s)));
  }

  remove(index: number): void {
    this.#setSlides(this.slides.filter((_, i) => i !== index));
  }

  // ---- presenting --------------------------------------------------------------------------

  async start(from = 0): Promise<void> {
    if (this.slides.length === 0) return;
    this.presenting = true;
    this.#meeting.panelOpen = false;
    this.#enteredFullscreen = false;
    // Where the browser allows it (and the page is not framed); presenting works without it.
    if (document.fullscreenEnabled && !document.fullscreenElement) {
      try {
        await document.documentElement.requestFullscreen();
        this.#enteredFullscreen = true;
      } catch {
        // Refused (no user gesture, a policy): present in the window.
      }
    }
    await this.go(from);
  }

  async go(index: number): Promise<void> {
    const slide = this.slides[index];
    if (!this.presenting || !slide) return;
    this.index = index;
    this.#meeting.titleOverride = slide.title;
    await this.#viewUrl.apply(slide.view);
    if (this.index !== index) return; // A later key press has moved on.
    this.problem = this.#problemOf(slide);
  }

  #problemOf(slide: Slide): MessageKey | null {
    const known = this.#atlas.data.datasets.some((d) => d.id === slide.view.datasetId);
    const { version } = slide.view;
    return !known
      ? 'slideDatasetMissing'
      : version !== null && version !== this.#atlas.datasetVersion
        ? 'viewLinkDataChanged'
        : null;
  }

  next = (): Promise<void> => this.go(Math.min(this.index + 1, this.slides.length - 1));
  previous = (): Promise<void> => this.go(Math.max(this.index - 1, 0));

  async stop(): Promise<void> {
    if (!this.presenting) return;
    this.presenting = false;
    this.problem = null;
    this.#meeting.titleOverride = null;
    if (this.#enteredFullscreen && document.fullscreenElement) {
      await document.exitFullscreen().catch(() => undefined);
    }
    this.#enteredFullscreen = false;
  }

  /** Leaving full screen with the browser's own Escape also ends the presentation. */
  onFullscreenChange = (): void => {
    if (this.#enteredFullscreen && !document.fullscreenElement) void this.stop();
  };

  // ---- images and print --------------------------------------------------------------------

  /**
   * Draws every slide of the deck as the exported PNG (title, note, legend, credits), one after
   * the other on the map, then goes back to the view that was open.
   */
  async #drawDeck(): Promise<{ bytes: Uint8Array; slide: Slide; description: string }[]> {
    const slides = $state.snapshot(this.slides) as Slide[];
    const before = $state.snapshot(this.#viewUrl.current) as ViewState;
    const date = new Date();
    const images = [];
    this.drawing = { done: 0, total: slides.length };
    try {
      for (const slide of slides) {
        this.#meeting.titleOverride = slide.title;
        this.#meeting.noteOverride = slide.note || null;
        await this.#viewUrl.apply(slide.view);
        // A slide of the table is drawn as its map: an image needs one.
        this.#atlas.view = 'map';
        await tick();
        const { bytes, description } = await this.#meeting.renderPng(date);
        images.push({ bytes, slide, description });
        this.drawing = { done: images.length, total: slides.length };
      }
    } finally {
      this.#meeting.titleOverride = null;
      this.#meeting.noteOverride = null;
      this.drawing = null;
      await this.#viewUrl.apply(before);
    }
    return images;
  }

  /** Downloads the deck's slides as PNG images, numbered in order, in one ZIP file. */
  async exportImages(): Promise<void> {
    if (this.drawing || this.slides.length === 0) return;
    try {
      const images = await this.#drawDeck();
      const [{ zipSync }, { mapImageFileName }] = await Promise.all([
        import('fflate'),
        import('../domain/export/map-image-layout.ts'),
      ]);
      const date = new Date();
      const files = Object.fromEntries(
        images.map(({ bytes, slide }, i) => [
          `${String(i + 1).padStart(2, '0')}-${mapImageFileName(slide.title, date)}`,
          // PNG is compressed already: stored, not deflated again.
          [bytes, { level: 0 }] as [Uint8Array, { level: 0 }],
        ]),
      );
      const fileName = mapImageFileName(this.name, date).replace(/^ban-do-/, 'trinh-chieu-');
      downloadBytes(zipSync(files), fileName.replace(/\.png$/, '.zip'), 'application/zip');
      this.notice = { kind: 'info', key: 'slidesImagesExported', detail: String(images.length) };
    } catch (error) {
      this.notice = { kind: 'error', key: 'exportFailed', detail: (error as Error).message };
    }
  }

  /** Prints the deck, one A4 landscape page per slide, from the same images as the export. */
  async print(): Promise<void> {
    if (this.drawing || this.slides.length === 0) return;
    try {
      const images = await this.#drawDeck();
      this.printed = images.map(({ bytes, slide, description }) => ({
        url: URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/png' })),
        title: slide.title,
        note: slide.note,
        description,
      }));
      await tick();
      await Promise.all(
        [...document.querySelectorAll<HTMLImageElement>('[data-deck-print] img')].map((img) =>
          img.decode().catch(() => undefined),
        ),
      );
    } catch (error) {
      this.notice = { kind: 'error', key: 'exportFailed', detail: (error as Error).message };
      return;
    }
    window.addEventListener('afterprint', () => this.closePrint(), { once: true });
    window.print();
  }

  closePrint(): void {
    for (const page of this.printed ?? []) URL.revokeObjectURL(page.url);
    this.printed = null;
  }

  // ---- sharing -----------------------------------------------------------------------------

  deckJson(): string {
    return deckToJson($state.snapshot(this.deck) as SlideDeck);
  }

  /** Adds a file's deck as a new deck, or — when any part of the file is bad — changes nothing. */
  async importFile(file: File): Promise<void> {
    if (file.size > DECK_LIMITS.fileBytes) {
      this.notice = { kind: 'error', key: 'slidesImportFailed', detail: 'the file is too large' };
      return;
    }
    // An empty deck being edited (a fresh start) gives way to the imported one.
    const replaced = this.deck.slides.length === 0 ? this.deck.id : null;
    if (!replaced && this.decks.length >= DECK_LIMITS.decks) {
      this.notice = {
        kind: 'error',
        key: 'slidesImportFailed',
        detail: `more than ${DECK_LIMITS.decks} decks`,
      };
      return;
    }
    try {
      const deck: SlideDeck = {
        id: crypto.randomUUID(),
        ...parseDeckJson(await file.text(), () => crypto.randomUUID()),
      };
      this.#setDecks(
        replaced ? this.decks.map((d) => (d.id === replaced ? deck : d)) : [...this.decks, deck],
        deck.id,
      );
      if (replaced) void this.#atlas.data.store?.deleteSlideDeck(replaced).catch(() => undefined);
      this.notice = { kind: 'info', key: 'slidesImported', detail: String(deck.slides.length) };
    } catch (error) {
      this.notice = { kind: 'error', key: 'slidesImportFailed', detail: (error as Error).message };
    }
  }

  #record(deck: SlideDeck, position: number, updatedAt: string): SlideDeckRecord {
    return { id: deck.id, name: deck.name, updatedAt, position, json: deckToJson(deck) };
  }

  // A failed write keeps the decks for this visit; the storage banner already says why.
  #persist(deck: SlideDeck): void {
    const position = this.decks.findIndex((d) => d.id === deck.id);
    const record = this.#record(
      $state.snapshot(this.decks[position]!) as SlideDeck,
      position,
      new Date().toISOString(),
    );
    void this.#atlas.data.store?.putSlideDeck(record).catch(() => undefined);
  }

  #persistAll(): void {
    const now = new Date().toISOString();
    const records = ($state.snapshot(this.decks) as SlideDeck[]).map((d, i) =>
      this.#record(d, i, now),
    );
    void this.#atlas.data.store?.putSlideDecks(records).catch(() => undefined);
  }
}

function newDeck(id: string): SlideDeck {
  return { id, name: vi.slidesDefaultName, slides: [] };
}

const KEY = Symbol('slides-state');

export function setSlidesState(state: SlidesState): SlidesState {
  return setContext(KEY, state);
}

export function getSlidesState(): SlidesState {
  const state = getContext<SlidesState | undefined>(KEY);
  if (!state) throw new Error('getSlidesState() called outside <App>: no SlidesState in context');
  return state;
}
