import { nationalOfYear } from '../domain/years.ts';
import { getContext, setContext, tick } from 'svelte';
import { boundaryAttributions, creditLines } from '../domain/export/credits.ts';
import { vi, type MessageKey } from '../i18n/messages.ts';
import type { MapImageContent } from '../domain/export/map-image-layout.ts';
import type { PrintOrientation, Size } from '../domain/export/print-page.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { formatDate } from '../scales/format.ts';
import { legendRows, unitSuffix } from '../scales/legend-rows.ts';
import { summarizeChoropleth } from '../scales/map-summary.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { EraState } from './era-state.svelte.ts';
import type { MapViewState } from './map-view.svelte.ts';
import type { UserBoundaries } from './user-boundaries.svelte.ts';

/**
 * Takes the map's current frame, or with a size (CSS px) a frame drawn at that size for paper;
 * registered by the map while it exists.
 */
export type CaptureMapFrame = (
  size?: Size,
) => Promise<{ frame: HTMLCanvasElement; pixelRatio: number }>;

/**
 * Meeting mode: the exported image, the print layout and (with the slides) the presentation.
 * The map's frame comes from `captureMapFrame`, which MapFrameCapture sets inside the map.
 */
export class MeetingState {
  readonly #atlas: AtlasState;
  readonly #era: EraState;
  readonly #view: MapViewState;
  readonly #userBoundaries: UserBoundaries;

  panelOpen = $state(false);
  captureMapFrame = $state.raw<CaptureMapFrame | null>(null);
  /** The last exported image's file name and description, shown so it can go into a report. */
  exported = $state<{ fileName: string; description: string } | null>(null);
  exportError = $state<string | null>(null);
  busy = $state(false);
  /**
   * Stills of the map for the print layout (blob: URLs), one drawn at a portrait page's map area
   * and one at a landscape page's, while the print dialog is open.
   */
  printSnapshot = $state<Record<PrintOrientation, string> | null>(null);
  /** A slide's title replaces the measure's label while a slide is shown. */
  titleOverride = $state<string | null>(null);
  /** A slide's note heads the subtitle while a slide is drawn for its deck's images. */
  noteOverride = $state<string | null>(null);

  constructor(
    atlas: AtlasState,
    era: EraState,
    userBoundaries: UserBoundaries,
    view: MapViewState,
  ) {
    this.#view = view;
    this.#atlas = atlas;
    this.#era = era;
    this.#userBoundaries = userBoundaries;
  }

  title = $derived.by(() => this.titleOverride ?? this.#atlas.measure.label[i18n.locale]);

  /** The map's one-sentence summary: the exported image's alt text. */
  description = $derived.by(() => {
    const atlas = this.#atlas;
    // The dataset's own year and national figure describe its indicator as stored, not a
    // scenario, comparison or derived view drawn over it.
    const own = !atlas.overlay && !atlas.comparison && !atlas.derivation && !atlas.yearChange;
    const national =
      own && atlas.dataset && atlas.shownYear !== null
        ? nationalOfYear(atlas.dataset, atlas.shownYear)?.[atlas.indicatorId]
        : undefined;
    return summarizeChoropleth(
      atlas.measure,
      atlas.mappedValues.map(([code, value]) => ({
        name: atlas.unitsOnMap.get(code)?.name ?? code,
        value,
      })),
      i18n.locale,
      {
        level: atlas.mapLevel,
        ...(own && atlas.shownYear !== null ? { year: atlas.shownYear } : {}),
        ...(national === undefined ? {} : { national }),
      },
    );
  });

  /** The data source and every boundary source shown: the map's footer, the PNG and the print. */
  credits = $derived.by(() =>
    creditLines(
      {
        dataset: this.#atlas.dataset && {
          source: this.#atlas.dataset.source,
          kindLabel: i18n.t(`kind_${this.#atlas.dataset.kind}`),
        },
        era: this.#era.mapEra,
        boundaries2019: this.#atlas.data.index?.boundaries.sources ?? [],
        boundaries2025: this.#atlas.data.index?.boundaries2025?.sources ?? [],
        userBoundary: this.#userBoundaries.shown,
      },
      {
        data: i18n.t('data'),
        boundaries: i18n.t('boundaries'),
        sources2025: i18n.t('sources2025'),
        userBoundaryCredit: i18n.t('userBoundaryCredit'),
        attributions: boundaryAttributions(
          [
            ...(this.#atlas.data.index?.boundaries.sources ?? []),
            ...(this.#atlas.data.index?.boundaries2025?.sources ?? []),
          ],
          (key) => (key in vi ? i18n.t(key as MessageKey) : null),
        ),
      },
    ),
  );

  subtitle(date: Date): string {
    const dataset = this.#atlas.dataset;
    // A multi-year dataset's image names the year it shows.
    const year = this.#atlas.years.length > 1 ? ` (${this.#atlas.shownYear})` : '';
    const title = dataset ? `${dataset.title[i18n.locale]}${year}` : null;
    return [this.noteOverride, title, formatDate(date, i18n.locale)].filter(Boolean).join(' · ');
  }

  imageContent(date: Date): MapImageContent {
    // The legend of the map drawn (MapViewState): the 34 provinces' own classes on the 2025
    // map, never the 2019 ones.
    const { measure, classes, noDataCount } = this.#view.legend;
    return {
      title: this.title,
      subtitle: this.subtitle(date),
      legendTitle: `${measure.label[i18n.locale]} (${unitSuffix(measure.unit, i18n.t)})`,
      legendRows: [
        ...legendRows(classes, measure.unit, i18n.locale),
        { color: null, range: i18n.t('noData'), count: noDataCount },
      ],
      credits: [
        ...this.credits.map((line) => line.text),
        `${i18n.t('exportedOn')}: ${formatDate(date, i18n.locale)}`,
      ],
    };
  }

  /** Draws the current view with its title, legend, credits and date, and downloads it as PNG. */
  async exportPng(): Promise<void> {
    if (!this.captureMapFrame || this.busy) return;
    this.busy = true;
    this.exportError = null;
    try {
      const { bytes, fileName, description } = await this.renderPng(new Date());
      downloadBytes(bytes, fileName, 'image/png');
      this.exported = { fileName, description };
    } catch (error) {
      this.exportError = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  /**
   * The current view as the exported PNG (the map's frame once it has settled, with title,
   * legend, credits and date) and its description, which the file also carries as alt text.
   */
  async renderPng(
    date: Date,
  ): Promise<{ bytes: Uint8Array; fileName: string; description: string }> {
    if (!this.captureMapFrame) throw new Error('the map is not shown');
    const { frame, pixelRatio } = await this.captureMapFrame();
    // The image code is fetched on first use: most visits never export.
    const [{ canvasToPngBytes, composeMapImage }, { withPngText }, { mapImageFileName }] =
      await Promise.all([
        import('../map/map-image.ts'),
        import('../domain/export/png-text.ts'),
        import('../domain/export/map-image-layout.ts'),
      ]);
    const image = await composeMapImage(frame, pixelRatio, this.imageContent(date));
    const description = this.description;
    // The alt text and the credits travel inside the file too, for whoever reuses the image.
    const described = withPngText(
      await canvasToPngBytes(image),
      'Description',
      description,
      i18n.locale,
    );
    const credits = this.credits.map((line) => line.text).join('\n');
    const bytes = withPngText(described, 'Copyright', credits, i18n.locale);
    return { bytes, fileName: mapImageFileName(this.title, date), description };
  }

  /**
   * Prints the A4 layout, portrait or landscape as chosen in the print dialog. A WebGL canvas may
   * print blank, so stills of the map are shown in its place while the dialog is open: one for
   * each orientation, each drawn at the proportions of the area its page leaves for the map
   * (print-page.ts), so neither page has a blank area and the chosen area is never cropped.
   */
  async print(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      if (this.captureMapFrame) {
        const [{ canvasToPngBytes }, { printMapArea }, { measurePrintParts }] = await Promise.all([
          import('../map/map-image.ts'),
          import('../domain/export/print-page.ts'),
          import('../components/meeting/print-parts.ts'),
        ]);
        const parts = measurePrintParts();
        const stills: Partial<Record<PrintOrientation, string>> = {};
        for (const orientation of ['landscape', 'portrait'] as const) {
          const { frame } = await this.captureMapFrame(printMapArea(orientation, parts));
          const bytes = await canvasToPngBytes(frame);
          const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/png' }));
          const image = new Image();
          image.src = url;
          await image.decode();
          stills[orientation] = url;
        }
        this.printSnapshot = stills as Record<PrintOrientation, string>;
        await tick();
      }
    } catch {
      // Without a still, the live map canvas is printed.
    } finally {
      this.busy = false;
    }
    window.addEventListener('afterprint', () => this.#clearSnapshot(), { once: true });
    window.print();
  }

  #clearSnapshot(): void {
    for (const url of Object.values(this.printSnapshot ?? {})) URL.revokeObjectURL(url);
    this.printSnapshot = null;
  }
}

export function downloadBytes(bytes: Uint8Array, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; revoking later frees the image's memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const KEY = Symbol('meeting-state');

export function setMeetingState(state: MeetingState): MeetingState {
  return setContext(KEY, state);
}

export function getMeetingState(): MeetingState {
  const state = getContext<MeetingState | undefined>(KEY);
  if (!state) throw new Error('getMeetingState() called outside <App>: no MeetingState in context');
  return state;
}
