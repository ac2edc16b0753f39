import { createContext } from 'svelte';
import {
  BOUNDARY_SETS,
  type BoundarySet,
  type BuiltInBoundarySetId,
} from '../domain/boundary-sets.ts';
import { BOUNDARY_SOURCE } from '../map/base-style.ts';
import { BOUNDARIES_2025_SOURCE } from '../map/era-sources.ts';
import type { DatasetKind } from '../domain/dataset.ts';
import { mapProvenance } from '../domain/provenance.ts';
import type { ChoroplethClasses, MapMeasure } from '../scales/choropleth.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { EraState } from './era-state.svelte.ts';
import type { SelectionState } from './selection.svelte.ts';

/**
 * One boundary set as the map draws it now: the same layer components (fill, no data, borders,
 * labels, highlight) draw any set from this, whichever era it belongs to.
 */
export interface ShownSet {
  set: BoundarySet;
  /** The map source holding its units (and their label points). */
  source: string;
  /** Coloured now: its level is the one the map shows values at. */
  active: boolean;
  /** Takes hover and clicks (a set can be clickable without colour: the 2025 communes). */
  interactive: boolean;
  values: ReadonlyMap<string, number>;
  classes: ChoroplethClasses;
  /** Units the data covers only in part (a 2019 dataset on the 2025 provinces). */
  partial: ReadonlySet<string>;
  selectedCode: string | null;
}

/** What the one legend shows, whichever sets are on the map. */
export interface LegendView {
  measure: MapMeasure;
  classes: ChoroplethClasses;
  /** The mapped values (for the histogram), one per unit drawn with a value. */
  values: number[];
  noDataCount: number;
  /** The units' name when they are not the dataset's own (the 2025 provinces). */
  unitsNamed: 'province2025' | null;
  /** Units the data covers in part (null: the map cannot have any). */
  partialCount: number | null;
  /** A commune dataset's opened province: its communes, in classes of their own. */
  childClasses: ChoroplethClasses | null;
  /** 2019 figures merged into the 2025 provinces. */
  merged: boolean;
  /** Marks only the 2019 map draws (computed per district): provenance, priority, symbols. */
  provenance: DatasetKind | null;
  districtMarks: boolean;
}

const NO_VALUES: ReadonlyMap<string, number> = new Map();
const NONE: ReadonlySet<string> = new Set();

/**
 * What the map shows: which boundary sets, and each one's values, classes and selection, fed by
 * AtlasState for the 2019 sets and by EraState for the 2025 sets. Layers, legend and panel read
 * the sets from here instead of asking which era is on.
 */
export class MapViewState {
  readonly #atlas: AtlasState;
  readonly #era: EraState;
  readonly #selection: SelectionState;

  constructor(atlas: AtlasState, era: EraState, selection: SelectionState) {
    this.#atlas = atlas;
    this.#era = era;
    this.#selection = selection;
  }

  /** The 2019 set coloured now: the dataset's level (or the overlay's, the sums'). */
  levelSet2019 = $derived.by<BuiltInBoundarySetId>(() =>
    this.#atlas.mapLevel === 'province' ? '2019-provinces' : '2019-districts',
  );

  /** The 2019 districts and provinces: one level coloured (the dataset's), the other clear. */
  districts2019 = $derived(this.#of2019(BOUNDARY_SETS['2019-districts']));
  provinces2019 = $derived(this.#of2019(BOUNDARY_SETS['2019-provinces']));

  /** The 34 provinces: a 2025 dataset's values (communes summed), or 2019 figures merged. */
  provinces2025 = $derived.by<ShownSet>(() => {
    const era = this.#era;
    return {
      set: BOUNDARY_SETS['2025-provinces'],
      source: BOUNDARIES_2025_SOURCE,
      active: true,
      interactive: true,
      values: era.values,
      classes: era.classes,
      partial: new Set([...era.aggregated].filter(([, a]) => a.partial).map(([code]) => code)),
      selectedCode: this.#selection.selectedIn('2025-provinces'),
    };
  });

  /**
   * The 3,321 communes: coloured by their own values, in classes of their own, for a commune
   * dataset; otherwise clear (the province's colour shows through) but still clickable.
   */
  communes2025 = $derived.by<ShownSet>(() => {
    const era = this.#era;
    return {
      set: BOUNDARY_SETS['2025-communes'],
      source: BOUNDARIES_2025_SOURCE,
      active: era.communeDataset,
      interactive: true,
      values: era.communeValues,
      classes: era.communeClasses,
      partial: NONE,
      selectedCode: this.#selection.selectedIn('2025-communes'),
    };
  });

  /** The legend of what is shown. */
  legend = $derived.by<LegendView>(() => {
    const atlas = this.#atlas;
    const era = this.#era;
    if (era.mapEra === '2025') {
      return {
        measure: atlas.indicator,
        classes: era.classes,
        values: [...era.values.values()],
        noDataCount: era.provincesByCode.size - era.values.size,
        unitsNamed: 'province2025',
        partialCount: era.partialCount,
        childClasses: era.communeDataset && era.openProvinceCode ? era.communeClasses : null,
        merged: era.datasetEra === '2019',
        provenance: null,
        districtMarks: false,
      };
    }
    return {
      measure: atlas.measure,
      classes: atlas.classes,
      values: atlas.mappedValues.map(([, value]) => value),
      noDataCount: atlas.unitsOnMap.size - atlas.mappedValues.length,
      unitsNamed: null,
      partialCount: null,
      childClasses: null,
      merged: false,
      provenance: mapProvenance(atlas.dataset?.kind, atlas.overlay !== null),
      districtMarks: true,
    };
  });

  /** The selected unit and its set, on the sets shown (one selection at a time). */
  selected = $derived.by<{ set: BoundarySet; code: string } | null>(() => {
    const selected = this.#selection.selected;
    if (!selected) return null;
    const shown =
      this.#era.mapEra === '2025'
        ? selected.set === '2025-provinces' || selected.set === '2025-communes'
        : selected.set === this.levelSet2019;
    return shown ? { set: BOUNDARY_SETS[selected.set], code: selected.code } : null;
  });

  deselect(): void {
    this.#selection.selected = null;
  }

  /** A set by its id. */
  shown(id: BuiltInBoundarySetId): ShownSet {
    switch (id) {
      case '2019-districts':
        return this.districts2019;
      case '2019-provinces':
        return this.provinces2019;
      case '2025-provinces':
        return this.provinces2025;
      case '2025-communes':
        return this.communes2025;
    }
  }

  #of2019(set: BoundarySet): ShownSet {
    const atlas = this.#atlas;
    const active = atlas.mapLevel === set.level;
    return {
      set,
      source: BOUNDARY_SOURCE,
      active,
      interactive: active,
      values: active ? atlas.mapValues : NO_VALUES,
      classes: atlas.classes,
      partial: NONE,
      selectedCode: active ? this.#selection.selectedIn(set.id as BuiltInBoundarySetId) : null,
    };
  }

  /** The unit under the pointer (null: none), with the pointer's position for the tooltip. */
  hover(set: BoundarySet, code: string | null, pointer: { x: number; y: number } | null): void {
    this.#selection.hover(set.id as BuiltInBoundarySetId, code);
    this.#selection.pointer = pointer;
  }

  /** A click on a unit: selects it; a 2025 province also opens its communes and is flown to. */
  select(set: BoundarySet, code: string): void {
    this.#selection.select(set.id as BuiltInBoundarySetId, code);
    if (set.id !== '2025-provinces') return;
    void this.#era.openProvince(code);
    const bounds = this.#era.provinceBounds(code);
    if (bounds) this.#selection.flyTo(bounds);
  }
}

/** Shared through context by App (createContext: a missing provider throws). */
export const [getMapView, setMapView] = createContext<MapViewState>();
