import { allocateTargets } from './allocate-targets.ts';
import type { ScenarioDefinition, UnitGroup } from './scenario-definition.ts';
import type { ScenarioUnitInput } from './scenario-inputs.ts';

/** Why a unit's target needs a second look. */
export const SCENARIO_FLAGS = [
  'exits-exceed-poor',
  'below-floor',
  'above-cap',
  'steeper-than-achieved',
  'below-group-minimum',
] as const;
export type ScenarioFlag = (typeof SCENARIO_FLAGS)[number];

/** Series indexed by year: index 0 is the start of the first year, t the end of year t. */
export interface UnitOutcome {
  code: string;
  name: string;
  provinceCode: string;
  groups: UnitGroup[];
  households: number[];
  poor: number[];
  rate: number[];
  /** Per year (index t = year t + 1): points off the rate, net fall, inflow and gross exits. */
  reduction: number[];
  netReduction: number[];
  newPoor: number[];
  rePoverty: number[];
  exits: number[];
  flags: ScenarioFlag[][];
  /** Over the horizon, million VND. */
  budgetNeeded: number;
  budgetAvailable: number;
}

export interface ScenarioTotals {
  households: number[];
  poor: number[];
  rate: number[];
  /** The target path: the scope's target rate at each year's end (index 0 = start rate). */
  targetRate: number[];
  exits: number[];
  netReduction: number[];
  newPoor: number[];
  rePoverty: number[];
  budgetNeeded: number;
  budgetAvailable: number;
  /** Met when the rate at the horizon is at or below the target rate. */
  targetMet: boolean;
  /** Points by which the horizon rate is above target (0 when met). */
  missPoints: number;
}

export interface ScenarioResult {
  units: UnitOutcome[];
  total: ScenarioTotals;
  flagCounts: Record<ScenarioFlag, number>;
}

/** Comparisons of rates tolerate float noise far below the documents' two decimals. */
const EPSILON = 1e-9;
const EMPTY_FLAGS: ScenarioFlag[] = [];

/** The scope's target rate at the end of each year, from its start rate. */
export function targetPath(definition: ScenarioDefinition, startRate: number): number[] {
  const path = [startRate];
  const { target, years } = definition;
  for (let t = 1; t <= years; t += 1) {
    if (target.kind === 'points-per-year') {
      path.push(Math.max(0, startRate - target.points * t));
    } else {
      const span = target.year - definition.startYear + 1;
      path.push(startRate + ((target.rate - startRate) * Math.min(t, span)) / span);
    }
  }
  return path;
}

export function unitsInScope(
  units: readonly ScenarioUnitInput[],
  definition: ScenarioDefinition,
): ScenarioUnitInput[] {
  const { scope } = definition;
  return scope.kind === 'nation'
    ? [...units]
    : units.filter((unit) => unit.provinceCode === scope.provinceCode);
}

/** Bit i of a unit-year's flag mask is SCENARIO_FLAGS[i]. */
const FLAG_BIT: Record<ScenarioFlag, number> = {
  'exits-exceed-poor': 1,
  'below-floor': 2,
  'above-cap': 4,
  'steeper-than-achieved': 8,
  'below-group-minimum': 16,
};
/** The order in which a unit-year lists its flags. */
const FLAG_ORDER: ScenarioFlag[] = [
  'below-floor',
  'exits-exceed-poor',
  'above-cap',
  'steeper-than-achieved',
  'below-group-minimum',
];

/** A unit-year's flag list from its mask; most have none and share one empty list. */
function flagList(mask: number): ScenarioFlag[] {
  if (mask === 0) return EMPTY_FLAGS;
  const flags: ScenarioFlag[] = [];
  for (const flag of FLAG_ORDER) if (mask & FLAG_BIT[flag]) flags.push(flag);
  return flags;
}

/** A plain array of `length` values of `series` from `offset` (the result's public shape). */
function slice(series: Float64Array, offset: number, length: number): number[] {
  const out = new Array<number>(length);
  for (let i = 0; i < length; i += 1) out[i] = series[offset + i]!;
  return out;
}

/**
 * Projects a scenario year by year: allocates the year's overall reduction to units by the rule,
 * then derives each unit's poor households, the exits needed (net fall + new poor + re-poverty),
 * the budget and the flags. Pure and deterministic. A slider re-runs it on every frame, so the
 * year loop works on flat typed arrays and flag bit masks, and builds the result's per-unit
 * arrays once at the end (same arithmetic, in the same order, as the reference projection).
 */
export function projectScenario(
  allUnits: readonly ScenarioUnitInput[],
  definition: ScenarioDefinition,
): ScenarioResult {
  const units = unitsInScope(allUnits, definition);
  const n = units.length;
  const Y = definition.years;
  const S = Y + 1;
  const newPoorShare = definition.flows.newPoorPercent / 100;
  const rePovertyShare = definition.flows.rePovertyPercent / 100;
  const costPerExit = definition.budget.costPerExit;
  const growthFromData = definition.householdGrowth.source === 'data';

  const growth = new Float64Array(n);
  const floor = new Float64Array(n);
  const cap = new Float64Array(n);
  const groupMinimum = new Float64Array(n);
  const best = new Float64Array(n);
  const locked = new Float64Array(n).fill(Number.NaN);
  const lockedHouseholds = new Float64Array(n).fill(Number.NaN);
  const groupsOf: UnitGroup[][] = [];
  // Unit-major series: households, poor and rate at S points, flows over Y years.
  const households = new Float64Array(n * S);
  const poorSeries = new Float64Array(n * S);
  const rateSeries = new Float64Array(n * S);
  const reductionSeries = new Float64Array(n * Y);
  const netSeries = new Float64Array(n * Y);
  const newPoorSeries = new Float64Array(n * Y);
  const rePovertySeries = new Float64Array(n * Y);
  const exitsSeries = new Float64Array(n * Y);
  const flagMasks = new Uint8Array(n * Y);
  const budgetNeeded = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const unit = units[i]!;
    const setting = definition.units[unit.code];
    growth[i] =
      definition.householdGrowth.source === 'planner'
        ? definition.householdGrowth.percentPerYear / 100
        : unit.householdsEnd === null
          ? 0
          : unit.householdsEnd / unit.households - 1;
    floor[i] = setting?.floorRate ?? definition.floorRate;
    cap[i] = setting?.capPoints ?? definition.capPoints ?? Infinity;
    best[i] = unit.bestPastReduction ?? Number.NaN;
    const groups = setting?.groups ?? unit.groups;
    groupsOf.push(groups);
    for (const minimum of definition.groupMinimums) {
      if (groups.includes(minimum.group)) {
        groupMinimum[i] = Math.max(groupMinimum[i]!, minimum.pointsPerYear);
      }
    }
    if (definition.rule === 'manual' && setting?.locked && setting.target) {
      if ('points' in setting.target) locked[i] = setting.target.points;
      else lockedHouseholds[i] = setting.target.households;
    }
    households[i * S] = unit.households;
    poorSeries[i * S] = unit.poor;
    rateSeries[i * S] = (100 * unit.poor) / unit.households;
  }

  let households0 = 0;
  let poor0 = 0;
  for (const unit of units) {
    households0 += unit.households;
    poor0 += unit.poor;
  }
  const startRate = households0 > 0 ? (100 * poor0) / households0 : 0;
  const targetRate = targetPath(definition, startRate);

  const rate = new Float64Array(n);
  const poor = new Float64Array(n);
  const householdsNext = new Float64Array(n);
  const upper = new Float64Array(n);
  const lockedYear = new Float64Array(n);
  for (let t = 0; t < Y; t += 1) {
    let weightedRate = 0;
    let householdsNextTotal = 0;
    for (let i = 0; i < n; i += 1) {
      const h = households[i * S + t]!;
      poor[i] = poorSeries[i * S + t]!;
      rate[i] = rateSeries[i * S + t]!;
      // The base year's own end-of-year count is used as is, so plan figures add up exactly.
      const hn =
        t === 0 && growthFromData && units[i]!.householdsEnd !== null
          ? units[i]!.householdsEnd!
          : h * (1 + growth[i]!);
      householdsNext[i] = hn;
      householdsNextTotal += hn;
      weightedRate += rate[i]! * hn;
      upper[i] = Math.max(0, Math.min(cap[i]!, rate[i]! - floor[i]!));
      const lockedHh = lockedHouseholds[i]!;
      lockedYear[i] = Number.isNaN(lockedHh)
        ? locked[i]!
        : rate[i]! - (100 * (poor[i]! - lockedHh)) / hn;
    }
    const required =
      householdsNextTotal > 0 ? weightedRate / householdsNextTotal - targetRate[t + 1]! : 0;
    const reduction = allocateTargets(
      {
        rate,
        poor,
        householdsNext,
        lower: groupMinimum,
        upper,
        locked: lockedYear,
        requiredReduction: required,
      },
      definition.rule,
      definition.remainderRule,
    );

    for (let i = 0; i < n; i += 1) {
      const hn = householdsNext[i]!;
      const p = poor[i]!;
      const r = rate[i]!;
      const d = reduction[i]!;
      const lockedHh = lockedHouseholds[i]!;
      // Household targets are kept as counts, not via a rounded rate, so the sums stay exact.
      const plannedPoor = Number.isNaN(lockedHh) ? ((r - d) * hn) / 100 : p - lockedHh;
      const poorEnd = Math.min(hn, Math.max(0, plannedPoor));
      const rateEnd = (100 * poorEnd) / hn;
      const net = p - poorEnd;
      const newPoor = newPoorShare * (households[i * S + t]! - p);
      const exits = Math.max(0, (net + newPoor) / (1 - rePovertyShare));
      let mask = 0;
      if ((100 * plannedPoor) / hn < floor[i]! - EPSILON) mask |= FLAG_BIT['below-floor'];
      if (exits > p + EPSILON) mask |= FLAG_BIT['exits-exceed-poor'];
      if (d > cap[i]! + EPSILON) mask |= FLAG_BIT['above-cap'];
      // NaN (no past reduction) compares false.
      if (d > best[i]! + EPSILON) mask |= FLAG_BIT['steeper-than-achieved'];
      if (groupMinimum[i]! > 0 && d < groupMinimum[i]! - EPSILON) {
        mask |= FLAG_BIT['below-group-minimum'];
      }
      const next = i * S + t + 1;
      const year = i * Y + t;
      households[next] = hn;
      poorSeries[next] = poorEnd;
      rateSeries[next] = rateEnd;
      reductionSeries[year] = r - rateEnd;
      netSeries[year] = net;
      newPoorSeries[year] = newPoor;
      rePovertySeries[year] = rePovertyShare * exits;
      exitsSeries[year] = exits;
      flagMasks[year] = mask;
      budgetNeeded[i]! += exits * costPerExit;
    }
  }

  const flagCounts = Object.fromEntries(SCENARIO_FLAGS.map((flag) => [flag, 0])) as Record<
    ScenarioFlag,
    number
  >;
  const outcomes: UnitOutcome[] = new Array<UnitOutcome>(n);
  for (let i = 0; i < n; i += 1) {
    const unit = units[i]!;
    const flags = new Array<ScenarioFlag[]>(Y);
    let unitMask = 0;
    for (let t = 0; t < Y; t += 1) {
      const mask = flagMasks[i * Y + t]!;
      unitMask |= mask;
      flags[t] = flagList(mask);
    }
    for (const flag of SCENARIO_FLAGS) if (unitMask & FLAG_BIT[flag]) flagCounts[flag] += 1;
    outcomes[i] = {
      code: unit.code,
      name: unit.name,
      provinceCode: unit.provinceCode,
      groups: groupsOf[i]!,
      households: slice(households, i * S, S),
      poor: slice(poorSeries, i * S, S),
      rate: slice(rateSeries, i * S, S),
      reduction: slice(reductionSeries, i * Y, Y),
      netReduction: slice(netSeries, i * Y, Y),
      newPoor: slice(newPoorSeries, i * Y, Y),
      rePoverty: slice(rePovertySeries, i * Y, Y),
      exits: slice(exitsSeries, i * Y, Y),
      flags,
      budgetNeeded: budgetNeeded[i]!,
      budgetAvailable: 0,
    };
  }

  shareProgrammes(outcomes, definition);
  return { units: outcomes, total: totals(outcomes, targetRate, Y), flagCounts };
}

/**
 * Each programme's money over the horizon, shared among its eligible units by poor households;
 * each eligible unit also needs the programme's cost per exit for every exit it plans.
 */
function shareProgrammes(outcomes: UnitOutcome[], definition: ScenarioDefinition): void {
  for (const programme of definition.budget.programmes) {
    const eligible = outcomes.filter(
      (o) => programme.eligible === 'all' || o.groups.includes(programme.eligible),
    );
    const poorTotal = eligible.reduce((sum, o) => sum + o.poor[0]!, 0);
    const amount = programme.amountPerYear * definition.years;
    for (const o of eligible) {
      o.budgetAvailable +=
        poorTotal > 0 ? (amount * o.poor[0]!) / poorTotal : amount / eligible.length;
      if (programme.costPerExit > 0) {
        for (const exits of o.exits) o.budgetNeeded += exits * programme.costPerExit;
      }
    }
  }
}

function totals(outcomes: UnitOutcome[], targetRate: number[], years: number): ScenarioTotals {
  const series = () => new Array<number>(years + 1).fill(0);
  const perYear = () => new Array<number>(years).fill(0);
  const result: ScenarioTotals = {
    households: series(),
    poor: series(),
    rate: series(),
    targetRate,
    exits: perYear(),
    netReduction: perYear(),
    newPoor: perYear(),
    rePoverty: perYear(),
    budgetNeeded: 0,
    budgetAvailable: 0,
    targetMet: true,
    missPoints: 0,
  };
  for (const o of outcomes) {
    for (let t = 0; t <= years; t += 1) {
      result.households[t]! += o.households[t]!;
      result.poor[t]! += o.poor[t]!;
    }
    for (let t = 0; t < years; t += 1) {
      result.exits[t]! += o.exits[t]!;
      result.netReduction[t]! += o.netReduction[t]!;
      result.newPoor[t]! += o.newPoor[t]!;
      result.rePoverty[t]! += o.rePoverty[t]!;
    }
    result.budgetNeeded += o.budgetNeeded;
    result.budgetAvailable += o.budgetAvailable;
  }
  for (let t = 0; t <= years; t += 1) {
    const h = result.households[t]!;
    result.rate[t] = h > 0 ? (100 * result.poor[t]!) / h : 0;
  }
  const miss = result.rate[years]! - targetRate[years]!;
  result.targetMet = miss <= EPSILON;
  result.missPoints = Math.max(0, miss);
  return result;
}
