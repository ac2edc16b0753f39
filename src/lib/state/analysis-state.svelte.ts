import { getContext, setContext, untrack } from 'svelte';
import type { IndicatorId } from '../domain/indicators.ts';
import {
  defaultPriorityRule,
  evaluatePriorityRule,
  parsePriorityRule,
  type PriorityMember,
  type PriorityRule,
} from '../domain/priority/priority-rule.ts';
import { vi } from '../i18n/messages.ts';
import { eraOfDataset } from '../domain/eras/era.ts';
import { queenContiguity } from '../domain/spatial/contiguity.ts';
import { LISA_CATEGORIES, type LisaCategory, type LisaResult } from '../domain/spatial/moran.ts';
import type { ClassifyOptions } from '../scales/choropleth.ts';
import { parseClassifyChoices } from '../scales/classify-choice.ts';
import type { AtlasState } from './atlas-state.svelte.ts';
import { LisaClient } from './lisa-client.ts';

/** Keys in the store's meta table (JSON values, validated on read). */
const CLASSIFY_KEY = 'analysis:classification';
const RULES_KEY = 'analysis:priority-rules';

/**
 * The rule the builder starts with: the documents' "tỷ lệ hộ nghèo trên 20 %" on the dataset's
 * own poverty rate. Its name is stored in Vietnamese like every default name and shown in the UI
 * language (i18n.name).
 */
export function createDefaultRule(indicators: readonly IndicatorId[] = []): PriorityRule {
  return defaultPriorityRule(vi.priorityDefaultRuleName, indicators);
}

/**
 * The analysis panel's state: the classification choice per indicator (applied by AtlasState)
 * and the priority rule, its result and the saved rules (both choices kept in IndexedDB), and
 * the LISA map mode with its result.
 */
export class AnalysisState {
  readonly #atlas: AtlasState;

  open = $state(false);
  /** The rule in the builder; drawn on the map and listed while `showPriority` is on. */
  rule = $state<PriorityRule>(createDefaultRule());
  /**
   * The default rule as last created: while the builder's rule is still it, no one has made it
   * theirs, and it follows the shown dataset (to a poverty rate the dataset has).
   */
  #defaultRule = JSON.stringify(createDefaultRule());
  showPriority = $state(false);
  savedRules = $state.raw<PriorityRule[]>([]);

  /** The LISA map mode: clusters of the mapped values, computed in a worker while it is on. */
  showLisa = $state(false);
  lisa = $state.raw<LisaResult | null>(null);
  lisaRunning = $state(false);
  lisaError = $state<string | null>(null);
  readonly #lisaClient = new LisaClient(
    (result) => {
      this.lisa = result;
      this.lisaRunning = false;
      this.lisaError = null;
    },
    (message) => {
      this.lisaRunning = false;
      this.lisaError = message;
    },
  );

  /** Queen contiguity of the 2019 districts; computed the first time the LISA mode is on. */
  #contiguity = $derived.by(() => {
    const topology = this.#atlas.data.topology;
    return topology ? queenContiguity(topology, 'districts') : null;
  });

  constructor(atlas: AtlasState) {
    this.#atlas = atlas;
    // Runs LISA whenever the mode is on and the mapped values (dataset, indicator, scenario)
    // change; the worker keeps the page responsive, and switching off stops it.
    $effect(() => {
      if (!this.showLisa) {
        this.#lisaClient.dispose();
        this.lisaRunning = false;
        return;
      }
      const contiguity = this.#contiguity;
      if (!contiguity) return;
      this.lisaRunning = true;
      this.#lisaClient.run(contiguity, this.#atlas.mapValues, {});
    });
    $effect(() => () => this.#lisaClient.dispose());
    // The default rule tests the shown dataset's own poverty rate (the start-of-year rate of a
    // plan, the annual rate of a survey); a rule someone has edited or opened stays as it is.
    $effect(() => {
      const indicators = this.#atlas.dataset?.indicators;
      if (indicators) untrack(() => this.#defaultRuleFor(indicators));
    });
  }

  #defaultRuleFor(indicators: readonly IndicatorId[]): void {
    if (JSON.stringify($state.snapshot(this.rule)) !== this.#defaultRule) return;
    const rule = createDefaultRule(indicators);
    this.#defaultRule = JSON.stringify(rule);
    this.rule = rule;
  }

  /**
   * The units priority areas are found among: the dataset's own level, so a province table's
   * rule selects provinces and a district table's districts (a 2025 dataset: none yet).
   */
  priorityLevel = $derived.by<'province' | 'district' | null>(() => {
    const dataset = this.#atlas.dataset;
    if (eraOfDataset(dataset) === '2025') return null;
    return dataset?.level === 'province' ? 'province' : 'district';
  });

  /** Each district's LISA category, while the mode is on and a result is in. */
  lisaCategories = $derived.by(() => {
    const lisa = this.showLisa ? this.lisa : null;
    const byCode = new Map<string, LisaCategory>();
    if (!lisa) return byCode;
    lisa.codes.forEach((code, i) => byCode.set(code, LISA_CATEGORIES[lisa.category[i]!]!));
    return byCode;
  });

  /** The current dataset's values at the priority level, per indicator. */
  valuesByIndicator = $derived.by(() => {
    const byIndicator = new Map<IndicatorId, Map<string, number>>();
    const level = this.priorityLevel;
    for (const o of this.#atlas.observations) {
      if (o.unitLevel !== level) continue;
      let values = byIndicator.get(o.indicator);
      if (!values) byIndicator.set(o.indicator, (values = new Map()));
      values.set(o.unitCode, o.value);
    }
    return byIndicator;
  });

  valuesOf = (indicator: IndicatorId): ReadonlyMap<string, number> =>
    this.valuesByIndicator.get(indicator) ?? new Map();

  priority = $derived.by<PriorityMember[]>(() =>
    this.showPriority
      ? evaluatePriorityRule(this.rule, {
          unitCodes: [...this.priorityUnits.keys()],
          valuesOf: this.valuesOf,
          lists: this.#atlas.designatedLists,
        })
      : [],
  );

  /** The units of the priority level, by code (the 2019 provinces or districts). */
  get priorityUnits(): ReadonlyMap<string, { name: string; provinceCode: string }> {
    const atlas = this.#atlas;
    return this.priorityLevel === 'province'
      ? atlas.provincesByCode
      : this.priorityLevel === 'district'
        ? atlas.districtsByCode
        : new Map();
  }

  priorityByCode = $derived(new Map(this.priority.map((member) => [member.code, member])));

  /** Reads the stored choices once the atlas has opened its store. */
  async restore(): Promise<void> {
    const store = this.#atlas.data.store;
    if (!store) return;
    this.#atlas.classifyChoices = parseClassifyChoices(await store.getMeta(CLASSIFY_KEY));
    let rules: unknown;
    try {
      rules = JSON.parse((await store.getMeta(RULES_KEY)) ?? '[]');
    } catch {
      rules = [];
    }
    this.savedRules = (Array.isArray(rules) ? rules : []).flatMap((rule: unknown) => {
      try {
        return [parsePriorityRule(rule)];
      } catch {
        return []; // Written by another version of the app; the rest still load.
      }
    });
  }

  setClassification(patch: ClassifyOptions): void {
    const atlas = this.#atlas;
    const current = atlas.classifyChoices[atlas.classifyKey] ?? {};
    atlas.classifyChoices = {
      ...atlas.classifyChoices,
      [atlas.classifyKey]: { ...current, ...patch },
    };
    this.#persist(CLASSIFY_KEY, atlas.classifyChoices);
  }

  saveRule(): void {
    const rule = $state.snapshot(this.rule);
    this.savedRules = [...this.savedRules.filter((r) => r.name !== rule.name), rule].sort((a, b) =>
      a.name.localeCompare(b.name, 'vi'),
    );
    this.#persist(RULES_KEY, this.savedRules);
  }

  deleteRule(name: string): void {
    this.savedRules = this.savedRules.filter((r) => r.name !== name);
    this.#persist(RULES_KEY, this.savedRules);
  }

  useRule(rule: PriorityRule): void {
    this.rule = structuredClone(rule);
    this.showPriority = true;
  }

  #persist(key: string, value: unknown): void {
    // A failed write (quota, storage blocked) keeps the choice for this visit; the storage
    // banner already says storage is not working.
    void this.#atlas.data.store?.putMeta(key, JSON.stringify(value)).catch(() => undefined);
  }
}

const KEY = Symbol('analysis-state');

export function setAnalysisState(state: AnalysisState): AnalysisState {
  return setContext(KEY, state);
}

export function getAnalysisState(): AnalysisState {
  const state = getContext<AnalysisState | undefined>(KEY);
  if (!state)
    throw new Error('getAnalysisState() called outside <App>: no AnalysisState in context');
  return state;
}
