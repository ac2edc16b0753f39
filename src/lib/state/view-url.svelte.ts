import { getContext, setContext } from 'svelte';
import { INDICATORS } from '../domain/indicators.ts';
import type { ScenarioDefinition } from '../domain/scenario/scenario-definition.ts';
import {
  parseViewHash,
  serialiseView,
  type ViewComparison,
  type ViewState,
} from '../domain/view-url.ts';
import type { Locale, MessageKey } from '../i18n/messages.ts';
import { methodsFor, type ClassifyOptions } from '../scales/choropleth.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { ComparisonState } from './comparison-state.svelte.ts';
import type { EraState } from './era-state.svelte.ts';
import type { RouterState } from './router.svelte.ts';
import type { ScenarioState } from './scenario-state.svelte.ts';
import type { SelectionState } from './selection.svelte.ts';

export interface ViewNotice {
  kind: 'invalid' | 'changed';
  key: MessageKey;
  detail?: string;
  /** A detail in one language only (a parser's reason, in English) is shown only in that one. */
  detailLocale?: Locale;
}

/** The view the atlas opens with (on its opening dataset), and what a rejected link falls back to. */
export function defaultView(datasetId: string): ViewState {
  return {
    datasetId,
    version: null,
    display: 'map',
    indicatorId: 'rate_start',
    derivation: null,
    poorSymbols: false,
    comparison: null,
    classification: {},
    era: '2019',
    areaCode: null,
    selectedCode: null,
    scenario: null,
  };
}

/**
 * The current view as a ViewState (for the address bar and for slides), and the way back:
 * `apply` opens a view, `openHash` a link, saying when it is bad or its data has changed.
 */
export class ViewUrlState {
  readonly #atlas: AtlasState;
  readonly #scenario: ScenarioState;
  readonly #era: EraState;
  readonly #comparison: ComparisonState;
  readonly #selection: SelectionState;

  notice = $state<ViewNotice | null>(null);
  /** True once the address has been read at start; until then it must not be overwritten. */
  started = $state(false);

  constructor(
    atlas: AtlasState,
    scenario: ScenarioState,
    era: EraState,
    comparison: ComparisonState,
    selection: SelectionState,
  ) {
    this.#atlas = atlas;
    this.#scenario = scenario;
    this.#era = era;
    this.#comparison = comparison;
    this.#selection = selection;
  }

  current = $derived.by((): ViewState => {
    const atlas = this.#atlas;
    const era = this.#era.mapEra;
    const scenario = this.#scenario;
    const comparison = this.#comparison;
    return {
      datasetId: atlas.datasetId,
      version: atlas.datasetVersion,
      display: atlas.view === 'table' ? 'table' : 'map',
      indicatorId: atlas.indicatorId,
      derivation: atlas.derivation,
      // A multi-year dataset's link names the year shown (and a change's base year).
      ...(atlas.years.length > 1 && atlas.shownYear !== null ? { year: atlas.shownYear } : {}),
      ...(atlas.yearChange ? { changeFrom: atlas.yearChange.from } : {}),
      poorSymbols: atlas.showPoorSymbols,
      comparison: comparisonOf(comparison),
      classification: cleanClassification(atlas.classifyChoices[atlas.classifyKey], atlas),
      era,
      areaCode: era === '2019' ? atlas.areaCode : this.#era.openProvinceCode,
      selectedCode: this.#selection.selectedOn(era),
      scenario: scenario.open
        ? {
            definition: $state.snapshot(scenario.definition) as ScenarioDefinition,
            measure: scenario.measureId,
            // Within the horizon, as shown, should the years have been cut since it was chosen.
            year: scenario.mapYear === null ? null : scenario.shownYear,
          }
        : null,
    };
  });

  hash = $derived(serialiseView(this.current));

  /**
   * The dataset a `#/map?…` link opens, read before the data is loaded so that the first map drawn
   * is the link's (the rest of the link is applied by `openHash` once the data is ready).
   */
  datasetOf(hash: string): string | null {
    const parsed = parseViewHash(hash);
    return parsed.kind === 'view' ? parsed.view.datasetId : null;
  }

  /** Opens a `#/map?…` link; other addresses are left to their own routes. */
  async openHash(hash: string): Promise<void> {
    const parsed = parseViewHash(hash);
    if (parsed.kind === 'none') return;
    if (parsed.kind === 'invalid') {
      this.notice = {
        kind: 'invalid',
        key: 'viewLinkInvalid',
        detail: parsed.reason,
        detailLocale: 'en',
      };
      await this.apply(defaultView(this.#atlas.openingDatasetId));
      return;
    }
    const { view } = parsed;
    if (!this.#atlas.data.datasets.some((d) => d.id === view.datasetId)) {
      this.notice = { kind: 'invalid', key: 'viewLinkUnknownDataset', detail: view.datasetId };
      await this.apply(defaultView(this.#atlas.openingDatasetId));
      return;
    }
    this.notice = null;
    await this.apply(view);
    if (view.version !== null && view.version !== this.#atlas.datasetVersion) {
      this.notice = { kind: 'changed', key: 'viewLinkDataChanged' };
    }
  }

  /**
   * Shows a view: dataset, map or table, indicator or its derived view, classes, symbols,
   * comparison, era, area, selection and scenario.
   */
  async apply(view: ViewState): Promise<void> {
    const atlas = this.#atlas;
    const era = this.#era;
    const scenario = this.#scenario;
    if (!atlas.data.datasets.some((d) => d.id === view.datasetId)) return;
    await atlas.selectDataset(view.datasetId);
    if (atlas.dataset?.indicators.includes(view.indicatorId)) atlas.indicatorId = view.indicatorId;
    const key = view.derivation ? `${atlas.indicatorId}:${view.derivation}` : atlas.indicatorId;
    atlas.derivation = atlas.indicatorChoices.some((c) => c.key === key) ? view.derivation : null;
    // A year the dataset lacks opens its latest; a change the years do not allow is left off.
    atlas.year = view.year ?? null;
    atlas.changeFrom = view.changeFrom ?? null;
    // Shown, not saved: a link must not change the classification a person keeps.
    atlas.classifyChoices = { ...atlas.classifyChoices, [atlas.classifyKey]: view.classification };
    atlas.showPoorSymbols = view.poorSymbols;
    if (atlas.view === 'map' || atlas.view === 'table') atlas.view = view.display;
    await this.#applyComparison(view.comparison);

    if (view.scenario) {
      await scenario.show();
      await scenario.edit(view.scenario.definition, null);
      scenario.measureId = view.scenario.measure;
      scenario.mapYear = view.scenario.year;
    } else if (scenario.open) {
      scenario.hide();
    }

    if (era.available) await era.choose(view.era);
    if (era.mapEra === '2025') {
      await era.openProvince(view.areaCode);
      // Commune codes have five digits, province codes two.
      this.#selection.select(
        view.selectedCode?.length === 5 ? '2025-communes' : '2025-provinces',
        view.selectedCode,
      );
      const bounds = view.areaCode ? era.provinceBounds(view.areaCode) : null;
      if (bounds) this.#selection.flyTo(bounds);
    } else {
      atlas.zoomToArea(view.areaCode);
      this.#selection.select(
        atlas.mapLevel === 'province' ? '2019-provinces' : '2019-districts',
        view.selectedCode && atlas.unitsOnMap.has(view.selectedCode) ? view.selectedCode : null,
      );
    }
  }

  /** Datasets this browser does not hold leave the comparison off rather than half set. */
  async #applyComparison(view: ViewComparison | null): Promise<void> {
    const comparison = this.#comparison;
    const known = (id: string) => this.#atlas.data.datasets.some((d) => d.id === id);
    if (view?.mode === 'difference' && known(view.otherId)) {
      await comparison.chooseOther(view.otherId);
      await comparison.setMode('difference');
    } else if (view?.mode === 'achievement' && known(view.planId) && known(view.resultId)) {
      await Promise.all([
        comparison.choosePlan(view.planId),
        comparison.chooseResult(view.resultId),
      ]);
      comparison.target = view.target;
      await comparison.setMode('achievement');
    } else if (comparison.mode !== 'none') {
      await comparison.setMode('none');
    }
  }
}

/** The comparison on the map as a link carries it; null when none is on. */
function comparisonOf(comparison: ComparisonState): ViewComparison | null {
  if (comparison.mode === 'difference' && comparison.otherId) {
    return { mode: 'difference', otherId: comparison.otherId };
  }
  if (comparison.mode === 'achievement' && comparison.planId && comparison.resultId) {
    return {
      mode: 'achievement',
      planId: comparison.planId,
      resultId: comparison.resultId,
      target: comparison.target,
    };
  }
  return null;
}

/** The stored choice as a link carries it: no method the indicator cannot use, no empty keys. */
function cleanClassification(
  choice: ClassifyOptions | undefined,
  atlas: AtlasState,
): ClassifyOptions {
  const clean: ClassifyOptions = {};
  if (
    choice?.method &&
    methodsFor(atlas.derivedMeasure ?? INDICATORS[atlas.indicatorId]).includes(choice.method)
  ) {
    clean.method = choice.method;
  }
  if (choice?.classes !== undefined) clean.classes = choice.classes;
  if (choice?.palette !== undefined) clean.palette = choice.palette;
  return clean;
}

/**
 * Keeps the address bar and the view in step: the address is read once the data is ready, then
 * every change of view replaces it (no history entry per click), and a link pasted into the
 * address bar opens. The open-data page keeps its own `#/open-data`. Call during component
 * initialisation.
 */
export function followViewUrl(viewUrl: ViewUrlState, atlas: AtlasState, router: RouterState): void {
  const writable = () =>
    viewUrl.started &&
    atlas.data.phase === 'ready' &&
    atlas.view !== 'open-data' &&
    atlas.datasetVersion !== null;
  const writeAddress = () => {
    if (writable()) router.replace({ kind: 'view', view: viewUrl.current });
  };
  $effect(() => {
    // Writing the address (history.replaceState) is costly and rate-limited by browsers: it follows
    // the view in a task of its own, after the work that changed the view (a 3,321-commune
    // import's map), and a held slider, which changes the view every frame, once it is let go.
    if (!atlas.mapDraft && writable()) router.replaceSoon({ kind: 'view', view: viewUrl.current });
  });

  $effect(() =>
    // A link pasted over the current one may change nothing but the version: write it back too.
    router.onNavigate((_, hash) => {
      if (hash !== viewUrl.hash) void viewUrl.openHash(hash).then(writeAddress);
    }),
  );
}

const KEY = Symbol('view-url-state');

export function setViewUrlState(state: ViewUrlState): ViewUrlState {
  return setContext(KEY, state);
}

export function getViewUrlState(): ViewUrlState {
  const state = getContext<ViewUrlState | undefined>(KEY);
  if (!state) throw new Error('getViewUrlState() called outside <App>: no ViewUrlState in context');
  return state;
}
