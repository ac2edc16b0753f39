import { eraOfDataset } from '../domain/eras/era.ts';
import type { Observation } from '../domain/dataset.ts';
import { buildUnitProfile, type UnitProfile } from '../domain/unit-profile.ts';
import type { AtlasState } from './atlas-state.svelte.ts';

export interface ProfiledUnit {
  code: string;
  provinceCode: string;
}

/**
 * The selected district's profile: its figures (and its province's) from every stored dataset,
 * read from the store on selection and again when datasets are imported or deleted.
 */
export class UnitProfileState {
  readonly #atlas: AtlasState;
  unit = $state.raw<ProfiledUnit | null>(null);
  observations = $state.raw<Observation[]>([]);
  loading = $state(false);
  #request = 0;

  constructor(atlas: AtlasState) {
    this.#atlas = atlas;
  }

  profile = $derived.by((): UnitProfile | null => {
    const unit = this.unit;
    if (!unit) return null;
    const atlas = this.#atlas;
    return buildUnitProfile({
      unit,
      observations: this.observations,
      // A 2019 district's profile: 2025 datasets (new provinces, communes) reuse codes of other
      // units (15 was Yên Bái and is Lào Cai), so their figures are not this unit's.
      datasets: atlas.data.datasets.filter((d) => eraOfDataset(d) === '2019'),
      mapValues: new Map(atlas.mappedValues),
      provinceOf: (code) => atlas.districtsByCode.get(code)?.provinceCode,
      lists: atlas.designatedLists,
    });
  });

  async show(unit: ProfiledUnit | null): Promise<void> {
    const request = ++this.#request;
    this.unit = unit;
    this.observations = [];
    const store = this.#atlas.data.store;
    if (!unit || !store) return;
    this.loading = true;
    try {
      const found = await store.getUnitObservations([
        { code: unit.code, level: 'district' },
        { code: unit.provinceCode, level: 'province' },
      ]);
      // A later selection wins over a slower read.
      if (request === this.#request) this.observations = found;
    } catch {
      // Storage failed mid-visit: the panel still shows the current dataset's figures.
    } finally {
      if (request === this.#request) this.loading = false;
    }
  }
}
