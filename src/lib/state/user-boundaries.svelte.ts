import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { getContext, setContext } from 'svelte';
import type { UserBoundarySetRecord } from '../db/atlas-db.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import type { SelectionState } from './selection.svelte.ts';

/** An imported boundary set as listed: everything but its geometry. */
export type UserBoundarySetSummary = Omit<UserBoundarySetRecord, 'geojsonText'>;

/**
 * The boundary sets a person imported, and the one the map shows over the 2019 districts (none
 * at first). The shown set's GeoJSON is parsed once, when it is chosen, and the map flies to it.
 */
export class UserBoundaries {
  sets = $state.raw<UserBoundarySetSummary[]>([]);
  shownId = $state<string | null>(null);
  shownData = $state.raw<FeatureCollection | null>(null);

  #atlas: AtlasState;
  #selection: SelectionState;

  constructor(atlas: AtlasState, selection: SelectionState) {
    this.#atlas = atlas;
    this.#selection = selection;
  }

  shown = $derived(this.sets.find((set) => set.id === this.shownId) ?? null);

  async refresh(): Promise<void> {
    const records = (await this.#atlas.data.store?.listUserBoundarySets()) ?? [];
    this.sets = records.map(({ geojsonText: _text, ...summary }) => summary);
    if (this.shownId && !this.sets.some((set) => set.id === this.shownId)) this.show(null);
  }

  async show(id: string | null): Promise<void> {
    if (id === null) {
      this.shownId = null;
      this.shownData = null;
      return;
    }
    const record = await this.#atlas.data.store?.getUserBoundarySet(id);
    if (!record) return;
    const data = JSON.parse(record.geojsonText) as FeatureCollection;
    this.shownData = data;
    this.shownId = id;
    this.#selection.flyTo(bbox(data) as [number, number, number, number]);
  }

  async remove(id: string): Promise<void> {
    await this.#atlas.data.store?.deleteUserBoundarySet(id);
    await this.refresh();
  }
}

const KEY = Symbol('user-boundaries');

export function setUserBoundaries(state: UserBoundaries): UserBoundaries {
  return setContext(KEY, state);
}

export function getUserBoundaries(): UserBoundaries {
  const state = getContext<UserBoundaries | undefined>(KEY);
  if (!state)
    throw new Error('getUserBoundaries() called outside <App>: no UserBoundaries in context');
  return state;
}
