import { getContext, setContext } from 'svelte';
import type { ScenarioRecord } from '../db/atlas-db.ts';
import type { Observation } from '../domain/dataset.ts';
import { datasetVersion } from '../domain/dataset-version.ts';
import { eraOfDataset } from '../domain/eras/era.ts';
import { monteCarloInput, type MonteCarloResult } from '../domain/scenario/monte-carlo.ts';
import { projectScenario, type ScenarioResult } from '../domain/scenario/project-scenario.ts';
import {
  createDefaultScenario,
  parseScenarioDefinition,
  SCENARIO_MEASURE_IDS,
  type ScenarioDefinition,
  type ScenarioMeasureId,
} from '../domain/scenario/scenario-definition.ts';
import {
  bestPastReductions,
  scenarioInputProblem,
  scenarioLevelOf,
  scenarioUnitsFromObservations,
  type ScenarioInputOptions,
  type ScenarioInputProblem,
  type ScenarioLevel,
  type ScenarioUnitInput,
} from '../domain/scenario/scenario-inputs.ts';
import { saveAction } from '../domain/scenario/scenario-save.ts';
import { scenarioFromHash, scenarioShareHash } from '../domain/scenario/scenario-share.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { vi, type MessageKey } from '../i18n/messages.ts';
import type { MapMeasure } from '../scales/choropleth.ts';
import type { AtlasState, MapOverlay } from './atlas-state.svelte.ts';
import { runMonteCarloInWorker, type MonteCarloJob } from './monte-carlo-client.ts';

export { SCENARIO_MEASURE_IDS, type ScenarioMeasureId };

/** What the map can show of a scenario; changes and gaps are signed, so diverging. */
export const SCENARIO_MEASURES: Record<ScenarioMeasureId, MapMeasure> = {
  rate: { label: i18n.bilingual('measureRate'), unit: 'percent', kind: 'rate' },
  change: { label: i18n.bilingual('measureChange'), unit: 'points', kind: 'diverging' },
  exits: { label: i18n.bilingual('measureExits'), unit: 'households', kind: 'count' },
  gap: { label: i18n.bilingual('measureGap'), unit: 'points', kind: 'diverging' },
};

export const MAX_COMPARED = 3;

export interface SavedScenario {
  record: ScenarioRecord;
  /** Null when the stored definition does not pass the parser (then `error` says why). */
  definition: ScenarioDefinition | null;
  error: string | null;
}

export interface MonteCarloState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'failed';
  completed: number;
  total: number;
  result: MonteCarloResult | null;
  elapsedMs: number | null;
  /** The definition the result belongs to, to tell when it is out of date. */
  definitionKey: string | null;
  error: string | null;
}

export interface ComparedScenario {
  id: string;
  definition: ScenarioDefinition;
  result: ScenarioResult;
}

const IDLE: MonteCarloState = {
  status: 'idle',
  completed: 0,
  total: 0,
  result: null,
  elapsedMs: null,
  definitionKey: null,
  error: null,
};

/**
 * The scenario simulator's state: the definition being edited, its projection (derived, so the
 * map follows a slider without any synchronisation), saved scenarios and the Monte Carlo run.
 * While the panel is open it is the atlas's map overlay.
 */
export class ScenarioState implements MapOverlay {
  open = $state(false);
  definition = $state<ScenarioDefinition>(
    createDefaultScenario({ baseDatasetId: 'none', startYear: new Date().getFullYear() }),
  );
  /** The saved record being edited, or null for an unsaved scenario. */
  savedId = $state<string | null>(null);
  measureId = $state<ScenarioMeasureId>('rate');
  baseObservations = $state.raw<Observation[]>([]);
  pastReductions = $state.raw<Map<string, number>>(new Map());
  saved = $state.raw<SavedScenario[]>([]);
  compareIds = $state.raw<string[]>([]);
  compared = $state.raw<ComparedScenario[]>([]);
  /** A notice for the planner (a bad link, a failed save), announced politely. */
  notice = $state<{ kind: 'error' | 'info'; key: MessageKey; detail?: string } | null>(null);
  monteCarlo = $state.raw<MonteCarloState>(IDLE);

  #atlas: AtlasState;
  #job: MonteCarloJob | null = null;
  #initialised = false;

  constructor(atlas: AtlasState) {
    this.#atlas = atlas;
  }

  /**
   * The units the scenario projects, and the map colours while it is open: the base dataset's
   * own level (a province table's provinces, a district table's districts).
   */
  level = $derived<ScenarioLevel>(scenarioLevelOf(this.#datasetOf(this.definition.baseDatasetId)));

  inputs = $derived<ScenarioUnitInput[]>(
    scenarioUnitsFromObservations(this.baseObservations, this.#inputOptions(this.level)),
  );

  /** Why the base dataset gives the scenario no units (said in the panel); null when it gives some. */
  problem = $derived.by<ScenarioInputProblem | { kind: 'era-2025' } | null>(() => {
    if (this.inputs.length > 0) return null;
    if (eraOfDataset(this.#datasetOf(this.definition.baseDatasetId)) === '2025') {
      return { kind: 'era-2025' };
    }
    return scenarioInputProblem(this.baseObservations, this.#inputOptions(this.level));
  });

  /** Read lazily by the deriveds, after the constructor has run. */
  #datasetOf(datasetId: string) {
    return this.#atlas.data.datasets.find((d) => d.id === datasetId);
  }

  #inputOptions(level: ScenarioLevel): ScenarioInputOptions {
    return {
      level,
      units: level === 'province' ? this.#atlas.provincesByCode : this.#atlas.districtsByCode,
      pastReductions: this.pastReductions,
    };
  }

  /** Provinces the base dataset covers, for the scope picker. */
  provinceCodes = $derived([...new Set(this.inputs.map((u) => u.provinceCode))].sort());

  result = $derived<ScenarioResult>(projectScenario(this.inputs, this.definition));

  /** The year the map shows (1 = the first), or null for the horizon, whatever it becomes. */
  mapYear = $state<number | null>(null);
  shownYear = $derived(Math.min(this.mapYear ?? this.definition.years, this.definition.years));

  /** The measure as the legend names it; a year before the horizon is named with its year. */
  measure = $derived.by<MapMeasure>(() => {
    const measure = SCENARIO_MEASURES[this.measureId];
    if (this.shownYear === this.definition.years) return measure;
    const year = this.definition.startYear + this.shownYear - 1;
    return {
      ...measure,
      label: { vi: `${measure.label.vi} — ${year}`, en: `${measure.label.en} — ${year}` },
    };
  });

  /** The measure in the shown year per district: what the map draws while the panel is open. */
  values = $derived.by(() => {
    const { units, total } = this.result;
    const Y = this.shownYear;
    const target = total.targetRate[Y]!;
    const values = new Map<string, number>();
    for (const unit of units) {
      let value: number;
      if (this.measureId === 'rate') value = unit.rate[Y]!;
      else if (this.measureId === 'change') value = unit.rate[Y]! - unit.rate[0]!;
      else if (this.measureId === 'gap') value = unit.rate[Y]! - target;
      else value = unit.exits.slice(0, Y).reduce((sum, exits) => sum + exits, 0);
      values.set(unit.code, value);
    }
    return values;
  });

  definitionKey = $derived(JSON.stringify(this.definition));
  monteCarloStale = $derived(
    this.monteCarlo.definitionKey !== null && this.monteCarlo.definitionKey !== this.definitionKey,
  );

  async show(): Promise<void> {
    this.open = true;
    this.#atlas.overlay = this;
    if (!this.#initialised) {
      this.#initialised = true;
      await Promise.all([
        this.newScenario(this.#atlas.datasetId),
        this.#loadPastReductions(),
        this.refreshSaved(),
      ]);
    }
  }

  hide(): void {
    this.open = false;
    this.#atlas.overlay = null;
    this.cancelMonteCarlo();
  }

  /** A fresh scenario on a dataset: its year, its province, and the plan's own target if any. */
  async newScenario(datasetId: string): Promise<void> {
    const dataset = this.#atlas.data.datasets.find((d) => d.id === datasetId);
    const observations = await this.#baseObservationsOf(datasetId);
    const provinces = new Set(
      observations.filter((o) => o.unitLevel === 'province').map((o) => o.unitCode),
    );
    const definition = createDefaultScenario({
      name: vi.scenarioNewName,
      baseDatasetId: datasetId,
      startYear: dataset?.year ?? new Date().getFullYear(),
      scope:
        provinces.size === 1
          ? { kind: 'province', provinceCode: [...provinces][0]! }
          : { kind: 'nation' },
    });
    const planReduction = observations.find(
      (o) => o.unitLevel === 'province' && o.indicator === 'rate_reduction',
    );
    if (provinces.size === 1 && planReduction) {
      definition.target = { kind: 'points-per-year', points: planReduction.value };
    }
    this.baseObservations = observations;
    this.definition = definition;
    this.savedId = null;
    this.pendingSave = null;
    this.#resetMonteCarlo();
  }

  /** Switches the base dataset, keeping the rest of the definition. */
  async setBaseDataset(datasetId: string): Promise<void> {
    this.baseObservations = await this.#baseObservationsOf(datasetId);
    this.definition.baseDatasetId = datasetId;
    const codes = this.provinceCodes;
    const scope = this.definition.scope;
    if (scope.kind === 'province' && !codes.includes(scope.provinceCode)) {
      this.definition.scope =
        codes.length === 1 ? { kind: 'province', provinceCode: codes[0]! } : { kind: 'nation' };
    }
  }

  /** Opens a definition (saved, shared or compared) for editing. */
  async edit(definition: ScenarioDefinition, savedId: string | null): Promise<void> {
    this.baseObservations = await this.#baseObservationsOf(definition.baseDatasetId);
    this.definition = structuredClone(definition);
    this.savedId = savedId;
    this.pendingSave = null;
    this.#resetMonteCarlo();
  }

  /** Sets one unit's target (points a year) and locks it; the rule becomes manual. */
  setUnitTarget(code: string, points: number): void {
    if (!Number.isFinite(points)) return;
    if (this.definition.rule !== 'manual') this.#lockCurrentTargets();
    this.definition.rule = 'manual';
    this.definition.units[code] = {
      ...this.definition.units[code],
      target: { points },
      locked: true,
    };
  }

  /** Switching to manual keeps every unit where the previous rule put it, all unlocked. */
  #lockCurrentTargets(): void {
    for (const unit of this.result.units) {
      const setting = this.definition.units[unit.code];
      this.definition.units[unit.code] = {
        ...setting,
        target: { points: unit.reduction[0]! },
        locked: false,
      };
    }
  }

  setLocked(code: string, locked: boolean): void {
    const unit = this.result.units.find((u) => u.code === code);
    const setting = this.definition.units[code];
    this.definition.units[code] = {
      ...setting,
      target: setting?.target ?? { points: unit?.reduction[0] ?? 0 },
      locked,
    };
  }

  setPoorDistrict(code: string, poorDistrict: boolean): void {
    this.definition.units[code] = {
      ...this.definition.units[code],
      groups: poorDistrict ? ['poor-district'] : [],
    };
  }

  // ---- saved scenarios -----------------------------------------------------------------------

  async refreshSaved(): Promise<void> {
    const store = this.#atlas.data.store;
    if (!store) return;
    const records = await store.listScenarios();
    this.saved = records.map((record) => {
      try {
        return { record, definition: parseScenarioDefinition(record.definition), error: null };
      } catch (error) {
        return { record, definition: null, error: (error as Error).message };
      }
    });
  }

  /** The saved record's name while "Lưu" waits for "save as new" or "replace" (it was renamed). */
  pendingSave = $state<string | null>(null);

  /** Saves as new, replaces the saved record, or — when it was renamed — asks which. */
  async save(): Promise<void> {
    const existing = this.saved.find((s) => s.record.id === this.savedId);
    const action = saveAction(existing?.record.name ?? null, this.definition.name);
    if (action === 'ask') {
      this.pendingSave = existing!.record.name;
      return;
    }
    await this.saveAs(action);
  }

  async saveAs(action: 'new' | 'replace'): Promise<void> {
    this.pendingSave = null;
    const store = this.#atlas.data.store;
    if (!store) return;
    const now = new Date().toISOString();
    const existing =
      action === 'replace' ? this.saved.find((s) => s.record.id === this.savedId) : undefined;
    const definition = $state.snapshot(this.definition) as ScenarioDefinition;
    const record: ScenarioRecord = {
      id: existing?.record.id ?? crypto.randomUUID(),
      name: definition.name,
      createdAt: existing?.record.createdAt ?? now,
      updatedAt: now,
      definition,
    };
    try {
      await store.putScenario(record);
      this.savedId = record.id;
      this.notice = { kind: 'info', key: 'scenarioSaved', detail: record.name };
    } catch (error) {
      this.notice = { kind: 'error', key: 'scenarioSaveFailed', detail: String(error) };
    }
    await this.refreshSaved();
  }

  async duplicate(item: SavedScenario): Promise<void> {
    const store = this.#atlas.data.store;
    if (!store || !item.definition) return;
    const now = new Date().toISOString();
    // The copy mark is kept whole (a name is at most 120 characters), so it is shown translated.
    const mark = ` ${vi.scenarioCopySuffix}`;
    const name = `${item.definition.name.slice(0, 120 - mark.length)}${mark}`;
    await store.putScenario({
      id: crypto.randomUUID(),
      name,
      createdAt: now,
      updatedAt: now,
      definition: { ...item.definition, name },
    });
    await this.refreshSaved();
  }

  async remove(id: string): Promise<void> {
    await this.#atlas.data.store?.deleteScenario(id);
    if (this.savedId === id) this.savedId = null;
    this.compareIds = this.compareIds.filter((c) => c !== id);
    await this.refreshSaved();
    await this.updateComparison();
  }

  async toggleCompare(id: string): Promise<void> {
    this.compareIds = this.compareIds.includes(id)
      ? this.compareIds.filter((c) => c !== id)
      : [...this.compareIds, id].slice(-MAX_COMPARED);
    await this.updateComparison();
  }

  async updateComparison(): Promise<void> {
    const compared: ComparedScenario[] = [];
    for (const id of this.compareIds) {
      const definition = this.saved.find((s) => s.record.id === id)?.definition;
      if (!definition) continue;
      const observations = await this.#baseObservationsOf(definition.baseDatasetId);
      const level = scenarioLevelOf(this.#datasetOf(definition.baseDatasetId));
      const inputs = scenarioUnitsFromObservations(observations, this.#inputOptions(level));
      compared.push({ id, definition, result: projectScenario(inputs, definition) });
    }
    this.compared = compared;
  }

  // ---- links -------------------------------------------------------------------------------

  /** The base figures' version, for links; null when there are none (a 2025 dataset). */
  baseVersion = $derived(
    this.baseObservations.length > 0 ? datasetVersion(this.baseObservations) : null,
  );

  shareHash(): string {
    return scenarioShareHash(
      $state.snapshot(this.definition) as ScenarioDefinition,
      this.baseVersion,
    );
  }

  /**
   * Opens a scenario from a `#scenario=` link. A bad or hostile link only shows a notice; the
   * current scenario, the map and storage stay as they were.
   */
  async openFromHash(hash: string): Promise<void> {
    const shared = scenarioFromHash(hash);
    if (shared.kind === 'none') return;
    if (shared.kind === 'invalid') {
      this.notice = { kind: 'error', key: 'scenarioLinkInvalid', detail: shared.reason };
      return;
    }
    if (!this.#atlas.data.datasets.some((d) => d.id === shared.definition.baseDatasetId)) {
      this.notice = {
        kind: 'error',
        key: 'scenarioLinkUnknownDataset',
        detail: shared.definition.baseDatasetId,
      };
      return;
    }
    await this.show();
    await this.edit(shared.definition, null);
    // Opened either way, as a view link is; the planner is told the figures are not the same.
    this.notice =
      shared.version !== null && shared.version !== this.baseVersion
        ? { kind: 'error', key: 'scenarioLinkDataChanged', detail: shared.definition.name }
        : { kind: 'info', key: 'scenarioLinkOpened', detail: shared.definition.name };
  }

  // ---- Monte Carlo -------------------------------------------------------------------------

  async runMonteCarlo(): Promise<void> {
    this.cancelMonteCarlo();
    const options = $state.snapshot(
      this.definition.uncertainty,
    ) as ScenarioDefinition['uncertainty'];
    const definitionKey = this.definitionKey;
    const job = runMonteCarloInWorker(monteCarloInput(this.result), options, (completed, total) => {
      if (this.#job === job) this.monteCarlo = { ...this.monteCarlo, completed, total };
    });
    this.#job = job;
    this.monteCarlo = { ...IDLE, status: 'running', total: options.draws, definitionKey };
    try {
      const { result, elapsedMs } = await job.result;
      if (this.#job !== job) return;
      this.monteCarlo = {
        ...this.monteCarlo,
        status: 'done',
        completed: result.draws,
        result,
        elapsedMs,
      };
    } catch (error) {
      if (this.#job !== job) return;
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      this.monteCarlo = {
        ...this.monteCarlo,
        status: cancelled ? 'cancelled' : 'failed',
        error: cancelled ? null : String(error),
      };
    } finally {
      if (this.#job === job) this.#job = null;
    }
  }

  cancelMonteCarlo(): void {
    this.#job?.cancel();
  }

  #resetMonteCarlo(): void {
    this.cancelMonteCarlo();
    this.monteCarlo = IDLE;
  }

  /**
   * A scenario projects 2019 districts or provinces: a 2025 dataset (new provinces or communes)
   * gives it nothing, and its province codes name other provinces than the 2019 ones.
   */
  async #baseObservationsOf(datasetId: string): Promise<Observation[]> {
    const dataset = this.#atlas.data.datasets.find((d) => d.id === datasetId);
    if (dataset && eraOfDataset(dataset) === '2025') return [];
    return this.#atlas.yearObservationsOf(datasetId);
  }

  async #loadPastReductions(): Promise<void> {
    const datasets = this.#atlas.data.datasets.filter(
      (d) => d.kind === 'review' || d.kind === 'survey',
    );
    const observations = new Map<string, Observation[]>();
    for (const dataset of datasets) {
      observations.set(dataset.id, await this.#atlas.yearObservationsOf(dataset.id));
    }
    this.pastReductions = bestPastReductions(datasets, (id) => observations.get(id) ?? []);
  }
}

const KEY = Symbol('scenario-state');

export function setScenarioState(state: ScenarioState): ScenarioState {
  return setContext(KEY, state);
}

export function getScenarioState(): ScenarioState {
  const state = getContext<ScenarioState | undefined>(KEY);
  if (!state)
    throw new Error('getScenarioState() called outside <App>: no ScenarioState in context');
  return state;
}
