import { bbox } from '@turf/turf';
import { getContext, setContext } from 'svelte';
import type { Manifest2025Province } from '../data/atlas-index.ts';
import { loadTileSet } from '../data/load-atlas.ts';
import type { TileBundle } from '../data/tile-bundle.ts';
import {
  communes2025FromText,
  crosswalkFromText,
  fetchGenerated,
  provinceBoundsInWorker,
  provinces2025FromText,
  type Bounds,
  type Features2025,
} from '../data/load-2025.ts';
import { nextTask } from '../data/next-task.ts';
import {
  aggregateCommunesToProvinces,
  aggregateToNewProvinces,
  isAggregable,
  type AggregatedValue,
  type EraTree,
} from '../domain/eras/aggregate.ts';
import { createCrosswalk, type Crosswalk } from '../domain/eras/crosswalk.ts';
import { eraOfDataset, mapEraFor, type MapEra } from '../domain/eras/era.ts';
import type { IndicatorId } from '../domain/indicators.ts';
import { classifyIndicator } from '../scales/choropleth.ts';
import type { AtlasState } from './atlas-state.svelte.ts';

/**
 * Which administrative era the map shows, and the 2025 units it needs: fetched on first use and
 * kept in memory. A 2019 dataset on the 2025 map is aggregated to the new provinces here.
 */
export class EraState {
  readonly #atlas: AtlasState;
  readonly #baseUrl: string;

  /** The person's choice; null follows the dataset. */
  chosen = $state<MapEra | null>(null);
  /** The 2025 provinces' shapes, read only for an export (see ensureProvinceShapes). */
  provinces = $state.raw<Features2025 | null>(null);
  /** Each 2025 province's bounding box (for zooming to one), computed in a worker. */
  #provinceBounds = $state.raw<Map<string, Bounds> | null>(null);
  #boundsLoad: Promise<void> | null = null;
  /** The 2025 set's vector tiles (provinces and every commune), which the map draws. */
  tiles = $state.raw<TileBundle | null>(null);
  /** 0..1 while the tiles are fetched on a first visit to the 2025 map; null otherwise. */
  tilesProgress = $state<number | null>(null);
  crosswalk = $state.raw<Crosswalk | null>(null);
  /** The 2025 province whose communes are drawn. */
  openProvinceCode = $state<string | null>(null);
  communes = $state.raw<Features2025 | null>(null);
  error = $state<string | null>(null);
  #loadingCommunes: string | null = null;
  #crosswalkLoad: Promise<void> | null = null;

  constructor(atlas: AtlasState, baseUrl: string) {
    this.#atlas = atlas;
    this.#baseUrl = baseUrl;
  }

  manifest = $derived.by(() => this.#atlas.data.index?.boundaries2025 ?? null);
  available = $derived(this.manifest !== null);
  datasetEra = $derived.by(() => eraOfDataset(this.#atlas.dataset));
  /** A scenario overlay is computed per district, so it keeps the 2019 map. */
  mapEra = $derived.by<MapEra>(() =>
    !this.available || this.#atlas.overlay ? '2019' : mapEraFor(this.datasetEra, this.chosen),
  );
  provincesByCode = $derived(
    new Map<string, Manifest2025Province>((this.manifest?.provinces ?? []).map((p) => [p.code, p])),
  );

  /** New provinces and the districts of their old provinces, from the index and the 2019 units. */
  tree = $derived.by((): EraTree => {
    const districtsOf = new Map<string, string[]>();
    for (const unit of this.#atlas.data.units) {
      if (unit.level !== 'district') continue;
      districtsOf.set(unit.provinceCode, [
        ...(districtsOf.get(unit.provinceCode) ?? []),
        unit.code,
      ]);
    }
    return { newProvinces: this.manifest?.provinces ?? [], districtsOf };
  });

  /** A 2025 dataset of communes: provinces are their communes' sums, communes their own. */
  communeDataset = $derived.by(
    () => this.datasetEra === '2025' && this.#atlas.dataset?.level === 'commune',
  );

  /** The communes of each 2025 province, from the crosswalk (null before it is loaded). */
  communesOf = $derived.by((): Map<string, string[]> | null => {
    if (!this.crosswalk) return null;
    const byProvince = new Map<string, string[]>(
      (this.manifest?.provinces ?? []).map((p) => [p.code, []]),
    );
    for (const commune of this.crosswalk.communes()) {
      const list = byProvince.get(commune.provinceCode);
      if (list) list.push(commune.code);
      else byProvince.set(commune.provinceCode, [commune.code]);
    }
    return byProvince;
  });

  /** The selected indicator per commune of a commune dataset (empty for any other dataset). */
  communeValues = $derived.by(() => {
    if (!this.communeDataset || this.mapEra !== '2025') return new Map<string, number>();
    const indicator = this.#atlas.indicatorId;
    return new Map(
      this.#atlas.observations
        .filter((o) => o.unitLevel === 'commune' && o.indicator === indicator)
        .map((o) => [o.unitCode, o.value]),
    );
  });

  /** The selected indicator per 2025 province, with how much of it the data covers. */
  aggregated = $derived.by(() => this.aggregate(this.#atlas.indicatorId));

  values = $derived(new Map([...this.aggregated].map(([code, a]) => [code, a.value])));
  classes = $derived.by(() =>
    classifyIndicator(
      [...this.values.values()],
      this.#atlas.indicator,
      this.#atlas.classifyOptions,
    ),
  );
  partialCount = $derived([...this.aggregated.values()].filter((a) => a.partial).length);
  /**
   * A commune dataset's communes are classed among themselves: a commune's count is a small part
   * of its province's sum, and on the province classes every commune would fall in the first.
   */
  communeClasses = $derived.by(() =>
    classifyIndicator(
      [...this.communeValues.values()],
      this.#atlas.indicator,
      this.#atlas.classifyOptions,
    ),
  );

  /** Any indicator of the dataset on the 2025 provinces (2025 datasets are used as they are). */
  aggregate(indicator: IndicatorId): Map<string, AggregatedValue> {
    const dataset = this.#atlas.dataset;
    if (this.mapEra !== '2025' || !dataset) return new Map();
    if (this.datasetEra === '2025' && dataset.level === 'commune') {
      const communesOf = this.communesOf;
      return communesOf
        ? aggregateCommunesToProvinces(this.#atlas.observations, indicator, communesOf)
        : new Map();
    }
    if (this.datasetEra === '2025') {
      return new Map(
        this.#atlas.observations
          .filter((o) => o.unitLevel === 'province' && o.indicator === indicator)
          .map((o) => [
            o.unitCode,
            { value: o.value, covered: 1, total: 1, share: 1, partial: false, oldProvinces: [] },
          ]),
      );
    }
    if (!isAggregable(indicator)) return new Map();
    return aggregateToNewProvinces(this.#atlas.observations, indicator, dataset.level, this.tree);
  }

  /** A 2025 province's bounding box, or null before the boxes (or the shapes) are loaded. */
  provinceBounds(code: string): Bounds | null {
    const known = this.#provinceBounds?.get(code);
    if (known) return known;
    const feature = this.provinces?.features.find(
      (f) => f.properties.role === 'province' && f.properties.code === code,
    );
    return feature ? (bbox(feature) as Bounds) : null;
  }

  async choose(era: MapEra): Promise<void> {
    this.chosen = era;
    if (era === '2025') await Promise.all([this.ensureProvinces(), this.ensureTiles()]);
  }

  /** Fetched once (with progress) and kept in IndexedDB; later visits read them from there. */
  async ensureTiles(): Promise<void> {
    const index = this.#atlas.data.index;
    const store = this.#atlas.data.store;
    if (this.tiles || this.tilesProgress !== null || !index?.tiles?.['2025'] || !store) return;
    this.tilesProgress = 0;
    await this.#guard(async () => {
      this.tiles = await loadTileSet({
        baseUrl: this.#baseUrl,
        set: '2025',
        index,
        store,
        onProgress: (fraction) => (this.tilesProgress = fraction),
      });
    });
    this.tilesProgress = null;
  }

  /**
   * The provinces' bounding boxes, which navigation needs: the topology is parsed in a worker,
   * so this never blocks the map (it is asked for once the main thread is idle, and on a switch
   * to the 2025 map). A failed load may be retried.
   */
  async ensureProvinces(): Promise<void> {
    const manifest = this.manifest;
    if (this.#provinceBounds || !manifest) return;
    this.#boundsLoad ??= this.#guard(async () => {
      const { file } = manifest.provincesFile;
      const text = await fetchGenerated(this.#baseUrl, manifest.provincesFile);
      this.#provinceBounds = await provinceBoundsInWorker(text, file);
    });
    await this.#boundsLoad;
    if (!this.#provinceBounds) this.#boundsLoad = null;
  }

  /** The provinces' shapes themselves, for an export (parsed on the main thread, once). */
  async ensureProvinceShapes(): Promise<void> {
    const manifest = this.manifest;
    if (this.provinces || !manifest) return;
    await this.#guard(async () => {
      const text = await fetchGenerated(this.#baseUrl, manifest.provincesFile);
      this.provinces = provinces2025FromText(text, manifest.provincesFile.file);
    });
  }

  async ensureCrosswalk(): Promise<void> {
    const manifest = this.manifest;
    if (this.crosswalk || !manifest) return;
    this.#crosswalkLoad ??= this.#guard(async () => {
      const text = await fetchGenerated(this.#baseUrl, manifest.crosswalk);
      // Parsing the 705 KB file and indexing it are two tasks, neither of them long.
      const file = crosswalkFromText(text, manifest.crosswalk.file);
      await nextTask();
      this.crosswalk = createCrosswalk(file);
    });
    await this.#crosswalkLoad;
    // A failed load may be retried (the next panel that asks).
    if (!this.crosswalk) this.#crosswalkLoad = null;
  }

  /** Draws a province's communes (null closes them); a newer request wins over a slower one. */
  async openProvince(code: string | null): Promise<void> {
    this.openProvinceCode = code;
    const province = code === null ? undefined : this.provincesByCode.get(code);
    if (!province) {
      this.communes = null;
      return;
    }
    this.#loadingCommunes = code;
    await this.#guard(async () => {
      const text = await fetchGenerated(this.#baseUrl, province.communes);
      if (this.#loadingCommunes !== code) return;
      this.communes = communes2025FromText(text, province.communes.file);
      performance.mark('atlas:communes-parsed');
    });
  }

  /**
   * The shapes of the given communes, for an export: each of their provinces' commune files is
   * read (cached offline like the map's), without changing what the map shows.
   */
  async communeShapesOf(codes: readonly string[]): Promise<Features2025['features']> {
    await this.ensureCrosswalk();
    const wanted = new Set(codes);
    const provinceCodes = new Set(
      codes.flatMap((code) => this.crosswalk?.commune(code)?.provinceCode ?? []),
    );
    const shapes: Features2025['features'] = [];
    for (const code of provinceCodes) {
      const file = this.provincesByCode.get(code)?.communes;
      if (!file) continue;
      const communes = communes2025FromText(await fetchGenerated(this.#baseUrl, file), file.file);
      shapes.push(
        ...communes.features.filter(
          (f) => f.properties.role === 'commune' && wanted.has(f.properties.code),
        ),
      );
    }
    return shapes;
  }

  async #guard(run: () => Promise<void>): Promise<void> {
    try {
      this.error = null;
      await run();
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}

const KEY = Symbol('era-state');

export function setEraState(state: EraState): EraState {
  return setContext(KEY, state);
}

export function getEraState(): EraState {
  const state = getContext<EraState | undefined>(KEY);
  if (!state) throw new Error('getEraState() called outside <App>: no EraState in context');
  return state;
}
