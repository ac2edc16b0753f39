import { getContext, setContext } from 'svelte';
import {
  cleanSlideText,
  DECK_LIMITS,
  deckToJson,
  moveSlide,
  parseDeckJson,
  type Slide,
} from '../domain/slides.ts';
import type { ViewState } from '../domain/view-url.ts';
import { vi, type MessageKey } from '../i18n/messages.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { MeetingState } from './meeting-state.svelte.ts';
import type { ViewUrlState } from './view-url.svelte.ts';

/** The one deck the meeting panel edits; kept under this id in the slideDecks table. */
const DECK_ID = 'current';

export interface SlidesNotice {
  kind: 'error' | 'info';
  key: MessageKey;
  detail?: string;
}

/**
 * The presentation: the slides (saved views with a title and a note), kept in IndexedDB, and
 * the slide being shown while presenting. A slide is shown by opening its view, so the map,
 * legend and address bar are exactly those of the view it was made from.
 */
export class SlidesState {
  readonly #atlas: AtlasState;
  readonly #meeting: MeetingState;
  readonly #viewUrl: ViewUrlState;

  name = $state(vi.slidesDefaultName);
  slides = $state<Slide[]>([]);
  presenting = $state(false);
  index = $state(0);
  notice = $state<SlidesNotice | null>(null);
  /** Said over the shown slide: its dataset is gone, or its figures changed since it was made. */
  problem = $state<MessageKey | null>(null);
  #enteredFullscreen = false;

  constructor(atlas: AtlasState, meeting: MeetingState, viewUrl: ViewUrlState) {
    this.#atlas = atlas;
    this.#meeting = meeting;
    this.#viewUrl = viewUrl;
  }

  current = $derived(this.presenting ? (this.slides[this.index] ?? null) : null);

  /** Reads the stored deck; one written by another version that does not parse is set aside. */
  async restore(): Promise<void> {
    const record = (await this.#atlas.store?.listSlideDecks())?.find((d) => d.id === DECK_ID);
    if (!record) return;
    try {
      const deck = parseDeckJson(record.json, () => crypto.randomUUID());
      this.name = deck.name;
      this.slides = deck.slides;
    } catch (error) {
      this.notice = { kind: 'error', key: 'slidesStoredInvalid', detail: (error as Error).message };
    }
  }

  addCurrentView(): void {
    if (this.slides.length >= DECK_LIMITS.slides) return;
    const view = $state.snapshot(this.#viewUrl.current) as ViewState;
    const title = cleanSlideText(this.#meeting.title, DECK_LIMITS.title);
    this.slides = [...this.slides, { id: crypto.randomUUID(), title, note: '', view }];
    this.#persist();
  }

  move(index: number, delta: -1 | 1): void {
    this.slides = moveSlide(this.slides, index, delta);
    this.#persist();
  }

  edit(index: number, patch: { title?: string; note?: string }): void {
    const slide = this.slides[index];
    if (!slide) return;
    if (patch.title !== undefined) slide.title = cleanSlideText(patch.title, DECK_LIMITS.title);
    if (patch.note !== undefined) slide.note = cleanSlideText(patch.note, DECK_LIMITS.note);
    this.#persist();
  }

  remove(index: number): void {
    this.slides = this.slides.filter((_, i) => i !== index);
    this.#persist();
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
    const known = this.#atlas.datasets.some((d) => d.id === slide.view.datasetId);
    await this.#viewUrl.apply(slide.view);
    if (this.index !== index) return; // A later key press has moved on.
    const { version } = slide.view;
    this.problem = !known
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

  // ---- sharing -----------------------------------------------------------------------------

  deckJson(): string {
    return deckToJson({ id: DECK_ID, name: this.name, slides: $state.snapshot(this.slides) });
  }

  /** Replaces the deck with a file's, or — when any part of the file is bad — changes nothing. */
  async importFile(file: File): Promise<void> {
    if (file.size > DECK_LIMITS.fileBytes) {
      this.notice = { kind: 'error', key: 'slidesImportFailed', detail: 'the file is too large' };
      return;
    }
    try {
      const deck = parseDeckJson(await file.text(), () => crypto.randomUUID());
      this.name = deck.name;
      this.slides = deck.slides;
      this.notice = { kind: 'info', key: 'slidesImported', detail: String(deck.slides.length) };
      this.#persist();
    } catch (error) {
      this.notice = { kind: 'error', key: 'slidesImportFailed', detail: (error as Error).message };
    }
  }

  #persist(): void {
    const record = {
      id: DECK_ID,
      name: this.name,
      updatedAt: new Date().toISOString(),
      json: this.deckJson(),
    };
    // A failed write keeps the deck for this visit; the storage banner already says why.
    void this.#atlas.store?.putSlideDeck(record).catch(() => undefined);
  }
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
