import planCsv from '../../../../data/seeds/tuyen-quang-2020-plan.csv?raw';
import { createDefaultScenario, type ScenarioDefinition } from './scenario-definition.ts';
import type { ScenarioUnitInput } from './scenario-inputs.ts';

/** The Tuyên Quang 2020 plan's annex table, read from the committed seed (the source of truth). */
export function tuyenQuangPlan(): {
  province: Record<string, string>;
  districts: Record<string, string>[];
} {
  const [header, ...lines] = planCsv.trim().split('\n');
  const columns = header!.split(',');
  const rows = lines.map((line) =>
    Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])),
  );
  return {
    province: rows.find((r) => r.district_code === '')!,
    districts: rows.filter((r) => r.district_code !== ''),
  };
}

export function tuyenQuangUnits(): ScenarioUnitInput[] {
  return tuyenQuangPlan().districts.map((row) => ({
    code: row.district_code!,
    name: row.district_name!,
    provinceCode: row.province_code!,
    households: Number(row.households_start),
    poor: Number(row.poor_start),
    householdsEnd: Number(row.households_end),
    groups: ['071', '072'].includes(row.district_code!) ? ['poor-district'] : [],
    bestPastReduction: null,
  }));
}

export function scenario(overrides: Partial<ScenarioDefinition> = {}): ScenarioDefinition {
  return {
    ...createDefaultScenario({ baseDatasetId: 'test', startYear: 2021 }),
    groupMinimums: [],
    rule: 'equal-points',
    ...overrides,
  };
}
