import { bbox } from '@turf/turf';
import { getContext, setContext } from 'svelte';
import { nextTask } from '../data/next-task.ts';
import type { DatasetRecord } from '../db/atlas-db.ts';
import type { Observation } from '../domain/dataset.ts';
import { datasetVersion } from '../domain/dataset-version.ts';
import { groupFigures } from '../domain/eras/aggregate.ts';
import { eraOfDataset } from '../domain/eras/era.ts';
import {
  provinceSumProblem,
  sumDistrictsToProvinces,
  type ProvinceSumProblem,
} from '../domain/eras/aggregate.ts';
import { openingDataset } from '../domain/opening-dataset.ts';
import { DESIGNATED_LISTS } from '../domain/priority/designated-lists.ts';
import { INDICATORS, isIndicatorId, type IndicatorId } from '../domain/indicators.ts';
import {
  canDeriveRate,
  derivedRateValues,
  isRateDerivation,
  RATE_DERIVATIONS,
  type RateDerivation,
} from '../domain/rates/derived-rates.ts';
import {
  changeBetweenYears,
  chooseYear,
  datasetYears,
  observationsOfYear,
  yearChangeProblem,
} from '../domain/years.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { formatMessage } from '../i18n/format-message.ts';
import { vi } from '../i18n/messages.ts';
import { VIETNAM_BOUNDS } from '../map/base-style.ts';
import { classifyIndicator, methodsFor, type MapMeasure } from '../scales/choropleth.ts';
import { classifyKeyOf, type ClassifyChoices } from '../scales/classify-choice.ts';
import { AtlasData } from './atlas-data.svelte.ts';
import type { SelectionState } from './selection.svelte.ts';

/** The 2019 units the map can colour: a dataset is drawn at its own level. */
export type MapLevel = 'district' | 'province';

/** Values to map instead of the selected indicator's, such as a scenario's outcome. */
export interface MapOverlay {
  readonly values: ReadonlyMap<string, number>;
  readonly measure: MapMeasure;
  /** The units the values belong to; districts when not said (scenarios project districts). */
  readonly level?: MapLevel;
}

/** A rate's smoothed or excess view as the map, legend and tooltip name and class it. */
export function derivedRateMeasure(indicator: IndicatorId, derivation: RateDerivation): MapMeasure {
  const { label } = INDICATORS[indicator];
  const [suffix, explain] =
    derivation === 'smoothed'
      ? (['derivedSmoothed', 'explainSmoothed'] as const)
      : (['derivedExcess', 'explainExcess'] as const);
  const named = {
    vi: `${label.vi} ${vi[suffix]}`,
    get en() {
      return `${label.en} ${i18n.messages('en')[suffix]}`;
    },
  };
  const explanation = i18n.bilingual(explain);
  return derivation === 'smoothed'
    ? { label: named, unit: 'percent', kind: 'rate', explanation }
    : { label: named, unit: 'ratio', kind: 'diverging', centre: 1, explanation };
}

/** A change between two years of one standard, in points for a rate, labelled as a change. */
export function yearChangeMeasure(indicator: IndicatorId, from: number, to: number): MapMeasure {
  const { label, unit } = INDICATORS[indicator];
  const name = (locale: 'vi' | 'en') =>
    formatMessage(i18n.messages(locale).yearChangeName, {
      indicator: label[locale],
      from: String(from),
      to: String(to),
    });
  return {
    label: {
      vi: name('vi'),
      get en() {
        return name('en');
      },
    },
    unit: unit === 'percent' ? 'points' : unit,
    kind: 'diverging',
    centre: 0,
    explanation: i18n.bilingual('yearChangeExplain'),
  };
}

/** What the indicator menu offers: each indicator, then the views derived from it. */
export interface IndicatorChoice {
  key: string;
  indicator: IndicatorId;
  derivation: RateDerivation | null;
}

/**
 * The atlas's shared state. Everything computable is `$derived`; effects live in the components
 * that talk to MapLibre or the DOM.
 */
export class AtlasState {
  /**
   * What is loaded and stored (boundaries, tiles, the dataset list, the store). A load, the first
   * or a newer data build's, is ready once the dataset to show is read.
   */
  readonly data = new AtlasData({ onLoaded: () => this.#showLoadedDataset() });

  /** Every figure of the shown dataset, of all its years. */
  allObservations = $state.raw<Observation[]>([]);
  /** The year asked for (year control, link); null for the dataset's latest. See `shownYear`. */
  year = $state<number | null>(null);
  /**
   * The year a change is measured from (`shownYear` − it, in points for a rate), or null for the
   * year's own values. Only a year of the same standard (see `yearChangeProblem`).
   */
  changeFrom = $state<number | null>(null);

  /** The shown dataset; until the datasets are read, none. */
  datasetId = $state('');
  indicatorId = $state<IndicatorId>('rate_start');
  /** A view computed from the indicator's counts (smoothed or excess rate), or the figures as stored. */
  derivation = $state<RateDerivation | null>(null);
  /** A district dataset shown summed to its provinces (see `showsProvinceSums`). */
  sumToProvinces = $state(false);
  /** Circles sized by poor households over the choropleth. */
  showPoorSymbols = $state(false);
  /**
   * The district map's first frame (fills and borders) is on screen. Labels are added after it:
   * under software WebGL every symbol layer makes the first frames slower, and colours are what
   * a reader looks for first.
   */
  baseMapDrawn = $state(false);
  /**
   * A slider that recolours the map is being dragged: the map draws at half resolution meanwhile
   * (see AtlasMap), and at full resolution again when it is let go; the address waits for it too.
   */
  mapDraft = $state(false);
  view = $state<'map' | 'table' | 'data' | 'open-data'>('map');
  /** The 2019 province zoomed to from the control bar (or a link), null for the whole country. */
  areaCode = $state<string | null>(null);
  /** While set (the scenario panel is open), the map, legend and tooltip show it. */
  overlay = $state.raw<MapOverlay | null>(null);
  /** While set, the map shows a comparison of datasets (a difference, plan against result). */
  comparison = $state.raw<MapOverlay | null>(null);

  /** The dataset whose figures `allObservations` holds. */
  #figuresOf: string | null = null;
  /** Hover, selection and camera (SelectionState): a drill-down clears and moves them. */
  readonly #selection: SelectionState;

  constructor(selection: SelectionState) {
    this.#selection = selection;
  }

  async #showLoadedDataset(): Promise<void> {
    // A reload may bring other figures for the dataset shown.
    this.#figuresOf = null;
    if (!this.data.datasets.some((d) => d.id === this.datasetId)) {
      this.datasetId = this.openingDatasetId;
    }
    await this.selectDataset(this.datasetId);
  }

  dataset = $derived(this.data.datasets.find((d) => d.id === this.datasetId) ?? null);
  /** The shown dataset's years, ascending (one for a single-year dataset). */
  years = $derived(this.dataset ? datasetYears(this.dataset) : []);
  /** The year the map, table and summary show: the one asked for, else the dataset's latest. */
  shownYear = $derived(this.dataset ? chooseYear(this.dataset, this.year) : null);
  /** The shown year's figures: what the map, table, legend and exports read. */
  observations = $derived<Observation[]>(
    this.shownYear === null
      ? this.allObservations
      : observationsOfYear(this.allObservations, this.dataset, this.shownYear),
  );
  /** The change shown between two years, when asked for and allowed; else null. */
  yearChange = $derived.by<{ from: number; to: number } | null>(() => {
    const dataset = this.dataset;
    const to = this.shownYear;
    if (!dataset || to === null || this.changeFrom === null || this.derivation) return null;
    if (this.dataset?.level === 'district' && this.sumToProvinces) return null;
    return yearChangeProblem(dataset, this.changeFrom, to) === null
      ? { from: this.changeFrom, to }
      : null;
  });
  /** The seed documents' lists and the official national ones the data build ships. */
  designatedLists = $derived([...DESIGNATED_LISTS, ...(this.data.index?.designatedLists ?? [])]);
  /** What a visit without a link opens on, and "back to the nation" returns to. */
  openingDatasetId = $derived(openingDataset(this.data.datasets) ?? '');
  /**
   * The hash of the shown figures, for view links; null while a newly chosen dataset's figures
   * are still being read (the old ones would give the wrong version).
   */
  datasetVersion = $derived(
    this.allObservations.length > 0 && this.allObservations[0]!.datasetId !== this.datasetId
      ? null
      : datasetVersion(this.allObservations),
  );
  indicator = $derived(INDICATORS[this.indicatorId]);

  /**
   * The dataset's indicators, each followed by its derived views where its counts allow (district
   * figures only: the views compare a district with its province).
   */
  indicatorChoices = $derived.by<IndicatorChoice[]>(() => {
    const available = this.dataset?.indicators ?? [];
    const districts = this.dataset?.level === 'district';
    return available.flatMap((indicator) => [
      { key: indicator, indicator, derivation: null },
      ...(districts && canDeriveRate(indicator, available)
        ? RATE_DERIVATIONS.map((derivation) => ({
            key: `${indicator}:${derivation}`,
            indicator,
            derivation,
          }))
        : []),
    ]);
  });
  indicatorKey = $derived(
    this.derivation ? `${this.indicatorId}:${this.derivation}` : this.indicatorId,
  );
  derivedMeasure = $derived(
    this.derivation ? derivedRateMeasure(this.indicatorId, this.derivation) : null,
  );

  /** A change between two years, as the map, legend and tooltip name and class it. */
  yearChangeMeasure = $derived(
    this.yearChange
      ? yearChangeMeasure(this.indicatorId, this.yearChange.from, this.yearChange.to)
      : null,
  );

  /** What the map shows: the overlay's, the comparison's, a derived view or the indicator. */
  measure = $derived<MapMeasure>(
    this.overlay?.measure ??
      this.comparison?.measure ??
      this.derivedMeasure ??
      this.yearChangeMeasure ??
      this.indicator,
  );

  districtsByCode = $derived(
    new Map(this.data.units.filter((u) => u.level === 'district').map((u) => [u.code, u])),
  );
  provincesByCode = $derived(
    new Map(this.data.units.filter((u) => u.level === 'province').map((u) => [u.code, u])),
  );

  /** Why the shown district indicator cannot be summed to provinces; null when it can. */
  provinceSumProblem = $derived<ProvinceSumProblem | null>(
    this.dataset?.level === 'district' && !this.derivation
      ? provinceSumProblem(this.indicatorId, this.dataset.indicators)
      : 'not-summable',
  );
  /** The district figures are shown summed to their provinces (asked for, and possible). */
  showsProvinceSums = $derived(this.sumToProvinces && this.provinceSumProblem === null);

  /**
   * The level the map colours: the overlay's or comparison's, else the dataset's own (or its
   * provinces when summed), so a province table colours the 63 provinces and a district table the
   * districts.
   */
  mapLevel = $derived<MapLevel>(
    (this.overlay ?? this.comparison)
      ? ((this.overlay ?? this.comparison)!.level ?? 'district')
      : this.dataset?.level === 'province' || this.showsProvinceSums
        ? 'province'
        : 'district',
  );
  /** Each 2019 province's districts, by province code. */
  districtsOfProvince = $derived.by(() => {
    const of = new Map<string, string[]>();
    for (const d of this.districtsByCode.values()) {
      of.set(d.provinceCode, [...(of.get(d.provinceCode) ?? []), d.code]);
    }
    return of;
  });
  /** The units of that level, by code. */
  unitsOnMap = $derived(this.mapLevel === 'province' ? this.provincesByCode : this.districtsByCode);

  /** The selected indicator's value per unit of the map's level, or its derived view's. */
  indicatorValues = $derived<ReadonlyMap<string, number>>(
    this.yearChange && this.dataset
      ? changeBetweenYears(
          this.allObservations,
          this.dataset,
          this.indicatorId,
          this.mapLevel,
          this.yearChange.from,
          this.yearChange.to,
        )
      : this.showsProvinceSums
        ? sumDistrictsToProvinces(this.observations, this.indicatorId, this.districtsOfProvince)
        : this.derivation
          ? derivedRateValues(
              this.observations,
              this.indicatorId,
              this.derivation,
              (code) => this.districtsByCode.get(code)?.provinceCode,
            )
          : new Map(
              this.observations
                .filter((o) => o.unitLevel === this.mapLevel && o.indicator === this.indicatorId)
                .map((o) => [o.unitCode, o.value]),
            ),
  );

  /**
   * The count the proportional symbols show: the selected rate's own count (poor households for
   * the poverty rate), else poor households at the start of the year; null when not in the dataset.
   */
  symbolIndicator = $derived.by<IndicatorId | null>(() => {
    const available = this.dataset?.indicators ?? [];
    const count = this.indicator.ratio?.count ?? 'poor_start';
    return available.includes(count) ? count : null;
  });
  symbolValues = $derived(
    new Map(
      this.observations
        .filter(
          (o) =>
            o.unitLevel === 'district' &&
            o.indicator === this.symbolIndicator &&
            this.districtsByCode.has(o.unitCode),
        )
        .map((o) => [o.unitCode, o.value]),
    ),
  );
  symbolMax = $derived(Math.max(0, ...this.symbolValues.values()));

  /**
   * The mapped value per unit of `mapLevel` (overlay, comparison or indicator): the map's and the
   * legend's one input.
   */
  mapValues = $derived<ReadonlyMap<string, number>>(
    this.overlay?.values ?? this.comparison?.values ?? this.indicatorValues,
  );

  /** Units the map can draw values for; values for codes without boundaries are listed apart. */
  mappedValues = $derived([...this.mapValues].filter(([code]) => this.unitsOnMap.has(code)));

  /** Classification chosen per indicator in the analysis panel (kept in IndexedDB by it). */
  classifyChoices = $state.raw<ClassifyChoices>({});
  /** What the classification choice is kept under (the excess rate apart from its rate). */
  classifyKey = $derived(classifyKeyOf(this.indicatorId, this.derivation));
  /** The choice for what is mapped; an overlay's or comparison's measure keeps its defaults. */
  classifyOptions = $derived.by(() => {
    const choice =
      this.overlay || this.comparison ? undefined : this.classifyChoices[this.classifyKey];
    return choice?.method && !methodsFor(this.measure).includes(choice.method)
      ? { ...choice, method: undefined }
      : (choice ?? {});
  });

  classes = $derived(
    classifyIndicator(
      this.mappedValues.map(([, value]) => value),
      this.measure,
      this.classifyOptions,
    ),
  );

  /** Provinces the dataset covers, for "zoom to data" and the province total row. */
  datasetProvinceCodes = $derived(
    [
      ...new Set(
        this.observations.map((o) =>
          o.unitLevel === 'province'
            ? o.unitCode
            : (this.districtsByCode.get(o.unitCode)?.provinceCode ?? ''),
        ),
      ),
    ].filter((code) => this.provincesByCode.has(code)),
  );
  /** "Zoom to data" frames a 2019 dataset's provinces (a 2025 dataset's codes are other units). */
  canFrameDataset = $derived(
    eraOfDataset(this.dataset) === '2019' && this.datasetProvinceCodes.length > 0,
  );

  /**
   * Opens storage and draws what it holds at once; then asks the server whether the data build
   * has produced anything newer and, if so, loads that (`preferStored` false forces the server).
   */
  async selectDataset(id: string): Promise<void> {
    if (!this.data.store) return;
    if (id !== this.datasetId) {
      // Another dataset opens on its latest year, showing its values.
      this.year = null;
      this.changeFrom = null;
    }
    this.datasetId = id;
    // A link opening the dataset already shown (at start, the one loaded first) reads nothing.
    if (this.#figuresOf !== id) {
      const figures = await this.data.store.getObservations(id);
      await prepareFigures(figures);
      this.allObservations = figures;
      this.#figuresOf = id;
    }
    const dataset = this.dataset;
    if (dataset && !dataset.indicators.includes(this.indicatorId) && dataset.indicators[0]) {
      this.indicatorId = dataset.indicators[0];
    }
    if (!this.indicatorChoices.some((c) => c.key === this.indicatorKey)) this.derivation = null;
  }

  /** Selects an indicator, or a derived view (`rate_start:smoothed`), by its menu key. */
  selectIndicator(key: string): void {
    const [id = '', derivation] = key.split(':');
    if (!isIndicatorId(id)) throw new RangeError(`unknown indicator ${JSON.stringify(key)}`);
    this.indicatorId = id;
    this.derivation = isRateDerivation(derivation) ? derivation : null;
  }

  /**
   * Re-reads the dataset list after an import, edit or delete, and shows `showId` (or keeps the
   * current dataset, or falls back to the first when it was deleted).
   */
  async refreshDatasets(showId: string = this.datasetId): Promise<void> {
    if (!this.data.store) return;
    // An import or a deletion may have changed the shown dataset's figures: read them again.
    this.#figuresOf = null;
    await this.data.readDatasetList();
    const id = this.data.datasets.some((d) => d.id === showId)
      ? showId
      : (this.data.datasets[0]?.id ?? '');
    await this.selectDataset(id);
  }

  /** Any stored dataset's figures, of all its years, without changing what the map shows. */
  async observationsOf(datasetId: string): Promise<Observation[]> {
    if (datasetId === this.datasetId) return this.allObservations;
    return this.data.store ? this.data.store.getObservations(datasetId) : [];
  }

  /**
   * A stored dataset's figures of one year, as a comparison or a scenario needs them (one value
   * per unit): the shown year of the shown dataset, the latest year of another.
   */
  async yearObservationsOf(datasetId: string): Promise<Observation[]> {
    if (datasetId === this.datasetId) return this.observations;
    const dataset = this.data.datasets.find((d) => d.id === datasetId);
    const figures = await this.observationsOf(datasetId);
    return dataset ? observationsOfYear(figures, dataset, chooseYear(dataset, null)) : figures;
  }

  /** Shows a year of the dataset (null: its latest); a change keeps its base when still allowed. */
  selectYear(year: number | null): void {
    this.year = year;
    const to = this.shownYear;
    if (this.changeFrom !== null && this.dataset && to !== null) {
      if (yearChangeProblem(this.dataset, this.changeFrom, to) !== null) this.changeFrom = null;
    }
  }

  /** All of the current dataset's figures for one unit, in catalogue order. */
  figuresFor(code: string, level: Observation['unitLevel']): Observation[] {
    const order = this.dataset?.indicators ?? [];
    return this.observations
      .filter((o) => o.unitCode === code && o.unitLevel === level)
      .sort((a, b) => order.indexOf(a.indicator) - order.indexOf(b.indicator));
  }

  /**
   * The district datasets with figures for some district of a 2019 province: what a click on that
   * province on a province map offers to drill down to.
   */
  async districtDatasetsIn(provinceCode: string): Promise<DatasetRecord[]> {
    if (!this.data.store) return [];
    const districts = [...this.districtsByCode.values()]
      .filter((d) => d.provinceCode === provinceCode)
      .map((d) => ({ code: d.code, level: 'district' as const }));
    const found = new Set(
      (await this.data.store.getUnitObservations(districts)).map((o) => o.datasetId),
    );
    return this.data.datasets.filter((d) => d.level === 'district' && found.has(d.id));
  }

  /** Shows a district dataset zoomed to one province (the drill-down from the national map). */
  async drillDown(datasetId: string, provinceCode: string): Promise<void> {
    this.#selection.selected = null;
    await this.selectDataset(datasetId);
    this.zoomToArea(provinceCode);
  }

  /** Back to the opening national map, the whole country in view. */
  async returnToNation(): Promise<void> {
    this.#selection.selected = null;
    await this.selectDataset(this.openingDatasetId);
    this.zoomToArea(null);
  }

  /** The bounding box of some 2019 provinces, or null when none of them is drawn. */
  provinceBounds(codes: readonly string[]): [number, number, number, number] | null {
    const features = this.data.geometry?.provinces.features.filter((f) =>
      codes.includes(f.properties.code),
    );
    if (!features?.length) return null;
    return bbox({ type: 'FeatureCollection', features }) as [number, number, number, number];
  }

  /** Frames the provinces the shown dataset covers (a 2019 dataset); false when it cannot. */
  frameDataset(): boolean {
    const bounds = this.canFrameDataset ? this.provinceBounds(this.datasetProvinceCodes) : null;
    if (!bounds) return false;
    this.areaCode = null;
    this.#selection.flyTo(bounds);
    return true;
  }

  /** Zooms to a 2019 province, or to the whole country for null or an unknown code. */
  zoomToArea(code: string | null): void {
    const bounds = code ? this.provinceBounds([code]) : null;
    this.areaCode = bounds ? code : null;
    this.#selection.flyTo(bounds ?? VIETNAM_BOUNDS);
  }
}

/**
 * What newly read figures are first read for, each in a task of its own before they are shown:
 * their version (for the address) and their grouping by unit (for the 2025 sums). A commune
 * table's 10,000 figures take tens of milliseconds for each, which were spent in the one task
 * that draws them.
 */
async function prepareFigures(figures: readonly Observation[]): Promise<void> {
  await nextTask();
  datasetVersion(figures);
  await nextTask();
  groupFigures(figures);
  await nextTask();
}

const KEY = Symbol('atlas-state');

export function setAtlasState(state: AtlasState): AtlasState {
  return setContext(KEY, state);
}

export function getAtlasState(): AtlasState {
  const state = getContext<AtlasState | undefined>(KEY);
  if (!state) throw new Error('getAtlasState() called outside <App>: no AtlasState in context');
  return state;
}
