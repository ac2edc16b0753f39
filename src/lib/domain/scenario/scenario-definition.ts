/**
 * A scenario as a planner defines it, stored in IndexedDB and shared in URLs. Everything read
 * back from storage or a URL goes through `parseScenarioDefinition`: never trust it unchecked.
 */

/** How an overall target is turned into unit targets. */
export const ALLOCATION_RULES = [
  'equal-points',
  'proportional-to-rate',
  'proportional-to-poor',
  'group-minimums-first',
  'manual',
] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** The rules that can share out what is left after group minimums or locked units. */
export const REMAINDER_RULES = [
  'equal-points',
  'proportional-to-rate',
  'proportional-to-poor',
] as const;
export type RemainderRule = (typeof REMAINDER_RULES)[number];

/** Groups of units that programme targets name ("huyện nghèo"). */
export const UNIT_GROUPS = ['poor-district'] as const;
export type UnitGroup = (typeof UNIT_GROUPS)[number];

export type ScenarioScope = { kind: 'nation' } | { kind: 'province'; provinceCode: string };

/** The overall target for the scope, household-weighted. */
export type OverallTarget =
  { kind: 'points-per-year'; points: number } | { kind: 'final-rate'; rate: number; year: number };

export interface GroupMinimum {
  group: UnitGroup;
  pointsPerYear: number;
}

/** A unit's own target each year: points off its rate, or a net fall in poor households. */
export type UnitTarget = { points: number } | { households: number };

export interface UnitSetting {
  /** Used by the manual rule when `locked`. */
  target?: UnitTarget;
  locked?: boolean;
  /** Lowest rate (%) the unit can be planned down to; overrides the scenario's floor. */
  floorRate?: number;
  /** Steepest reduction (points a year); overrides the scenario's cap. */
  capPoints?: number;
  /** Replaces the groups the data gives the unit (e.g. marks a poor district). */
  groups?: UnitGroup[];
}

/** A budget line such as Programme 30a or 135, per year, in million VND. */
export interface Programme {
  name: string;
  amountPerYear: number;
  /** Which units it pays for; shared among them in proportion to their poor households. */
  eligible: 'all' | UnitGroup;
  /** Million VND it spends per household leaving poverty in its units (0 when not costed). */
  costPerExit: number;
  /** The plan's budget line it was read from, so exports cite it and its slips. */
  source?: ProgrammeSource;
}

export interface ProgrammeSource {
  datasetId: string;
  indicator: string;
  /** The document's printed figure disagrees with the sum of its printed parts. */
  slip?: { stated: number; partsSum: number };
}

/** A uniform range [low, high]. */
export type Range = [number, number];

export interface ScenarioDefinition {
  version: 1;
  name: string;
  baseDatasetId: string;
  scope: ScenarioScope;
  /** First year of the horizon; the base dataset's figures are its start. */
  startYear: number;
  years: number;
  householdGrowth: { source: 'data' } | { source: 'planner'; percentPerYear: number };
  target: OverallTarget;
  rule: AllocationRule;
  remainderRule: RemainderRule;
  groupMinimums: GroupMinimum[];
  /** Default lowest rate (%) a unit can be planned down to. */
  floorRate: number;
  /** Default steepest reduction (points a year), or null for none. */
  capPoints: number | null;
  units: Record<string, UnitSetting>;
  flows: {
    /** Share of non-poor households falling into poverty each year (%). */
    newPoorPercent: number;
    /** Share of each year's exits that fall back into poverty (%). */
    rePovertyPercent: number;
  };
  budget: {
    /**
     * Million VND per household helped out of poverty (gross exit) that no listed programme
     * pays for; a unit needs this plus the cost per exit of every programme it is eligible for.
     */
    costPerExit: number;
    programmes: Programme[];
  };
  uncertainty: {
    /** Share of the planned exits that happen (%). */
    exitSuccessPercent: Range;
    newPoorPercent: Range;
    rePovertyPercent: Range;
    draws: number;
    seed: number;
  };
}

/** What the map can show of a scenario at its horizon. */
export const SCENARIO_MEASURE_IDS = ['rate', 'change', 'exits', 'gap'] as const;
export type ScenarioMeasureId = (typeof SCENARIO_MEASURE_IDS)[number];

export const SCENARIO_LIMITS = {
  nameLength: 120,
  years: 10,
  units: 2000,
  programmes: 20,
  draws: 100_000,
  /** Points a year; no real target comes near it. */
  points: 100,
  households: 10_000_000,
  money: 1e12,
} as const;

export class ScenarioDefinitionError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ScenarioDefinitionError';
  }
}

export interface DefaultScenarioOptions {
  name?: string;
  baseDatasetId: string;
  scope?: ScenarioScope;
  startYear: number;
  years?: number;
}

/**
 * A new scenario: 1.5 points a year (the top of the 2021–2025 national target of 1–1.5,
 * NQ 24/2021/QH15) and poor districts at least 4 points a year.
 */
export function createDefaultScenario(options: DefaultScenarioOptions): ScenarioDefinition {
  return {
    version: 1,
    name: options.name ?? 'Kịch bản mới',
    baseDatasetId: options.baseDatasetId,
    scope: options.scope ?? { kind: 'nation' },
    startYear: options.startYear,
    years: options.years ?? 1,
    householdGrowth: { source: 'data' },
    target: { kind: 'points-per-year', points: 1.5 },
    rule: 'group-minimums-first',
    remainderRule: 'proportional-to-rate',
    groupMinimums: [{ group: 'poor-district', pointsPerYear: 4 }],
    floorRate: 0,
    capPoints: null,
    units: {},
    flows: { newPoorPercent: 0, rePovertyPercent: 0 },
    budget: { costPerExit: 50, programmes: [] },
    uncertainty: {
      exitSuccessPercent: [80, 100],
      newPoorPercent: [0, 1],
      rePovertyPercent: [0, 10],
      draws: 10_000,
      seed: 1,
    },
  };
}

// ---- parsing ---------------------------------------------------------------------------------

type Json = Record<string, unknown>;

function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ScenarioDefinitionError(path, `expected an object, got ${describeValue(value)}`);
  }
  return value as Json;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
  return typeof value === 'object' ? 'an object' : String(value);
}

function number(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ScenarioDefinitionError(path, `expected a number, got ${describeValue(value)}`);
  }
  if (value < min || value > max) {
    throw new ScenarioDefinitionError(path, `${value} is outside ${min}–${max}`);
  }
  return value;
}

function integer(value: unknown, path: string, min: number, max: number): number {
  const n = number(value, path, min, max);
  if (!Number.isInteger(n)) throw new ScenarioDefinitionError(path, `${n} is not a whole number`);
  return n;
}

function text(value: unknown, path: string, maxLength: number, pattern?: RegExp): string {
  if (typeof value !== 'string') {
    throw new ScenarioDefinitionError(path, `expected text, got ${describeValue(value)}`);
  }
  if (value.length > maxLength) {
    throw new ScenarioDefinitionError(path, `longer than ${maxLength} characters`);
  }
  // Control characters have no place in a name and can hide text in exports.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new ScenarioDefinitionError(path, 'contains control characters');
  }
  if (pattern && !pattern.test(value)) {
    throw new ScenarioDefinitionError(path, `"${value.slice(0, 40)}" is not a valid value`);
  }
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ScenarioDefinitionError(
      path,
      `expected one of ${allowed.join(', ')}, got ${describeValue(value)}`,
    );
  }
  return value as T;
}

function array(value: unknown, path: string, maxLength: number): unknown[] {
  if (!Array.isArray(value)) {
    throw new ScenarioDefinitionError(path, `expected a list, got ${describeValue(value)}`);
  }
  if (value.length > maxLength) {
    throw new ScenarioDefinitionError(path, `more than ${maxLength} entries`);
  }
  return value;
}

function range(value: unknown, path: string, min: number, max: number): Range {
  const [low, high] = array(value, path, 2);
  if (low === undefined || high === undefined) {
    throw new ScenarioDefinitionError(path, 'expected [low, high]');
  }
  const parsed: Range = [number(low, `${path}[0]`, min, max), number(high, `${path}[1]`, min, max)];
  if (parsed[0] > parsed[1]) {
    throw new ScenarioDefinitionError(path, `low ${parsed[0]} is above high ${parsed[1]}`);
  }
  return parsed;
}

const UNIT_CODE = /^[0-9]{2,5}$/;
const DATASET_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

function parseUnitSetting(value: unknown, path: string): UnitSetting {
  const input = object(value, path);
  const setting: UnitSetting = {};
  if (input.target !== undefined) {
    const target = object(input.target, `${path}.target`);
    if (target.points !== undefined) {
      const max = SCENARIO_LIMITS.points;
      setting.target = { points: number(target.points, `${path}.target.points`, -max, max) };
    } else {
      const max = SCENARIO_LIMITS.households;
      setting.target = {
        households: number(target.households, `${path}.target.households`, -max, max),
      };
    }
  }
  if (input.locked !== undefined) {
    if (typeof input.locked !== 'boolean') {
      throw new ScenarioDefinitionError(`${path}.locked`, 'expected true or false');
    }
    setting.locked = input.locked;
  }
  if (input.floorRate !== undefined)
    setting.floorRate = number(input.floorRate, `${path}.floorRate`, 0, 100);
  if (input.capPoints !== undefined) {
    setting.capPoints = number(input.capPoints, `${path}.capPoints`, 0, SCENARIO_LIMITS.points);
  }
  if (input.groups !== undefined) {
    setting.groups = [
      ...new Set(
        array(input.groups, `${path}.groups`, UNIT_GROUPS.length).map((g, i) =>
          oneOf(g, `${path}.groups[${i}]`, UNIT_GROUPS),
        ),
      ),
    ];
  }
  return setting;
}

/**
 * Checks an untrusted value (from IndexedDB, a URL, a file) and returns a fresh definition built
 * only from the fields it knows; unknown fields are dropped. Throws ScenarioDefinitionError
 * naming the first bad field.
 */
export function parseScenarioDefinition(value: unknown): ScenarioDefinition {
  const input = object(value, 'scenario');
  if (input.version !== 1) {
    throw new ScenarioDefinitionError(
      'version',
      `unsupported version ${describeValue(input.version)}`,
    );
  }
  const scopeInput = object(input.scope, 'scope');
  const scopeKind = oneOf(scopeInput.kind, 'scope.kind', ['nation', 'province'] as const);
  const scope: ScenarioScope =
    scopeKind === 'nation'
      ? { kind: 'nation' }
      : {
          kind: 'province',
          provinceCode: text(scopeInput.provinceCode, 'scope.provinceCode', 2, /^[0-9]{2}$/),
        };

  const startYear = integer(input.startYear, 'startYear', 1990, 2100);
  const years = integer(input.years, 'years', 1, SCENARIO_LIMITS.years);

  const growthInput = object(input.householdGrowth, 'householdGrowth');
  const growthSource = oneOf(growthInput.source, 'householdGrowth.source', [
    'data',
    'planner',
  ] as const);
  const householdGrowth: ScenarioDefinition['householdGrowth'] =
    growthSource === 'data'
      ? { source: 'data' }
      : {
          source: 'planner',
          percentPerYear: number(
            growthInput.percentPerYear,
            'householdGrowth.percentPerYear',
            -50,
            50,
          ),
        };

  const targetInput = object(input.target, 'target');
  const targetKind = oneOf(targetInput.kind, 'target.kind', [
    'points-per-year',
    'final-rate',
  ] as const);
  let target: OverallTarget;
  if (targetKind === 'points-per-year') {
    target = {
      kind: targetKind,
      points: number(targetInput.points, 'target.points', 0, SCENARIO_LIMITS.points),
    };
  } else {
    const year = integer(targetInput.year, 'target.year', startYear, startYear + years - 1);
    target = { kind: targetKind, rate: number(targetInput.rate, 'target.rate', 0, 100), year };
  }

  const groupMinimums = array(input.groupMinimums, 'groupMinimums', UNIT_GROUPS.length).map(
    (entry, i) => {
      const path = `groupMinimums[${i}]`;
      const g = object(entry, path);
      return {
        group: oneOf(g.group, `${path}.group`, UNIT_GROUPS),
        pointsPerYear: number(g.pointsPerYear, `${path}.pointsPerYear`, 0, SCENARIO_LIMITS.points),
      };
    },
  );

  const unitsInput = object(input.units, 'units');
  const unitCodes = Object.keys(unitsInput);
  if (unitCodes.length > SCENARIO_LIMITS.units) {
    throw new ScenarioDefinitionError('units', `more than ${SCENARIO_LIMITS.units} units`);
  }
  const units: Record<string, UnitSetting> = {};
  for (const code of unitCodes) {
    // Only digit codes: keys such as "__proto__" can never reach the new object.
    text(code, `units key`, 5, UNIT_CODE);
    units[code] = parseUnitSetting(unitsInput[code], `units.${code}`);
  }

  const flowsInput = object(input.flows, 'flows');
  const budgetInput = object(input.budget, 'budget');
  const programmes = array(
    budgetInput.programmes,
    'budget.programmes',
    SCENARIO_LIMITS.programmes,
  ).map((entry, i) => {
    const path = `budget.programmes[${i}]`;
    const p = object(entry, path);
    const programme: Programme = {
      name: text(p.name, `${path}.name`, SCENARIO_LIMITS.nameLength),
      amountPerYear: number(p.amountPerYear, `${path}.amountPerYear`, 0, SCENARIO_LIMITS.money),
      eligible: oneOf(p.eligible, `${path}.eligible`, ['all', ...UNIT_GROUPS] as const),
      // Scenarios saved before programmes were costed carry no cost per exit: they cost nothing.
      costPerExit:
        p.costPerExit === undefined
          ? 0
          : number(p.costPerExit, `${path}.costPerExit`, 0, SCENARIO_LIMITS.money),
    };
    if (p.source !== undefined) {
      const source = object(p.source, `${path}.source`);
      programme.source = {
        datasetId: text(source.datasetId, `${path}.source.datasetId`, 100, DATASET_ID),
        indicator: text(source.indicator, `${path}.source.indicator`, 40, /^[a-z0-9_]+$/),
      };
      if (source.slip !== undefined) {
        const slip = object(source.slip, `${path}.source.slip`);
        const max = SCENARIO_LIMITS.money;
        programme.source.slip = {
          stated: number(slip.stated, `${path}.source.slip.stated`, 0, max),
          partsSum: number(slip.partsSum, `${path}.source.slip.partsSum`, 0, max),
        };
      }
    }
    return programme;
  });
  const uncertaintyInput = object(input.uncertainty, 'uncertainty');

  const capPoints =
    input.capPoints === null
      ? null
      : number(input.capPoints, 'capPoints', 0, SCENARIO_LIMITS.points);

  return {
    version: 1,
    name: text(input.name, 'name', SCENARIO_LIMITS.nameLength),
    baseDatasetId: text(input.baseDatasetId, 'baseDatasetId', 100, DATASET_ID),
    scope,
    startYear,
    years,
    householdGrowth,
    target,
    rule: oneOf(input.rule, 'rule', ALLOCATION_RULES),
    remainderRule: oneOf(input.remainderRule, 'remainderRule', REMAINDER_RULES),
    groupMinimums,
    floorRate: number(input.floorRate, 'floorRate', 0, 100),
    capPoints,
    units,
    flows: {
      newPoorPercent: number(flowsInput.newPoorPercent, 'flows.newPoorPercent', 0, 100),
      rePovertyPercent: number(flowsInput.rePovertyPercent, 'flows.rePovertyPercent', 0, 99),
    },
    budget: {
      costPerExit: number(budgetInput.costPerExit, 'budget.costPerExit', 0, SCENARIO_LIMITS.money),
      programmes,
    },
    uncertainty: {
      exitSuccessPercent: range(
        uncertaintyInput.exitSuccessPercent,
        'uncertainty.exitSuccessPercent',
        0,
        200,
      ),
      newPoorPercent: range(uncertaintyInput.newPoorPercent, 'uncertainty.newPoorPercent', 0, 100),
      rePovertyPercent: range(
        uncertaintyInput.rePovertyPercent,
        'uncertainty.rePovertyPercent',
        0,
        99,
      ),
      draws: integer(uncertaintyInput.draws, 'uncertainty.draws', 1, SCENARIO_LIMITS.draws),
      seed: integer(uncertaintyInput.seed, 'uncertainty.seed', 0, 2 ** 32 - 1),
    },
  };
}
