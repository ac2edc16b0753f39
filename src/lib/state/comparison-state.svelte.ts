import { comparisonOfKinds } from '../domain/kinds.ts';
import { getContext, setContext } from 'svelte';
import {
  achievementByUnit,
  differenceByUnit,
  differenceUnit,
  reductionsOf,
  targetMeasuresOf,
  valuesOf,
  type TargetMeasure,
} from '../domain/change/compare-datasets.ts';
import {
  defaultPlanResult,
  isPlan,
  isResult,
  type PairCandidate,
} from '../domain/change/plan-result.ts';
import type { Observation } from '../domain/dataset.ts';
import { INDICATORS } from '../domain/indicators.ts';
import { formatMessage } from '../i18n/format-message.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import type { Locale } from '../i18n/messages.ts';
import type { MapMeasure } from '../scales/choropleth.ts';
import {
  formatCount,
  formatIndicatorValue,
  formatPercent,
  formatPoints,
} from '../scales/format.ts';
import type { AtlasState, MapOverlay } from './atlas-state.svelte.ts';

export type ComparisonMode = 'none' | 'difference' | 'achievement';

/**
 * Change and progress: the selected indicator's difference from another dataset, or a plan's
 * targets against a result's achievements. While a mode is on, the atlas maps it (see
 * `AtlasState.comparison`); the figures come from the pure functions in domain/change.
 */
export class ComparisonState implements MapOverlay {
  readonly #atlas: AtlasState;

  mode = $state<ComparisonMode>('none');
  otherId = $state('');
  planId = $state('');
  resultId = $state('');
  target = $state<TargetMeasure>('rate');
  #other = $state.raw<Observation[]>([]);
  #plan = $state.raw<Observation[]>([]);
  #result = $state.raw<Observation[]>([]);

  constructor(atlas: AtlasState) {
    this.#atlas = atlas;
  }

  /** District datasets of the 2019 era, the only ones the district map can compare. */
  #districtDatasets = $derived.by(() =>
    this.#atlas.data.datasets.filter(
      (d) => d.level === 'district' && d.vintage === '2019-districts',
    ),
  );

  /** Other datasets carrying the selected indicator. */
  differenceCandidates = $derived(
    this.#districtDatasets.filter(
      (d) => d.id !== this.#atlas.datasetId && d.indicators.includes(this.#atlas.indicatorId),
    ),
  );

  /** Datasets that state a reduction (a target in a plan, an achievement in a review). */
  #targetCandidates = $derived(
    this.#districtDatasets.filter((d) => targetMeasuresOf(d.indicators).length > 0),
  );
  /** Plans, which state targets; reviews and surveys, which state results: never the other way. */
  planCandidates = $derived(this.#targetCandidates.filter(isPlan));
  resultCandidates = $derived(this.#targetCandidates.filter(isResult));

  /** Targets both the plan and the result state. */
  targets = $derived.by<TargetMeasure[]>(() => {
    const of = (id: string) =>
      targetMeasuresOf(this.#atlas.data.datasets.find((d) => d.id === id)?.indicators ?? []);
    const result = of(this.resultId);
    return of(this.planId).filter((measure) => result.includes(measure));
  });

  difference = $derived.by(() => {
    if (this.mode !== 'difference') return new Map<string, number>();
    const indicator = this.#atlas.indicatorId;
    return differenceByUnit(
      valuesOf(this.#atlas.observations, indicator),
      valuesOf(this.#other, indicator),
    );
  });

  achievements = $derived(
    this.mode === 'achievement' && this.targets.includes(this.target)
      ? achievementByUnit(
          reductionsOf(this.#plan, this.target),
          reductionsOf(this.#result, this.target),
        )
      : new Map(),
  );

  /** Achievement per unit as the analysis panel lists it: the unit's name, lowest share first. */
  achievementRows = $derived(
    [...this.achievements]
      .map(([code, achievement]) => ({
        code,
        name: this.#atlas.districtsByCode.get(code)?.name ?? code,
        ...achievement,
      }))
      .sort((a, b) => a.percent - b.percent),
  );

  /** A target or achieved cut in its own unit: points of the rate, or poor households. */
  formatAmount(value: number, locale: Locale): string {
    return this.target === 'rate' ? formatPoints(value, locale) : formatCount(value, locale);
  }

  values = $derived<ReadonlyMap<string, number>>(
    this.mode === 'difference'
      ? this.difference
      : new Map([...this.achievements].map(([code, a]) => [code, a.percent])),
  );

  measure = $derived.by<MapMeasure>(() => {
    const titleOf = (id: string, locale: Locale) =>
      this.#atlas.data.datasets.find((d) => d.id === id)?.title[locale] ?? id;
    const label = (locale: Locale) =>
      this.mode === 'difference'
        ? formatMessage(i18n.messages(locale).measureDifference, {
            indicator: INDICATORS[this.#atlas.indicatorId].label[locale].toLowerCase(),
            a: titleOf(this.#atlas.datasetId, locale),
            b: titleOf(this.otherId, locale),
          })
        : formatMessage(i18n.messages(locale).measureAchievement, {
            target: i18n.messages(locale)[`target_${this.target}`].toLowerCase(),
            result: titleOf(this.resultId, locale),
            plan: titleOf(this.planId, locale),
          });
    const named = { vi: label('vi'), en: label('en') };
    // Two datasets of different kinds (a plan's figure, a review's) are two measures set beside
    // each other, never one measure's change: the legend says so (see domain/kinds.ts).
    const kindOf = (id: string) => this.#atlas.data.datasets.find((d) => d.id === id)?.kind;
    const [kindA, kindB] = [kindOf(this.#atlas.datasetId), kindOf(this.otherId)];
    const kinds = kindA && kindB ? comparisonOfKinds(kindA, kindB) : null;
    const explain = (locale: Locale) => {
      const messages = i18n.messages(locale);
      return kinds?.kind === 'two-measures'
        ? `${messages.explainDifference} ${formatMessage(messages.explainTwoMeasures, {
            a: messages[`kind_${kinds.a}`],
            b: messages[`kind_${kinds.b}`],
          })}`
        : messages.explainDifference;
    };
    return this.mode === 'difference'
      ? {
          label: named,
          unit: differenceUnit(INDICATORS[this.#atlas.indicatorId].unit),
          kind: 'diverging',
          explanation: {
            vi: explain('vi'),
            get en() {
              return explain('en');
            },
          },
        }
      : {
          label: named,
          unit: 'percent',
          kind: 'diverging',
          centre: 100,
          higherIsBetter: true,
          explanation: i18n.bilingual('explainAchievement'),
        };
  });

  async setMode(mode: ComparisonMode): Promise<void> {
    this.mode = mode;
    this.#atlas.comparison = mode === 'none' ? null : this;
    if (mode === 'difference' && !this.differenceCandidates.some((d) => d.id === this.otherId)) {
      await this.chooseOther(this.differenceCandidates[0]?.id ?? '');
    }
    if (mode === 'achievement' && !this.planId) {
      const pair = defaultPlanResult(await this.#pairCandidates(), this.#atlas.datasetId);
      await Promise.all([
        this.choosePlan(pair?.planId ?? this.planCandidates[0]?.id ?? ''),
        this.chooseResult(pair?.resultId ?? this.resultCandidates[0]?.id ?? ''),
      ]);
    }
  }

  /** Plans and results with the units each states a reduction for, to pair them. */
  async #pairCandidates(): Promise<PairCandidate[]> {
    const candidates = [...this.planCandidates, ...this.resultCandidates];
    return Promise.all(
      candidates.map(async (d) => {
        const targets = targetMeasuresOf(d.indicators);
        const observations = await this.#atlas.yearObservationsOf(d.id);
        const units = new Set(targets.flatMap((t) => [...reductionsOf(observations, t).keys()]));
        return { id: d.id, kind: d.kind, year: d.year, units, targets };
      }),
    );
  }

  async chooseOther(id: string): Promise<void> {
    this.otherId = id;
    const observations = id ? await this.#atlas.yearObservationsOf(id) : [];
    if (this.otherId === id) this.#other = observations;
  }

  async choosePlan(id: string): Promise<void> {
    this.planId = id;
    const observations = id ? await this.#atlas.yearObservationsOf(id) : [];
    if (this.planId === id) this.#plan = observations;
    this.#keepTarget();
  }

  async chooseResult(id: string): Promise<void> {
    this.resultId = id;
    const observations = id ? await this.#atlas.yearObservationsOf(id) : [];
    if (this.resultId === id) this.#result = observations;
    this.#keepTarget();
  }

  #keepTarget(): void {
    if (!this.targets.includes(this.target) && this.targets[0]) this.target = this.targets[0];
  }

  /** The comparison for one unit in words, for its profile; null when it has none. */
  sentence(code: string, unitName: string, locale: Locale): string | null {
    const messages = i18n.messages(locale);
    if (this.mode === 'difference') {
      const value = this.difference.get(code);
      if (value === undefined) return null;
      return formatMessage(messages.differenceSentence, {
        measure: this.measure.label[locale],
        value: formatIndicatorValue(value, this.measure.unit, locale),
      });
    }
    if (this.mode !== 'achievement') return null;
    const achievement = this.achievements.get(code);
    if (!achievement) return formatMessage(messages.achievementMissing, { unit: unitName });
    const amount = (value: number) => this.formatAmount(value, locale);
    return formatMessage(messages[`achievementSentence_${this.target}`], {
      unit: unitName,
      percent: formatPercent(achievement.percent, locale, 0),
      target: amount(achievement.target),
      achieved: amount(achievement.achieved),
    });
  }
}

const KEY = Symbol('comparison-state');

export function setComparisonState(state: ComparisonState): ComparisonState {
  return setContext(KEY, state);
}

export function getComparisonState(): ComparisonState {
  const state = getContext<ComparisonState | undefined>(KEY);
  if (!state)
    throw new Error('getComparisonState() called outside <App>: no ComparisonState in context');
  return state;
}
