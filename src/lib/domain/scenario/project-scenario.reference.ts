import { allocateTargets } from './allocate-targets.ts';
import {
  SCENARIO_FLAGS,
  targetPath,
  unitsInScope,
  type ScenarioFlag,
  type ScenarioResult,
  type ScenarioTotals,
  type UnitOutcome,
} from './project-scenario.ts';
import type { ScenarioDefinition, UnitGroup } from './scenario-definition.ts';
import type { ScenarioUnitInput } from './scenario-inputs.ts';

/*
 * The first, straightforward projection (arrays grown with push, flags as lists), kept as the
 * oracle: tests check that the optimised `projectScenario` returns exactly the same result, and
 * `npm run bench:scenario` times both in one process.
 */

const EPSILON = 1e-9;
const EMPTY_FLAGS: ScenarioFlag[] = [];

/**
 * Projects a scenario year by year: allocates the year's overall reduction to units by the rule,
 * then derives each unit's poor households, the exits needed (net fall + new poor + re-poverty),
 * the budget and the flags. Pure and deterministic.
 */
export function projectScenarioReference(
  allUnits: readonly ScenarioUnitInput[],
  definition: ScenarioDefinition,
): ScenarioResult {
  const units = unitsInScope(allUnits, definition);
  const n = units.length;
  const Y = definition.years;
  const newPoorShare = definition.flows.newPoorPercent / 100;
  const rePovertyShare = definition.flows.rePovertyPercent / 100;

  const growth = new Float64Array(n);
  const floor = new Float64Array(n);
  const cap = new Float64Array(n);
  const groupMinimum = new Float64Array(n);
  const locked = new Float64Array(n).fill(Number.NaN);
  const lockedHouseholds = new Float64Array(n).fill(Number.NaN);
  const groupsOf: UnitGroup[][] = [];
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
  }

  const outcomes: UnitOutcome[] = units.map((unit, i) => ({
    code: unit.code,
    name: unit.name,
    provinceCode: unit.provinceCode,
    groups: groupsOf[i]!,
    households: [unit.households],
    poor: [unit.poor],
    rate: [(100 * unit.poor) / unit.households],
    reduction: [],
    netReduction: [],
    newPoor: [],
    rePoverty: [],
    exits: [],
    flags: [],
    budgetNeeded: 0,
    budgetAvailable: 0,
  }));

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
      const o = outcomes[i]!;
      const h = o.households[t]!;
      poor[i] = o.poor[t]!;
      rate[i] = o.rate[t]!;
      // The base year's own end-of-year count is used as is, so plan figures add up exactly.
      const hn =
        t === 0 && definition.householdGrowth.source === 'data' && units[i]!.householdsEnd !== null
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
      const o = outcomes[i]!;
      const hn = householdsNext[i]!;
      const p = poor[i]!;
      const d = reduction[i]!;
      const lockedHh = lockedHouseholds[i]!;
      // Household targets are kept as counts, not via a rounded rate, so the sums stay exact.
      const plannedPoor = Number.isNaN(lockedHh) ? ((rate[i]! - d) * hn) / 100 : p - lockedHh;
      const poorEnd = Math.min(hn, Math.max(0, plannedPoor));
      const rateEnd = (100 * poorEnd) / hn;
      const net = p - poorEnd;
      const newPoor = newPoorShare * (o.households[t]! - p);
      const exits = Math.max(0, (net + newPoor) / (1 - rePovertyShare));
      // Most unit-years carry no flag: share one empty list rather than allocate thousands.
      let flags = EMPTY_FLAGS;
      const flag = (name: ScenarioFlag) =>
        (flags = flags === EMPTY_FLAGS ? [name] : [...flags, name]);
      if ((100 * plannedPoor) / hn < floor[i]! - EPSILON) flag('below-floor');
      if (exits > p + EPSILON) flag('exits-exceed-poor');
      if (d > cap[i]! + EPSILON) flag('above-cap');
      const best = units[i]!.bestPastReduction;
      if (best !== null && d > best + EPSILON) flag('steeper-than-achieved');
      if (groupMinimum[i]! > 0 && d < groupMinimum[i]! - EPSILON) flag('below-group-minimum');
      o.households.push(hn);
      o.poor.push(poorEnd);
      o.rate.push(rateEnd);
      o.reduction.push(rate[i]! - rateEnd);
      o.netReduction.push(net);
      o.newPoor.push(newPoor);
      o.rePoverty.push(rePovertyShare * exits);
      o.exits.push(exits);
      o.flags.push(flags);
      o.budgetNeeded += exits * definition.budget.costPerExit;
    }
  }

  shareProgrammes(outcomes, definition);
  return {
    units: outcomes,
    total: totals(outcomes, targetRate, Y),
    flagCounts: countFlags(outcomes),
  };
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

function countFlags(outcomes: UnitOutcome[]): Record<ScenarioFlag, number> {
  const counts = Object.fromEntries(SCENARIO_FLAGS.map((flag) => [flag, 0])) as Record<
    ScenarioFlag,
    number
  >;
  for (const o of outcomes) {
    for (const flag of SCENARIO_FLAGS) {
      if (o.flags.some((year) => year.includes(flag))) counts[flag] += 1;
    }
  }
  return counts;
}
